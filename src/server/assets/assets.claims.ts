import { randomUUID } from 'node:crypto'
import { recordAuditEvent } from '../audit/audit.service.ts'
import type { Ctx } from '../context.ts'
import { AppError } from '../errors.ts'
import { todayOf } from './assets.dates.ts'
import { getAsset } from './assets.read.ts'
import * as repo from './assets.repository.ts'
import type { AssetDetail, ClaimBody, ClaimStatusBody, ValuationBody } from './assets.schemas.ts'
import { amountOf, ownedAsset } from './assets.service.ts'

// What an asset is worth and who claims it: valuations (the latest by date is the asset's value)
// and third-party claims with their decisions. Recorded by the asset's owners, each change in its
// own transaction, audited in it.

export async function addValuation(ctx: Ctx, id: string, input: ValuationBody): Promise<AssetDetail> {
  const nowIso = ctx.now().toISOString()
  const minor = amountOf(input.amount, input.currency)
  if (input.valuedOn > todayOf(ctx)) throw new AppError('RECORD_INVALID', 'A valuation is dated today or earlier')
  await ctx.db.transaction().execute(async (trx) => {
    const { actor, row } = await ownedAsset(ctx, trx, id)
    await repo.insertValuations(trx, [
      {
        id: randomUUID(),
        asset_id: id,
        amount_minor: minor.toString(),
        currency: input.currency,
        valued_on: input.valuedOn,
        basis: input.basis,
        recorded_by: actor.email,
        recorded_at: nowIso,
      },
    ])
    // The asset's value is its latest valuation by date (a back-dated one enters the history only).
    const latest = (await repo.listValuations(trx, id)).at(-1)
    if (latest) {
      await repo.updateAsset(trx, id, {
        value_minor: latest.amount_minor,
        value_currency: latest.currency,
        valued_on: latest.valued_on,
        updated_at: nowIso,
      })
    }
    await recordAuditEvent(ctx, trx, {
      action: 'asset.valued',
      recordType: repo.ASSET_RECORD,
      recordId: id,
      classification: row.classification,
      details: { amount: input.amount, currency: input.currency, valuedOn: input.valuedOn },
    })
  })
  return getAsset(ctx, id)
}

export async function addClaim(ctx: Ctx, id: string, input: ClaimBody): Promise<AssetDetail> {
  const nowIso = ctx.now().toISOString()
  if (((input.amount ?? null) === null) !== ((input.currency ?? null) === null))
    throw new AppError('AMOUNT_INVALID', 'A claimed amount comes with its currency, and a currency with an amount')
  const minor = input.amount && input.currency ? amountOf(input.amount, input.currency) : null
  if (input.lodgedOn > todayOf(ctx)) throw new AppError('RECORD_INVALID', 'A claim is lodged today or earlier')
  await ctx.db.transaction().execute(async (trx) => {
    const { actor, row } = await ownedAsset(ctx, trx, id)
    const claimId = randomUUID()
    await repo.insertClaims(trx, [
      {
        id: claimId,
        asset_id: id,
        claimant: input.claimant,
        nature: input.nature,
        amount_minor: minor === null ? null : minor.toString(),
        currency: input.currency ?? null,
        lodged_on: input.lodgedOn,
        status: 'pending',
        status_note: null,
        recorded_by: actor.email,
        recorded_at: nowIso,
        updated_at: nowIso,
      },
    ])
    await repo.updateAsset(trx, id, { updated_at: nowIso })
    await recordAuditEvent(ctx, trx, {
      action: 'asset.claim_lodged',
      recordType: repo.ASSET_RECORD,
      recordId: id,
      classification: row.classification,
      details: { claimId, claimant: input.claimant },
    })
  })
  return getAsset(ctx, id)
}

export async function setClaimStatus(
  ctx: Ctx,
  id: string,
  claimId: string,
  input: ClaimStatusBody,
): Promise<AssetDetail> {
  const nowIso = ctx.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    const { row } = await ownedAsset(ctx, trx, id)
    const claim = await repo.findClaim(trx, id, claimId)
    if (!claim) throw new AppError('RECORD_NOT_FOUND', `No claim ${claimId} on this asset`)
    if (claim.status === input.status) return // the same decision twice changes nothing
    await repo.updateClaimStatus(trx, claimId, {
      status: input.status,
      status_note: input.note ?? null,
      updated_at: nowIso,
    })
    await repo.updateAsset(trx, id, { updated_at: nowIso })
    await recordAuditEvent(ctx, trx, {
      action: 'asset.claim_decided',
      recordType: repo.ASSET_RECORD,
      recordId: id,
      classification: row.classification,
      details: { claimId, from: claim.status, to: input.status },
    })
  })
  return getAsset(ctx, id)
}
