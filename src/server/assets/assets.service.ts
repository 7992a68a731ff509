import { randomUUID } from 'node:crypto'
import { recordAuditEvent } from '../audit/audit.service.ts'
import type { Actor, Ctx, UserActor } from '../context.ts'
import type { Db } from '../db/database.ts'
import { fromBool } from '../db/values.ts'
import { AppError } from '../errors.ts'
import { listOrganisations } from '../identity/identity.service.ts'
import { findVisibleRequestForLink } from '../requests/requests.links.ts'
import { assertOwnable, isCourtCaseworker } from '../situations/situations.policy.ts'
import { findVisibleCaseForLink, listVisiblePersonsForLink } from '../situations/situations.service.ts'
import { getStateByIso3 } from '../states/states.service.ts'
import { raiseAlertsForAssets } from './assets.alerts.ts'
import { todayOf } from './assets.dates.ts'
import { allowedSteps, isOrderStage, STEPS, type StepAction, stageAfter } from './assets.lifecycle.ts'
import { type Currency, MoneyError, parseAmount } from './assets.money.ts'
import { getAsset, isOwner } from './assets.read.ts'
import * as repo from './assets.repository.ts'
import type { AssetDetail, CreateAssetBody, StepBody } from './assets.schemas.ts'
import type { AssetRow } from './assets.table.ts'

// Changes to assets linked to a case (and a person): creation (identification), the life-cycle
// steps with the request and order behind each, valuations and third-party claims; every change
// in its own transaction, audited in it. The reads are in assets.read.ts; valuations and claims in
// assets.claims.ts.

function caseworker(ctx: Ctx): UserActor {
  if (!isCourtCaseworker(ctx.actor)) throw new AppError('FORBIDDEN', 'Only Court officers and approvers record assets')
  return ctx.actor
}

/** A visible asset its caller owns; one that is visible but owned by others may not be changed. */
export async function ownedAsset(ctx: Ctx, db: Db, id: string): Promise<{ actor: UserActor; row: AssetRow }> {
  const actor = caseworker(ctx)
  const row = await repo.findVisibleAsset(db, actor, id)
  if (!row) throw new AppError('RECORD_NOT_FOUND', `No asset ${id}`)
  if (!isOwner(actor, row)) throw new AppError('FORBIDDEN', "Only the asset's compartment records its life")
  return { actor, row }
}

export function amountOf(text: string, currency: Currency): bigint {
  try {
    return parseAmount(text, currency)
  } catch (error) {
    if (error instanceof MoneyError) throw new AppError('AMOUNT_INVALID', error.message)
    throw error
  }
}

/**
 * The request a step rests on: visible to the caller, of the step's type (93(1)(k); 109 also for
 * forfeiture and release), transmitted (a State acts on what it received) and addressed to the
 * State where the asset is.
 */
async function checkRequest(
  db: Db,
  actor: Actor,
  input: { action: StepAction; requestId: string | null | undefined; jurisdiction: string },
) {
  const rule = STEPS[input.action]
  if (!input.requestId) {
    if (!rule.isRequestRequired) return null
    throw new AppError(
      'ASSET_REQUEST_INVALID',
      `The ${input.action} step rests on a request for cooperation under ${rule.legalBasis}: give its requestId`,
      { requestTypes: rule.requestTypes },
    )
  }
  const request = await findVisibleRequestForLink(db, actor, input.requestId)
  if (!request) {
    throw new AppError('ASSET_REQUEST_INVALID', `No request ${input.requestId} that you may see`, {
      requestTypes: rule.requestTypes,
    })
  }
  if (!(rule.requestTypes as readonly string[]).includes(request.requestType)) {
    throw new AppError(
      'ASSET_REQUEST_INVALID',
      `Request ${request.reference} is a ${request.requestType} request; the ${input.action} step rests on a request of type ${rule.requestTypes.join(' or ')}`,
      { requestTypes: rule.requestTypes },
    )
  }
  if (request.status === 'draft' || request.status === 'approved') {
    throw new AppError(
      'ASSET_REQUEST_INVALID',
      `Request ${request.reference} has not been transmitted: a State acts on a request it received`,
    )
  }
  if (request.addressee !== input.jurisdiction) {
    throw new AppError(
      'ASSET_REQUEST_INVALID',
      `Request ${request.reference} is addressed to ${request.addressee}; the asset is in ${input.jurisdiction}`,
    )
  }
  return request
}

async function checkJurisdiction(ctx: Ctx, iso3: string) {
  try {
    await getStateByIso3(ctx, iso3)
  } catch (error) {
    if (error instanceof AppError && error.code === 'STATE_NOT_FOUND')
      throw new AppError('RECORD_INVALID', `No State ${iso3} in the directory (jurisdiction)`)
    throw error
  }
}

export async function createAsset(ctx: Ctx, input: CreateAssetBody): Promise<AssetDetail> {
  const actor = caseworker(ctx)
  const nowIso = ctx.now().toISOString()
  const today = todayOf(ctx)
  const id = randomUUID()
  const valuation = input.valuation
  const valueMinor = valuation ? amountOf(valuation.amount, valuation.currency) : null
  if (valuation && valuation.valuedOn > today)
    throw new AppError('RECORD_INVALID', 'A valuation is dated today or earlier')
  await checkJurisdiction(ctx, input.jurisdiction)
  const named = [...new Set(input.namedOrganisations)]
  if (named.length > 0) {
    const known = new Set((await listOrganisations(ctx)).map((o) => o.code))
    const unknown = named.filter((code) => !known.has(code))
    if (unknown.length > 0) throw new AppError('RECORD_INVALID', `No organisation ${unknown.join(', ')}`)
  }
  await ctx.db.transaction().execute(async (trx) => {
    const found = await findVisibleCaseForLink(trx, actor, input.caseId)
    if (!found) throw new AppError('RECORD_NOT_FOUND', `No case ${input.caseId}`)
    if (input.personId) {
      const [person] = await listVisiblePersonsForLink(trx, actor, [input.personId])
      if (!person) throw new AppError('RECORD_NOT_FOUND', `No person ${input.personId}`)
      if (person.situationId !== found.situationId)
        throw new AppError('RECORD_INVALID', "The person is not concerned by the case's situation")
    }
    // Default: confidential, owned by the case's compartment (the case team holds its assets).
    const classification = input.classification ?? 'confidential'
    const compartment = input.compartment ?? found.compartment
    assertOwnable(actor, { classification, compartment, exParteParty: input.exParteParty })
    const request = await checkRequest(trx, actor, {
      action: 'identify',
      requestId: input.identification?.requestId,
      jurisdiction: input.jurisdiction,
    })
    const purposes = new Set(input.purposes)
    await repo.insertAsset(trx, {
      id,
      classification,
      compartment_code: compartment,
      ex_parte_party: classification === 'ex_parte' ? (input.exParteParty ?? null) : null,
      case_id: input.caseId,
      person_id: input.personId ?? null,
      kind: input.kind,
      description: input.description,
      jurisdiction: input.jurisdiction,
      purpose_evidence: fromBool(purposes.has('evidence')),
      purpose_reparations: fromBool(purposes.has('reparations')),
      purpose_legal_aid: fromBool(purposes.has('legal_aid')),
      purpose_forfeiture: fromBool(purposes.has('forfeiture')),
      reparations_order_ref: input.reparationsOrderRef ?? null,
      stage: 'identified',
      current_order_step_id: null,
      order_expires_on: null,
      value_minor: valueMinor === null ? null : valueMinor.toString(),
      value_currency: valuation?.currency ?? null,
      valued_on: valuation?.valuedOn ?? null,
      created_by: actor.userId,
      created_at: nowIso,
      updated_at: nowIso,
    })
    // Named organisations may know the asset exists (the Trust Fund for Victims for reparations);
    // only its compartment records its life.
    await repo.insertNamedOrganisations(trx, id, named)
    await repo.insertSteps(trx, [
      {
        id: randomUUID(),
        asset_id: id,
        seq: 1,
        action: 'identify',
        from_stage: null,
        to_stage: 'identified',
        request_id: request?.id ?? null,
        order_authority: null,
        order_reference: null,
        order_date: null,
        order_expires_on: null,
        note: input.identification?.note ?? null,
        recorded_by: actor.email,
        recorded_at: nowIso,
      },
    ])
    if (valuation && valueMinor !== null) {
      await repo.insertValuations(trx, [
        {
          id: randomUUID(),
          asset_id: id,
          amount_minor: valueMinor.toString(),
          currency: valuation.currency,
          valued_on: valuation.valuedOn,
          basis: valuation.basis,
          recorded_by: actor.email,
          recorded_at: nowIso,
        },
      ])
    }
    await recordAuditEvent(ctx, trx, {
      action: 'asset.created',
      recordType: repo.ASSET_RECORD,
      recordId: id,
      classification,
      details: {
        caseId: input.caseId,
        kind: input.kind,
        jurisdiction: input.jurisdiction,
        requestId: request?.id,
        named,
      },
    })
  })
  return getAsset(ctx, id)
}

export async function takeStep(ctx: Ctx, id: string, input: StepBody): Promise<AssetDetail> {
  const action = input.action as StepAction
  const rule = STEPS[action]
  const nowIso = ctx.now().toISOString()
  const today = todayOf(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const { actor, row } = await ownedAsset(ctx, trx, id)
    const allowed = allowedSteps(row.stage)
    if (!allowed.includes(action)) {
      throw new AppError(
        'ASSET_STEP_NOT_ALLOWED',
        `An asset that is ${row.stage} cannot take the ${action} step` +
          (allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : ' (its life cycle has ended)'),
        { stage: row.stage, allowed },
      )
    }
    const order = input.order ?? null
    if (rule.isOrderRequired && !order)
      throw new AppError('ASSET_STEP_INVALID', `The ${action} step records the order behind it (order)`)
    if (order) {
      if (order.date > today) throw new AppError('ASSET_STEP_INVALID', 'The order is dated today or earlier')
      if (rule.isExpiryRequired && !order.expiresOn)
        throw new AppError('ASSET_STEP_INVALID', `A ${action} order has an expiry date (order.expiresOn)`)
      if (!rule.isExpiryRequired && order.expiresOn)
        throw new AppError('ASSET_STEP_INVALID', `Only freezing and seizure orders have an expiry date, not ${action}`)
      if (order.expiresOn && order.expiresOn <= order.date)
        throw new AppError('ASSET_STEP_INVALID', 'The order expires after the date it was made')
      if (action === 'renew' && order.expiresOn && row.order_expires_on && order.expiresOn <= row.order_expires_on)
        throw new AppError(
          'ASSET_STEP_INVALID',
          `A renewal extends the order: its expiry must be after ${row.order_expires_on}`,
        )
    }
    const request = await checkRequest(trx, actor, {
      action,
      requestId: input.requestId,
      jurisdiction: row.jurisdiction,
    })
    const to = stageAfter(action, row.stage)
    const stepId = randomUUID()
    await repo.insertSteps(trx, [
      {
        id: stepId,
        asset_id: id,
        seq: await repo.nextStepSeq(trx, id),
        action,
        from_stage: row.stage,
        to_stage: to,
        request_id: request?.id ?? null,
        order_authority: order?.issuingAuthority ?? null,
        order_reference: order?.reference ?? null,
        order_date: order?.date ?? null,
        order_expires_on: order?.expiresOn ?? null,
        note: input.note ?? null,
        recorded_by: actor.email,
        recorded_at: nowIso,
      },
    ])
    // The order in force is the latest freezing or seizure order (or its renewal); once the asset
    // is forfeited or released no order runs any more. Alerts of a superseded order are cleared.
    const hasNewOrder = isOrderStage(to) && Boolean(order?.expiresOn)
    const keepsOrder = action === 'trace'
    await repo.updateAsset(trx, id, {
      stage: to,
      updated_at: nowIso,
      ...(keepsOrder
        ? {}
        : hasNewOrder
          ? { current_order_step_id: stepId, order_expires_on: order?.expiresOn ?? null }
          : { current_order_step_id: null, order_expires_on: null }),
    })
    const cleared = keepsOrder
      ? []
      : await repo.clearAlertsOfAsset(trx, id, actor.email, nowIso, `order superseded by the ${action} step`)
    // A new order that already lapses within the alert window raises its alert now, not at the
    // next sweep.
    const raised = hasNewOrder ? (await raiseAlertsForAssets(trx, today, nowIso, id)).raised : 0
    await recordAuditEvent(ctx, trx, {
      action: `asset.${action}`,
      recordType: repo.ASSET_RECORD,
      recordId: id,
      classification: row.classification,
      details: {
        from: row.stage,
        to,
        requestId: request?.id ?? null,
        order: order ? { reference: order.reference, expiresOn: order.expiresOn ?? null } : null,
        clearedAlerts: cleared,
        raisedAlerts: raised,
      },
    })
  })
  return getAsset(ctx, id)
}
