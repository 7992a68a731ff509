import { randomUUID } from 'node:crypto'
import { recordAuditEvent } from '../audit/audit.service.ts'
import { actorLabel, type Ctx, type UserActor } from '../context.ts'
import type { Db } from '../db/database.ts'
import { toJson } from '../db/values.ts'
import { AppError } from '../errors.ts'
import { FIXED_ORGANISATIONS } from '../identity/organisations.ts'
import {
  addresseeRefusal,
  mayOriginate,
  type OriginatingOrgan,
  originatedBy,
  originatingOrganOf,
  originationBasis,
} from '../reference/reference.request-rules.ts'
import { assertOwnable } from '../situations/situations.policy.ts'
import {
  findVisibleCaseForLink,
  findVisibleSituationForLink,
  listVisiblePersonsForLink,
} from '../situations/situations.service.ts'
import { findDeclaredChannel } from '../states/states.service.ts'
import { getRequest } from './requests.page.ts'
import * as records from './requests.records.repository.ts'
import * as repo from './requests.repository.ts'
import type { CreateRequestBody, RequestDetail, UpdateDraftBody } from './requests.schemas.ts'
import { indexRequestsText, indexRequestText, requestSearchParts } from './requests.search-index.ts'
import type { NewRequestRow, RequestUpdate } from './requests.table.ts'
import { resolveWarrants } from './requests.warrant-links.ts'

// Drafting: a request is created as a draft by a Court organ (or a Defence team, routed through
// the Registry) and stays internal to the Court until it is transmitted: its addressee learns of
// it only then, when transmitted_at is set (requests.transitions.ts, requests.repository.ts).

export const REGISTRY = 'ICC-REGISTRY'

export function drafter(ctx: Ctx): UserActor {
  const a = ctx.actor
  const ok =
    a.kind === 'user' &&
    ((a.orgKind === 'court_organ' && ['officer', 'approver'].includes(a.role)) ||
      (a.orgKind === 'defence' && a.role === 'counsel'))
  if (!ok) throw new AppError('FORBIDDEN', 'Only Court officers, approvers and Defence counsel draft requests')
  return a as UserActor
}

/** "the Registry", "the Office of the Prosecutor", "the Defence": an originating organ in a message. */
function organName(organ: OriginatingOrgan): string {
  return `the ${organ === 'defence' ? 'Defence' : FIXED_ORGANISATIONS.find((o) => o.code === organ)?.nameEn}`
}

/** Why the drafter's organ may not originate this type (reference.request-rules.ts), or null. */
function originationRefusal(actor: UserActor, requestType: string): string | null {
  const org = { code: actor.orgCode, kind: actor.orgKind }
  if (mayOriginate(org, requestType)) return null
  const organ = originatingOrganOf(org)
  const who = organ ? organName(organ) : actor.orgCode
  const by = originatedBy(requestType).map(organName)
  const list = by.length > 1 ? `${by.slice(0, -1).join(', ')} or ${by.at(-1)}` : by[0]
  // The Defence is told why it has no such request of its own (its cooperation is 57(3)(b)'s).
  const why =
    organ === 'defence' ? '; the Defence seeks the cooperation it needs to prepare its case (article 57(3)(b))' : ''
  return `A request of type ${requestType} is originated by ${list} (${originationBasis(requestType)}), not by ${who}${why}`
}

type Links = {
  situationId: string | null
  caseId: string | null
  personIds: string[]
  warrantIds: string[]
  compartment: string | null
}

type LinksInput = {
  requestType: string
  situationId?: string | null
  caseId?: string | null
  personIds?: string[]
  warrantIds?: string[]
}

/** Checks that every linked record is visible to the drafter and that the links agree. */
async function resolveLinks(db: Db, actor: UserActor, input: LinksInput): Promise<Links> {
  let situationId = input.situationId ?? null
  let compartment: string | null = null
  const caseId = input.caseId ?? null
  if (caseId) {
    const found = await findVisibleCaseForLink(db, actor, caseId)
    if (!found) throw new AppError('RECORD_NOT_FOUND', `No case ${caseId}`)
    if (situationId && situationId !== found.situationId)
      throw new AppError('RECORD_INVALID', 'The case belongs to another situation')
    if (actor.orgKind === 'defence' && found.defenceOrgCode !== actor.orgCode)
      throw new AppError('RECORD_NOT_FOUND', `No case ${caseId}`)
    situationId = found.situationId
    compartment = found.compartment
  } else if (actor.orgKind === 'defence') {
    throw new AppError('RECORD_INVALID', 'A Defence request names the case of the Defence team')
  }
  if (situationId) {
    const found = await findVisibleSituationForLink(db, actor, situationId)
    if (!found && actor.orgKind !== 'defence') throw new AppError('RECORD_NOT_FOUND', `No situation ${situationId}`)
    compartment ??= found?.compartment ?? null
  }
  const warrants = await resolveWarrants(db, actor, input.requestType, input.warrantIds ?? [])
  // A warrant's person is one of the persons the request concerns, named or not.
  const personIds = [...new Set([...(input.personIds ?? []), ...warrants.personIds])]
  const persons = await listVisiblePersonsForLink(db, actor, personIds)
  if (persons.length !== personIds.length) throw new AppError('RECORD_NOT_FOUND', 'A linked person does not exist')
  return { situationId, caseId, personIds, warrantIds: warrants.warrantIds, compartment }
}

export async function createRequests(
  ctx: Ctx,
  input: CreateRequestBody,
): Promise<{ groupId: string | null; items: RequestDetail[] }> {
  const actor = drafter(ctx)
  const addressees = [...new Set(input.addressees)]
  if (addressees.length !== input.addressees.length)
    throw new AppError('RECORD_INVALID', 'An addressee is listed twice')
  const nowIso = ctx.now().toISOString()
  const isDefence = actor.orgKind === 'defence'
  const ids = await ctx.db.transaction().execute(async (trx) => {
    if (!(await records.findRequestType(trx, input.requestType)))
      throw new AppError('RECORD_INVALID', `Unknown request type ${input.requestType}`)
    const refusal = originationRefusal(actor, input.requestType)
    if (refusal) throw new AppError('RECORD_INVALID', refusal, { originatedBy: originatedBy(input.requestType) })
    const orgs = await records.listOrganisationsByCodes(trx, addressees)
    for (const code of addressees) {
      const org = orgs.find((o) => o.code === code)
      if (org?.kind !== 'state' && org?.kind !== 'io')
        throw new AppError('RECORD_INVALID', `${code} is neither a State nor an international organisation`)
      const refusal = addresseeRefusal(input.requestType, { code, kind: org.kind, romeStatus: org.rome_status })
      if (refusal) throw new AppError('RECORD_INVALID', refusal)
    }
    const links = await resolveLinks(trx, actor, input)
    // A Defence request lives in the Defence team's own compartment (no Court staff are members):
    // the Prosecution never sees it; the Registry, named on it, routes it (docs/requests.md).
    const compartment = isDefence ? actor.orgCode : (input.compartment ?? links.compartment)
    if (!isDefence) assertOwnable(actor, { classification: input.classification, compartment })
    const groupId = addressees.length > 1 ? randomUUID() : null
    const year = ctx.now().getUTCFullYear()
    const rows: NewRequestRow[] = []
    for (const addressee of addressees) {
      const number = await records.takeReferenceNumber(trx, actor.orgCode, year)
      const declared = await findDeclaredChannel(trx, addressee)
      rows.push({
        id: randomUUID(),
        reference: `${actor.orgCode}-${year}-${String(number).padStart(6, '0')}`,
        originator: actor.orgCode,
        routed_through: isDefence ? REGISTRY : null,
        addressee,
        request_type: input.requestType,
        legal_basis: input.legalBasis ?? null,
        situation_id: links.situationId,
        case_id: links.caseId,
        classification: input.classification,
        compartment_code: compartment,
        ex_parte_party: null,
        urgency: input.urgency ?? 'normal',
        language: input.language ?? declared?.languages[0] ?? 'en',
        channel: input.channel ?? declared?.channel ?? (addressee.startsWith('IO-') ? 'direct' : 'diplomatic'),
        response_deadline: input.responseDeadline ? new Date(input.responseDeadline).toISOString() : null,
        acknowledgement_deadline: null,
        summary: input.summary,
        facts: input.facts ?? null,
        assistance_sought: input.assistanceSought ?? null,
        checklist: toJson(input.checklist ?? { answers: {} }),
        status: 'draft',
        status_detail: null,
        group_id: groupId,
        drafted_by: actor.userId,
        approved_by: null,
        transmitted_at: null,
        acknowledged_at: null,
        closed_at: null,
        created_at: nowIso,
        updated_at: nowIso,
      })
    }
    await records.insertRequests(trx, rows)
    await indexRequestsText(trx, rows)
    await records.insertRequestPersons(
      trx,
      rows.flatMap((r) => links.personIds.map((person_id) => ({ request_id: r.id, person_id }))),
    )
    await records.insertRequestWarrants(
      trx,
      rows.flatMap((r) => links.warrantIds.map((warrant_id) => ({ request_id: r.id, warrant_id }))),
    )
    if (isDefence) {
      await records.insertRecipients(
        trx,
        rows.flatMap((r) => [
          { recordId: r.id, kind: 'named' as const, orgCode: actor.orgCode },
          { recordId: r.id, kind: 'named' as const, orgCode: REGISTRY },
        ]),
      )
    }
    await records.insertRequestEvents(
      trx,
      rows.map((r) => ({
        id: randomUUID(),
        request_id: r.id,
        seq: 1,
        occurred_at: nowIso,
        actor: actorLabel(actor),
        actor_org: actor.orgCode,
        action: 'drafted',
        from_status: null,
        to_status: 'draft',
        note: null,
        payload: toJson({ reference: r.reference, groupId }),
      })),
    )
    for (const r of rows) {
      await recordAuditEvent(ctx, trx, {
        action: 'request.drafted',
        recordType: repo.REQUEST_RECORD,
        recordId: r.id,
        classification: r.classification,
        details: {
          reference: r.reference,
          addressee: r.addressee,
          type: r.request_type,
          groupId,
          ...(links.warrantIds.length > 0 ? { warrantIds: links.warrantIds } : {}),
        },
      })
    }
    return { groupId, ids: rows.map((r) => r.id) }
  })
  const items: RequestDetail[] = []
  for (const id of ids.ids) items.push(await getRequest(ctx, id))
  return { groupId: ids.groupId, items }
}

/** Changes drafting fields: only while the request is a draft, only by its originating organ. */
export async function updateDraft(ctx: Ctx, id: string, input: UpdateDraftBody): Promise<RequestDetail> {
  const actor = drafter(ctx)
  const nowIso = ctx.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findVisibleRequest(trx, actor, id)
    if (!row) throw new AppError('RECORD_NOT_FOUND', `No request ${id}`)
    if (row.originator !== actor.orgCode)
      throw new AppError('REQUEST_NOT_EDITABLE', 'Only the originating organ changes a draft')
    if (row.status !== 'draft')
      throw new AppError('REQUEST_NOT_EDITABLE', `The request is ${row.status}; only drafts are edited`)
    const set: RequestUpdate = { updated_at: nowIso }
    if ('situationId' in input || 'caseId' in input || input.personIds || input.warrantIds) {
      const links = await resolveLinks(trx, actor, {
        requestType: row.request_type,
        situationId: 'situationId' in input ? input.situationId : row.situation_id,
        caseId: 'caseId' in input ? input.caseId : row.case_id,
        personIds: input.personIds ?? (await records.listRequestPersonIds(trx, id)),
        warrantIds: input.warrantIds ?? (await records.listRequestWarrantIds(trx, id)),
      })
      set.situation_id = links.situationId
      set.case_id = links.caseId
      if (input.personIds || input.warrantIds) await records.replaceRequestPersons(trx, id, links.personIds)
      if (input.warrantIds) await records.replaceRequestWarrants(trx, id, links.warrantIds)
    }
    if (input.legalBasis !== undefined) set.legal_basis = input.legalBasis
    if (input.urgency !== undefined) set.urgency = input.urgency
    if (input.language !== undefined) set.language = input.language
    if (input.channel !== undefined) set.channel = input.channel
    if (input.responseDeadline !== undefined)
      set.response_deadline = input.responseDeadline ? new Date(input.responseDeadline).toISOString() : null
    if (input.summary !== undefined) set.summary = input.summary
    if (input.facts !== undefined) set.facts = input.facts
    if (input.assistanceSought !== undefined) set.assistance_sought = input.assistanceSought
    if (input.checklist !== undefined) set.checklist = toJson(input.checklist)
    if (!(await records.updateRequestIfStatus(trx, id, 'draft', set)))
      throw new AppError('REQUEST_NOT_EDITABLE', 'The request left the draft state meanwhile')
    await indexRequestText(trx, id, requestSearchParts({ ...row, ...set }))
    const fields = Object.keys(input)
    await records.insertRequestEvents(trx, [
      {
        id: randomUUID(),
        request_id: id,
        seq: await records.nextEventSeq(trx, id),
        occurred_at: nowIso,
        actor: actorLabel(actor),
        actor_org: actor.orgCode,
        action: 'draft_updated',
        from_status: 'draft',
        to_status: 'draft',
        note: null,
        payload: toJson({ fields }),
      },
    ])
    await recordAuditEvent(ctx, trx, {
      action: 'request.draft_updated',
      recordType: repo.REQUEST_RECORD,
      recordId: id,
      classification: row.classification,
      details: { fields },
    })
  })
  return getRequest(ctx, id)
}
