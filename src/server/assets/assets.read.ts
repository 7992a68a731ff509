import type { Classification } from '../access/classification.ts'
import type { Actor, Ctx, UserActor } from '../context.ts'
import { toBool } from '../db/values.ts'
import { AppError } from '../errors.ts'
import { decodeCursor, encodeCursor } from '../pagination.ts'
import { listVisibleRequestsForLink } from '../requests/requests.links.ts'
import { isCourtCaseworker } from '../situations/situations.policy.ts'
import { toAlert } from './assets.alerts.ts'
import { auditAssetReads } from './assets.audit.ts'
import { addDays, daysBetween, todayOf } from './assets.dates.ts'
import { allowedSteps, STEPS, stageAfter } from './assets.lifecycle.ts'
import { type Currency, formatMinor } from './assets.money.ts'
import * as repo from './assets.repository.ts'
import type { AssetDetail, AssetFilterQuery, AssetSummary, ListAssetsQuery, Purpose } from './assets.schemas.ts'
import type { AssetClaimRow, AssetRow, AssetStage, AssetStepRow, AssetValuationRow } from './assets.table.ts'

// Reading assets: the list, one asset with its steps, valuations, claims and open alerts, and
// the answers' shapes. Reads of non-public assets are audited (group commit, like request reads).
// The changes are in assets.service.ts.

export function toFilters(q: AssetFilterQuery, today: string): repo.AssetFilters {
  return {
    caseId: q.caseId,
    personId: q.personId,
    jurisdiction: q.jurisdiction,
    stages: q.stage,
    kind: q.kind,
    purposes: q.purpose,
    expiringBy: q.expiringWithinDays === undefined ? undefined : addDays(today, q.expiringWithinDays),
  }
}

const isKeyset = (v: unknown): v is repo.AssetKeyset =>
  Array.isArray(v) &&
  v.length === 2 &&
  typeof v[0] === 'string' &&
  typeof v[1] === 'string' &&
  v[0].length <= 40 &&
  v[1].length <= 200

export async function listAssets(ctx: Ctx, query: ListAssetsQuery) {
  const today = todayOf(ctx)
  const after = query.cursor ? decodeCursor(query.cursor, isKeyset) : null
  const rows = await repo.listVisibleAssets(ctx.db, ctx.actor, {
    filters: toFilters(query, today),
    after,
    limit: query.limit + 1,
  })
  const page = rows.slice(0, query.limit)
  await auditAssetReads(ctx, page, 'asset.listed')
  const last = page.at(-1)
  return {
    items: page.map((r) => toAssetSummary(r, today)),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.created_at, last.id]) : null,
  }
}

export async function getAsset(ctx: Ctx, id: string): Promise<AssetDetail> {
  const today = todayOf(ctx)
  const loaded = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findVisibleAsset(trx, ctx.actor, id)
    // Not visible and not existing get the same answer.
    if (!row) throw new AppError('RECORD_NOT_FOUND', `No asset ${id}`)
    const steps = await repo.listSteps(trx, id)
    const requestIds = steps.flatMap((s) => (s.request_id ? [s.request_id] : []))
    return {
      row,
      steps,
      requests: await listVisibleRequestsForLink(trx, ctx.actor, requestIds),
      valuations: await repo.listValuations(trx, id),
      claims: await repo.listClaims(trx, id),
      alerts: await repo.listOwnedAlerts(trx, ctx.actor, { statuses: ['open', 'acknowledged'], assetId: id }),
    }
  })
  await auditAssetReads(ctx, [loaded.row], 'asset.read')
  const { row } = loaded
  const requests = new Map(loaded.requests.map((r) => [r.id, r]))
  return {
    ...toAssetSummary(row, today),
    steps: loaded.steps.map((s) => toStep(s, requests)),
    valuations: loaded.valuations.map(toValuation),
    claims: loaded.claims.map(toClaim),
    openAlerts: loaded.alerts.map((a) => toAlert(a, today)),
    canRecord: isOwner(ctx.actor, row),
    allowedSteps: isOwner(ctx.actor, row)
      ? allowedSteps(row.stage).map((action) => {
          const rule = STEPS[action]
          return {
            action,
            to: stageAfter(action, row.stage),
            legalBasis: rule.legalBasis,
            requestTypes: [...rule.requestTypes],
            isRequestRequired: rule.isRequestRequired,
            isOrderRequired: rule.isOrderRequired,
            isExpiryRequired: rule.isExpiryRequired,
          }
        })
      : [],
  }
}

/** The asset's owners: Court officers and approvers of its compartment. They record its life. */
export function isOwner(actor: Actor, row: { compartment_code: string | null }): actor is UserActor {
  return isCourtCaseworker(actor) && row.compartment_code !== null && actor.compartments.includes(row.compartment_code)
}

export function purposesOf(row: AssetRow): Purpose[] {
  const purposes: Purpose[] = []
  if (toBool(row.purpose_evidence)) purposes.push('evidence')
  if (toBool(row.purpose_reparations)) purposes.push('reparations')
  if (toBool(row.purpose_legal_aid)) purposes.push('legal_aid')
  if (toBool(row.purpose_forfeiture)) purposes.push('forfeiture')
  return purposes
}

export function toAssetSummary(row: AssetRow, today: string): AssetSummary {
  const currency = row.value_currency as Currency | null
  return {
    id: row.id,
    caseId: row.case_id,
    personId: row.person_id,
    kind: row.kind,
    description: row.description,
    jurisdiction: row.jurisdiction,
    purposes: purposesOf(row),
    reparationsOrderRef: row.reparations_order_ref,
    stage: row.stage as AssetStage,
    orderExpiresOn: row.order_expires_on,
    daysToExpiry: row.order_expires_on ? daysBetween(today, row.order_expires_on) : null,
    value:
      row.value_minor !== null && currency && row.valued_on
        ? { amount: formatMinor(BigInt(row.value_minor), currency), currency, valuedOn: row.valued_on }
        : null,
    classification: row.classification as Classification,
    compartment: row.compartment_code,
    isDemo: toBool(row.is_demo),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function toStep(
  s: AssetStepRow,
  requests: Map<string, { reference: string; requestType: string; addressee: string; status: string }>,
) {
  const request = s.request_id ? requests.get(s.request_id) : undefined
  return {
    id: s.id,
    seq: Number(s.seq),
    action: s.action,
    fromStage: s.from_stage as AssetStage | null,
    toStage: s.to_stage as AssetStage,
    // A request the caller may not see is named by nothing but its id (which the step holds).
    request: s.request_id
      ? {
          id: s.request_id,
          reference: request?.reference ?? null,
          requestType: request?.requestType ?? null,
          addressee: request?.addressee ?? null,
          status: request?.status ?? null,
        }
      : null,
    order:
      s.order_reference && s.order_authority && s.order_date
        ? {
            issuingAuthority: s.order_authority,
            reference: s.order_reference,
            date: s.order_date,
            expiresOn: s.order_expires_on,
          }
        : null,
    note: s.note,
    recordedBy: s.recorded_by,
    recordedAt: s.recorded_at,
  }
}

function toValuation(v: AssetValuationRow) {
  const currency = v.currency as Currency
  return {
    id: v.id,
    amount: formatMinor(BigInt(v.amount_minor), currency),
    currency,
    valuedOn: v.valued_on,
    basis: v.basis,
    recordedBy: v.recorded_by,
    recordedAt: v.recorded_at,
  }
}

function toClaim(c: AssetClaimRow) {
  const currency = c.currency as Currency | null
  return {
    id: c.id,
    claimant: c.claimant,
    nature: c.nature,
    amount: c.amount_minor !== null && currency ? formatMinor(BigInt(c.amount_minor), currency) : null,
    currency,
    lodgedOn: c.lodged_on,
    status: c.status,
    statusNote: c.status_note,
    recordedBy: c.recorded_by,
    recordedAt: c.recorded_at,
    updatedAt: c.updated_at,
  }
}
