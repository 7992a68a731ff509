import { randomUUID } from 'node:crypto'
import { recordAuditEvent } from '../audit/audit.service.ts'
import type { Ctx } from '../context.ts'
import type { Db } from '../db/database.ts'
import { AppError } from '../errors.ts'
import { auditAssetReads } from './assets.audit.ts'
import { addDays, daysBetween, todayOf } from './assets.dates.ts'
import * as repo from './assets.repository.ts'
import type { ListAlertsQuery } from './assets.schemas.ts'
import type { AlertStatus, AssetStage } from './assets.table.ts'

// A freezing or seizure order that lapses within ALERT_WINDOW_DAYS raises an alert to the asset's
// owners (Court staff of its compartment who may see it). Alerts are durable records, one per
// order per lapse date (a unique index makes the sweep idempotent); an owner acknowledges or
// dismisses one; renewing or replacing the order clears it. No e-mail is sent: the platform has
// no mail infrastructure yet (docs/assets.md); the register and the asset page show them.

export const ALERT_WINDOW_DAYS = 30
export const ALERT_SWEEP_INTERVAL_MS = 60 * 60 * 1000

/** Raises the alerts due on `today` (for one asset, or all); returns how many were new. */
export async function raiseAlertsForAssets(trx: Db, today: string, nowIso: string, assetId?: string) {
  const due = await repo.listAssetsWithOrderLapsingBy(trx, addDays(today, ALERT_WINDOW_DAYS))
  const rows = due
    .filter((a) => assetId === undefined || a.id === assetId)
    .map((a) => ({
      id: randomUUID(),
      asset_id: a.id,
      step_id: a.current_order_step_id as string,
      kind: 'order_expiring' as const,
      lapses_on: a.order_expires_on as string,
      status: 'open' as const,
      raised_at: nowIso,
      resolved_by: null,
      resolved_at: null,
      resolution_note: null,
    }))
  return { raised: await repo.insertAlertsIfNew(trx, rows), checked: rows.length }
}

/** The sweep: run on a timer by the server and on demand (`partnine assets sweep-alerts`). */
export async function sweepAlerts(ctx: Ctx) {
  const today = todayOf(ctx)
  const nowIso = ctx.now().toISOString()
  return ctx.db.transaction().execute(async (trx) => {
    const { raised, checked } = await raiseAlertsForAssets(trx, today, nowIso)
    // Raising alerts changes records: audited when it did (a sweep that finds nothing new is silent).
    if (raised > 0) {
      await recordAuditEvent(ctx, trx, {
        action: 'asset.alerts_raised',
        recordType: repo.ASSET_RECORD,
        details: { raised, asOf: today },
      })
    }
    return { raised, checked, asOf: today }
  })
}

/** Sweeps now and then every `intervalMs` while the server runs (unref'd timer). Returns a stop function. */
export function startPeriodicAlertSweeps(ctx: Ctx, intervalMs = ALERT_SWEEP_INTERVAL_MS): () => void {
  let isRunning = false
  const tick = async () => {
    if (isRunning) return
    isRunning = true
    try {
      const result = await sweepAlerts(ctx)
      if (result.raised > 0) ctx.log.info(result, 'asset order expiry alerts raised')
    } catch (error) {
      ctx.log.error({ err: error }, 'asset alert sweep failed')
    } finally {
      isRunning = false
    }
  }
  void tick()
  const timer = setInterval(() => void tick(), intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}

export async function listAlerts(ctx: Ctx, query: ListAlertsQuery) {
  const today = todayOf(ctx)
  const rows = await repo.listOwnedAlerts(ctx.db, ctx.actor, {
    statuses: query.status ?? ['open', 'acknowledged'],
    caseId: query.caseId,
  })
  await auditAssetReads(
    ctx,
    rows.map((r) => ({ id: r.asset_id, classification: r.classification })),
    'asset.alerts_listed',
  )
  return { items: rows.map((r) => toAlert(r, today)) }
}

export async function resolveAlert(
  ctx: Ctx,
  id: string,
  input: { resolution: 'acknowledged' | 'dismissed'; note?: string | null | undefined },
) {
  const actor = ctx.actor
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN', 'Only an owner of the asset resolves its alerts')
  const nowIso = ctx.now().toISOString()
  const row = await ctx.db.transaction().execute(async (trx) => {
    const alert = await repo.findOwnedAlert(trx, actor, id)
    if (!alert) throw new AppError('RECORD_NOT_FOUND', `No alert ${id}`)
    if (alert.status === input.resolution) return alert // the same decision twice changes nothing
    if (alert.status === 'dismissed' || alert.status === 'cleared')
      throw new AppError('ALERT_RESOLVED', `The alert is already ${alert.status}`)
    await repo.resolveAlert(trx, id, {
      status: input.resolution,
      resolved_by: actor.email,
      resolved_at: nowIso,
      resolution_note: input.note ?? null,
    })
    await recordAuditEvent(ctx, trx, {
      action: `asset.alert_${input.resolution}`,
      recordType: repo.ASSET_RECORD,
      recordId: alert.asset_id,
      classification: alert.classification,
      details: { alertId: id, lapsesOn: alert.lapses_on },
    })
    return (await repo.findOwnedAlert(trx, actor, id)) ?? alert
  })
  return toAlert(row, todayOf(ctx))
}

export function toAlert(
  r: {
    id: string
    asset_id: string
    asset_description: string
    case_id: string
    stage: string
    kind: 'order_expiring'
    order_reference: string | null
    lapses_on: string
    status: string
    raised_at: string
    resolved_by: string | null
    resolved_at: string | null
    resolution_note: string | null
  },
  today: string,
) {
  return {
    id: r.id,
    assetId: r.asset_id,
    assetDescription: r.asset_description,
    caseId: r.case_id,
    stage: r.stage as AssetStage,
    kind: r.kind,
    orderReference: r.order_reference,
    lapsesOn: r.lapses_on,
    daysLeft: daysBetween(today, r.lapses_on),
    status: r.status as AlertStatus,
    raisedAt: r.raised_at,
    resolvedBy: r.resolved_by,
    resolvedAt: r.resolved_at,
    resolutionNote: r.resolution_note,
  }
}
