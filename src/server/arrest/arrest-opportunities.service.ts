import { randomUUID } from 'node:crypto'
import { listAgreements } from '../agreements/agreements.service.ts'
import { recordAuditEvent } from '../audit/audit.service.ts'
import { actorLabel, type Ctx, type UserActor } from '../context.ts'
import type { Db } from '../db/database.ts'
import { toBool } from '../db/values.ts'
import { AppError } from '../errors.ts'
import { decodeCursor, encodeCursor } from '../pagination.ts'
import { listStatuteArticles } from '../reference/reference.service.ts'
import { createRequests } from '../requests/requests.drafting.ts'
import { assertOwnable, isCourtCaseworker } from '../situations/situations.policy.ts'
import type { Person } from '../situations/situations.schemas.ts'
import { listVisiblePersonsForLink } from '../situations/situations.service.ts'
import { findDeclaredChannel, getStateByIso3 } from '../states/states.service.ts'
import { listWarrants } from '../warrants/warrants.service.ts'
import {
  assessBinding,
  buildReminder,
  chooseRequestType,
  draftFacts,
  draftSummary,
  legalBasisFor,
  locationAnswer,
  pickArrangement,
  type ReportFacts,
  reminderRefs,
  type StatuteParagraph,
} from './arrest.proposal.ts'
import * as repo from './arrest.repository.ts'
import type {
  ArrestOpportunity,
  ArrestOpportunityDetail,
  DraftRequestBody,
  ListArrestOpportunitiesQuery,
  Proposal,
  RecordOutcomeBody,
  ReportArrestOpportunityBody,
} from './arrest.schemas.ts'
import type { ArrestOpportunityRow } from './arrest.table.ts'

// Arrest opportunities: a reported presence or travel of a person sought. Protected records
// (under seal in the person's compartment by default), never addressed to the State concerned:
// the State learns of it only through the request the Court transmits.

const isKeyset = (v: unknown): v is repo.OpportunityKeyset =>
  Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string' && x.length <= 200)

function caseworker(ctx: Ctx): UserActor {
  if (!isCourtCaseworker(ctx.actor))
    throw new AppError('FORBIDDEN', 'Only Court officers and approvers act on arrest opportunities')
  return ctx.actor
}

async function auditReads(ctx: Ctx, trx: Db, rows: ArrestOpportunityRow[], action: string) {
  if (rows.length === 0) return
  await recordAuditEvent(ctx, trx, {
    action,
    recordType: repo.OPPORTUNITY_RECORD,
    ...(rows.length === 1 ? { recordId: rows[0]?.id, classification: rows[0]?.classification } : {}),
    details: { ids: rows.map((r) => r.id) },
  })
}

async function personNames(db: Db, ctx: Ctx, rows: ArrestOpportunityRow[]) {
  const persons = await listVisiblePersonsForLink(db, ctx.actor, [...new Set(rows.map((r) => r.person_id))])
  return new Map(persons.map((p) => [p.id, p.name]))
}

export async function listArrestOpportunities(ctx: Ctx, query: ListArrestOpportunitiesQuery) {
  const filters = { personId: query.personId, iso3: query.iso3, outcome: query.outcome, pendingOnly: query.pending }
  const after = query.cursor ? decodeCursor(query.cursor, isKeyset) : null
  const { rows, total, names } = await ctx.db.transaction().execute(async (trx) => {
    const rows = await repo.listVisibleOpportunities(trx, ctx.actor, filters, after, query.limit + 1)
    const total = await repo.countVisibleOpportunities(trx, ctx.actor, filters)
    const page = rows.slice(0, query.limit)
    await auditReads(ctx, trx, page, 'arrest_opportunity.listed')
    return { rows, total, names: await personNames(trx, ctx, page) }
  })
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    items: page.map((r) => toOpportunity(r, names.get(r.person_id) ?? null)),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.reported_at, last.id]) : null,
    total,
  }
}

export async function getArrestOpportunity(ctx: Ctx, id: string): Promise<ArrestOpportunityDetail> {
  const { row, outcomes, names } = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findVisibleOpportunity(trx, ctx.actor, id)
    if (!row) throw new AppError('RECORD_NOT_FOUND', `No arrest opportunity ${id}`)
    await auditReads(ctx, trx, [row], 'arrest_opportunity.read')
    return { row, outcomes: await repo.listOutcomes(trx, id), names: await personNames(trx, ctx, [row]) }
  })
  return {
    ...toOpportunity(row, names.get(row.person_id) ?? null),
    outcomes: outcomes.map((o) => ({
      seq: o.seq,
      outcome: o.outcome,
      date: o.outcome_date,
      note: o.note,
      requestId: o.request_id,
      recordedBy: o.recorded_by,
      recordedAt: o.recorded_at,
    })),
  }
}

export async function reportArrestOpportunity(
  ctx: Ctx,
  input: ReportArrestOpportunityBody,
): Promise<ArrestOpportunityDetail> {
  const actor = caseworker(ctx)
  if (input.toDate && input.toDate < input.fromDate)
    throw new AppError('RECORD_INVALID', 'The end date (toDate) is before the start date (fromDate)')
  await getStateByIso3(ctx, input.iso3) // STATE_NOT_FOUND for a code the directory does not know
  const nowIso = ctx.now().toISOString()
  const id = randomUUID()
  await ctx.db.transaction().execute(async (trx) => {
    const [person] = await listVisiblePersonsForLink(trx, actor, [input.personId])
    if (!person) throw new AppError('RECORD_NOT_FOUND', `No person ${input.personId}`)
    const classification = input.classification ?? 'under_seal'
    const compartment = input.compartment ?? person.compartment
    assertOwnable(actor, { classification, compartment })
    await repo.insertOpportunity(trx, {
      id,
      person_id: input.personId,
      iso3: input.iso3,
      kind: input.kind,
      source_description: input.sourceDescription,
      source_reliability: input.sourceReliability,
      information_credibility: input.informationCredibility,
      place: input.place,
      from_date: input.fromDate,
      to_date: input.toDate ?? null,
      urgency: input.urgency,
      reported_by: actorLabel(actor),
      reported_at: nowIso,
      outcome: 'pending',
      outcome_date: null,
      outcome_note: null,
      request_id: null,
      classification,
      compartment_code: compartment,
      ex_parte_party: null,
      created_by: actor.userId,
      created_at: nowIso,
      updated_at: nowIso,
    })
    await recordAuditEvent(ctx, trx, {
      action: 'arrest_opportunity.reported',
      recordType: repo.OPPORTUNITY_RECORD,
      recordId: id,
      classification,
      details: { personId: input.personId, iso3: input.iso3, kind: input.kind },
    })
  })
  return getArrestOpportunity(ctx, id)
}

export async function recordArrestOutcome(
  ctx: Ctx,
  id: string,
  input: RecordOutcomeBody,
): Promise<ArrestOpportunityDetail> {
  const actor = caseworker(ctx)
  const nowIso = ctx.now().toISOString()
  if (input.date > nowIso.slice(0, 10)) throw new AppError('RECORD_INVALID', 'The outcome date is in the future')
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findVisibleOpportunity(trx, actor, id)
    if (!row) throw new AppError('RECORD_NOT_FOUND', `No arrest opportunity ${id}`)
    if (row.outcome === input.outcome) throw new AppError('RECORD_INVALID', `The outcome is already ${input.outcome}`)
    // The history is appended to, never rewritten; each entry keeps the request it concerns, so a
    // refusal or a silence stays attached to the request a non-cooperation matter will cite.
    await repo.insertOutcome(trx, {
      opportunity_id: id,
      seq: await repo.nextOutcomeSeq(trx, id),
      outcome: input.outcome,
      outcome_date: input.date,
      note: input.note ?? null,
      request_id: row.request_id,
      recorded_by: actorLabel(actor),
      recorded_at: nowIso,
    })
    await repo.updateOpportunity(trx, id, {
      outcome: input.outcome,
      outcome_date: input.date,
      outcome_note: input.note ?? null,
      updated_at: nowIso,
    })
    await recordAuditEvent(ctx, trx, {
      action: 'arrest_opportunity.outcome_recorded',
      recordType: repo.OPPORTUNITY_RECORD,
      recordId: id,
      classification: row.classification,
      details: { from: row.outcome, to: input.outcome, date: input.date, requestId: row.request_id },
    })
  })
  return getArrestOpportunity(ctx, id)
}

/** The opportunity and its person, read for a proposal (the read is audited). */
async function readForProposal(ctx: Ctx, id: string): Promise<{ row: ArrestOpportunityRow; person: Person }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findVisibleOpportunity(trx, ctx.actor, id)
    if (!row) throw new AppError('RECORD_NOT_FOUND', `No arrest opportunity ${id}`)
    const [person] = await listVisiblePersonsForLink(trx, ctx.actor, [row.person_id])
    // Seeing the opportunity without its person would leave nothing to propose.
    if (!person) throw new AppError('RECORD_NOT_FOUND', `No arrest opportunity ${id}`)
    await auditReads(ctx, trx, [row], 'arrest_opportunity.proposal_read')
    return { row, person }
  })
}

export async function getArrestProposal(ctx: Ctx, id: string, override?: DraftRequestBody): Promise<Proposal> {
  const { row, person } = await readForProposal(ctx, id)
  const state = await getStateByIso3(ctx, row.iso3)
  // Only the agreements the caller may know about count: a sealed arrangement they cannot see is
  // not one they can invoke in a draft.
  const agreements = row.iso3 ? (await listAgreements(ctx, { iso3: row.iso3, limit: 200 })).items : []
  const binding = assessBinding(state, pickArrangement(agreements))
  // A warrant of arrest the caller may see, still to be executed (the person is at large).
  const [warrant] = (
    await listWarrants(ctx, { personId: person.id, kind: 'arrest_warrant', status: 'at_large', limit: 1 })
  ).items
  const chosen = chooseRequestType(row.urgency, warrant !== undefined)
  const type = override?.requestType ?? chosen.type
  const declared = await findDeclaredChannel(ctx.db, row.iso3)
  const report: ReportFacts = {
    personName: person.name,
    kind: row.kind,
    place: row.place,
    stateName: state.nameEn,
    fromDate: row.from_date,
    toDate: row.to_date,
  }
  const articles = await listStatuteArticles(ctx)
  const paragraphs = new Map<string, StatuteParagraph>()
  for (const a of articles) for (const p of a.paragraphs) paragraphs.set(p.ref, { ...p, verified: a.verified })
  const locationRef = type === 'PROVISIONAL_ARREST' ? '92(2)(a)' : '91(2)(a)'
  return {
    opportunityId: row.id,
    state: {
      iso3: state.iso3,
      nameEn: state.nameEn,
      nameFr: state.nameFr,
      romeStatus: state.romeStatus,
      withdrawalEffectiveDate: state.withdrawalEffectiveDate,
    },
    binding,
    draft: {
      requestType: type,
      typeReason: chosen.reason,
      addressee: row.iso3,
      legalBasis: legalBasisFor(type, binding),
      personIds: [person.id],
      caseId: person.caseId,
      situationId: person.situationId,
      classification: row.classification === 'confidential' ? 'confidential' : 'under_seal',
      compartment: row.compartment_code,
      summary: draftSummary(type, report),
      facts: draftFacts(report),
      urgency: type === 'PROVISIONAL_ARREST' ? 'urgent' : row.urgency,
      channel: declared?.channel ?? 'diplomatic',
      language: declared?.languages[0] ?? 'en',
      channelSource: declared ? 'declared' : 'default',
      checklistAnswers: {
        [locationRef]: locationAnswer(report),
        ...(warrant && type === 'PROVISIONAL_ARREST' ? { '92(2)(c)': warrantStatement(warrant) } : {}),
      },
      warrantId: warrant?.id ?? null,
    },
    reminder: buildReminder(reminderRefs(type, binding), paragraphs, declared?.languages[0] ?? null),
    existingRequestId: row.request_id,
  }
}

/**
 * Creates the request draft through the requests feature (status draft: approval by an approver
 * who is not the drafter, once complete, is still to come) and links it to the opportunity.
 */
export async function draftArrestRequest(ctx: Ctx, id: string, input: DraftRequestBody) {
  caseworker(ctx)
  const proposal = await getArrestProposal(ctx, id, input)
  if (proposal.existingRequestId)
    throw new AppError('ARREST_OPPORTUNITY_REQUEST_EXISTS', 'A request was already drafted from this opportunity', {
      requestId: proposal.existingRequestId,
    })
  const d = proposal.draft
  const created = await createRequests(ctx, {
    requestType: d.requestType,
    addressees: [d.addressee],
    classification: d.classification,
    compartment: d.compartment,
    legalBasis: d.legalBasis,
    caseId: d.caseId,
    situationId: d.situationId,
    personIds: d.personIds,
    warrantIds: d.warrantId ? [d.warrantId] : [], // the warrant it carries out (91(2)(b), 92(2)(c))
    urgency: d.urgency,
    language: d.language,
    channel: d.channel,
    summary: d.summary,
    facts: d.facts,
    checklist: { answers: d.checklistAnswers },
  })
  const request = created.items[0]
  if (!request) throw new AppError('INTERNAL', 'The request was not created')
  // createRequests commits on its own; the link follows in a second transaction. If another draft
  // was linked in between, this one stays an unlinked draft that its drafter can withdraw.
  const nowIso = ctx.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.linkRequestIfNone(trx, id, request.id, nowIso)))
      throw new AppError('ARREST_OPPORTUNITY_REQUEST_EXISTS', 'A request was drafted from this opportunity meanwhile', {
        requestId: request.id,
      })
    await recordAuditEvent(ctx, trx, {
      action: 'arrest_opportunity.request_drafted',
      recordType: repo.OPPORTUNITY_RECORD,
      recordId: id,
      details: { requestId: request.id, reference: request.reference, type: d.requestType },
    })
  })
  return {
    opportunity: await getArrestOpportunity(ctx, id),
    request: { id: request.id, reference: request.reference, status: request.status },
  }
}

export type RequestOutcome = {
  opportunityId: string
  requestId: string
  iso3: string
  personId: string
  outcome: Exclude<ArrestOpportunity['outcome'], 'pending'>
  date: string
  note: string | null
}

/**
 * For non-cooperation: what became of the arrest opportunities behind these requests (a refusal, no
 * response, the person left…), each entry with the request it concerns. Only opportunities the
 * caller may see answer; the read is audited.
 */
export async function listOutcomesOfRequests(ctx: Ctx, requestIds: readonly string[]): Promise<RequestOutcome[]> {
  if (requestIds.length === 0) return []
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await repo.listVisibleOutcomesOfRequests(trx, ctx.actor, requestIds)
    if (rows.length > 0) {
      await recordAuditEvent(ctx, trx, {
        action: 'arrest_opportunity.outcomes_read',
        recordType: repo.OPPORTUNITY_RECORD,
        details: { requestIds: [...requestIds], ids: [...new Set(rows.map((r) => r.opportunity_id))] },
      })
    }
    return rows.map((r) => ({
      opportunityId: r.opportunity_id,
      requestId: r.request_id as string,
      iso3: r.iso3,
      personId: r.person_id,
      outcome: r.outcome,
      date: r.outcome_date,
      note: r.note,
    }))
  })
}

/** 92(2)(c): the statement that a warrant of arrest exists, from the warrant the caller may see. */
function warrantStatement(w: { issuedOn: string | null; issuedText: string | null; issuingChamber: string | null }) {
  const when = w.issuedOn ?? w.issuedText
  return `A warrant of arrest was issued against the person sought${w.issuingChamber ? ` by ${w.issuingChamber}` : ''}${when ? ` on ${when}` : ''}.`
}

function toOpportunity(row: ArrestOpportunityRow, personName: string | null): ArrestOpportunity {
  return {
    id: row.id,
    personId: row.person_id,
    personName,
    iso3: row.iso3,
    kind: row.kind,
    sourceDescription: row.source_description,
    sourceReliability: row.source_reliability as ArrestOpportunity['sourceReliability'],
    informationCredibility: row.information_credibility as ArrestOpportunity['informationCredibility'],
    place: row.place,
    fromDate: row.from_date,
    toDate: row.to_date,
    urgency: row.urgency,
    reportedBy: row.reported_by,
    reportedAt: row.reported_at,
    outcome: row.outcome,
    outcomeDate: row.outcome_date,
    outcomeNote: row.outcome_note,
    requestId: row.request_id,
    classification: row.classification as ArrestOpportunity['classification'],
    compartment: row.compartment_code,
    isDemo: toBool(row.is_demo),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
