import type { Actor, Ctx } from '../context.ts'
import type { Db } from '../db/database.ts'
import { parseJson } from '../db/values.ts'
import { AppError } from '../errors.ts'
import type { KeptAnswer } from '../http/kept-answer.ts'
import { listStatuteArticles } from '../reference/reference.service.ts'
import {
  articleOf,
  type ChecklistAnswers,
  checklistFor,
  evaluateChecklist,
  missingRequired,
} from './requests.checklist.ts'
import { deadlineStateOf, overdueUnchangedUntil } from './requests.deadlines.ts'
import * as delegationsRepo from './requests.delegations.repository.ts'
import { readRequestPageKept, renderingAt } from './requests.kept.ts'
import {
  allowedActions,
  mayChangeDeadlines,
  type RequestStatus,
  TRANSITIONS,
  type TransitionSubject,
} from './requests.lifecycle.ts'
import { auditRequestReads, toRequestSummary } from './requests.read.ts'
import * as records from './requests.records.repository.ts'
import * as repo from './requests.repository.ts'
import type { RequestDetail, TypeChecklist } from './requests.schemas.ts'
import type { RequestEventRow, RequestRow } from './requests.table.ts'

// One request's page: the request with its timeline, persons, deadline history, group,
// completeness checklist (with the Statute's text) and the steps the caller may take now; and a
// type's checklist before any draft exists. Read through the repository's visibleTo(); the read
// of a non-public request is audited before it is answered.

export async function subjectOf(db: Db, actor: Actor, row: RequestRow): Promise<TransitionSubject> {
  const isStateOfficer = actor.kind === 'user' && actor.role === 'officer' && actor.orgCode === row.addressee
  return {
    status: row.status,
    originator: row.originator,
    routedThrough: row.routed_through,
    addressee: row.addressee,
    draftedBy: row.drafted_by,
    isDelegatedToActor:
      isStateOfficer && actor.kind === 'user' ? await delegationsRepo.isDelegatedTo(db, row.id, actor.userId) : false,
  }
}

export function checklistAnswersOf(row: RequestRow): ChecklistAnswers {
  const value = parseJson<ChecklistAnswers | null>(row.checklist)
  return { afterConviction: value?.afterConviction ?? false, answers: value?.answers ?? {} }
}

export function evaluateRequest(row: RequestRow, links: { personCount: number; warrantCount: number }) {
  const answers = checklistAnswersOf(row)
  const items = evaluateChecklist({
    requestType: row.request_type,
    facts: row.facts,
    assistanceSought: row.assistance_sought,
    legalBasis: row.legal_basis,
    ...links,
    checklist: answers,
  })
  return { answers, items, missing: missingRequired(items) }
}

/** What the checklist counts of a request's links: its persons and the warrants it carries out. */
export async function linkCounts(db: Db, id: string) {
  return {
    personCount: (await records.listRequestPersonIds(db, id)).length,
    warrantCount: (await records.listRequestWarrantIds(db, id)).length,
  }
}

export function describeSteps(actions: (keyof typeof TRANSITIONS)[]) {
  return actions.map((action) => {
    const rule: { to: RequestStatus; legalBasis: string; requires?: readonly string[] } = TRANSITIONS[action]
    return { action, to: rule.to, legalBasis: rule.legalBasis, requires: [...(rule.requires ?? [])] }
  })
}

/** The steps `actor` may take now; approval is offered only when the checklist is complete. */
export function stepsFor(actor: Actor, subject: TransitionSubject, isComplete: boolean) {
  return describeSteps(allowedActions(actor, subject).filter((a) => a !== 'approve' || isComplete))
}

/** What a request's page shows of the database, read in one snapshot. */
export async function readRequestPage(trx: Db, actor: Actor, id: string) {
  const row = await repo.findVisibleRequest(trx, actor, id)
  // Not visible and not existing get the same answer.
  if (!row) throw new AppError('RECORD_NOT_FOUND', `No request ${id}`)
  return {
    row,
    events: await records.listRequestEvents(trx, id),
    personIds: await records.listRequestPersonIds(trx, id),
    warrantIds: await records.listRequestWarrantIds(trx, id),
    deadlineChanges: await records.listDeadlineChanges(trx, id),
    linked: row.group_id ? await repo.listVisibleGroupMembers(trx, actor, row.group_id) : [],
    subject: await subjectOf(trx, actor, row),
  }
}

/** A request's page, read now (after a change, to answer with the request as it is now). */
export async function getRequest(ctx: Ctx, id: string): Promise<RequestDetail> {
  const page = await ctx.db
    .transaction()
    .setAccessMode('read only')
    .execute((trx) => readRequestPage(trx, ctx.actor, id))
  await auditRequestReads(ctx, [page.row], 'request.read')
  return requestDetailOf(ctx, page, await statuteTexts(ctx), ctx.now().toISOString())
}

/**
 * A request's page for GET /requests/{id}. A page kept since an earlier read (requests.kept.ts)
 * is answered with the body it was answered with then, while its overdue flags and the Statute's
 * texts hold; every answer is audited. `fresh`: the caller asked for the page read now
 * (Cache-Control: no-cache).
 */
export async function getRequestAnswer(
  ctx: Ctx,
  id: string,
  options: { fresh?: boolean } = {},
): Promise<KeptAnswer<RequestDetail>> {
  const nowIso = ctx.now().toISOString()
  const kept = { ...options, allRequestsEpoch: ctx.allRequestsEpoch }
  const { value: page, slot } = await readRequestPageKept(ctx.db, ctx.actor, id, nowIso, kept, (trx) =>
    readRequestPage(trx, ctx.actor, id),
  )
  await auditRequestReads(ctx, [page.row], 'request.read')
  const texts = await statuteTexts(ctx)
  const rendered = renderingAt(slot, nowIso, texts)
  if (rendered) return { body: rendered }
  const keep = (body: Buffer) => {
    const until = overdueUnchangedUntil(deadlineStateOf(page.row), nowIso)
    slot.rendering = { body, madeAt: nowIso, until, basis: texts }
  }
  return { value: requestDetailOf(ctx, page, texts, nowIso), keep }
}

function requestDetailOf(
  ctx: Ctx,
  page: Awaited<ReturnType<typeof readRequestPage>>,
  texts: Map<string, string>,
  nowIso: string,
): RequestDetail {
  const { row } = page
  const { answers, items, missing } = evaluateRequest(row, {
    personCount: page.personIds.length,
    warrantCount: page.warrantIds.length,
  })
  return {
    ...toRequestSummary(row, nowIso),
    facts: row.facts,
    assistanceSought: row.assistance_sought,
    personIds: page.personIds,
    warrantIds: page.warrantIds,
    draftedBy: row.drafted_by,
    approvedBy: row.approved_by,
    checklist: {
      afterConviction: answers.afterConviction ?? false,
      complete: missing.length === 0,
      items: items.map((i) => ({ ...i, ...statuteTextOf(texts, i.ref) })),
    },
    allowedSteps: stepsFor(ctx.actor, page.subject, missing.length === 0),
    mayChangeDeadlines: mayChangeDeadlines(ctx.actor, page.subject),
    events: page.events.map(toRequestEvent),
    deadlineChanges: page.deadlineChanges.map((c) => ({
      deadline: c.deadline,
      from: c.from_value,
      to: c.to_value,
      reason: c.reason,
      changedBy: c.changed_by,
      changedAt: c.changed_at,
    })),
    linkedRequests: page.linked.filter((l) => l.id !== row.id),
  }
}

/**
 * What a type of request must contain (before any draft exists): the elements of its article's
 * content list, with the paragraph's text. Public, like the rest of the reference data.
 */
export async function getTypeChecklist(ctx: Ctx, code: string, afterConviction: boolean): Promise<TypeChecklist> {
  const type = await records.findRequestType(ctx.db, code)
  if (!type) throw new AppError('RECORD_NOT_FOUND', `No request type ${code}`)
  const texts = await statuteTexts(ctx)
  const conviction = code === 'ARREST_AND_SURRENDER' && afterConviction
  return {
    requestType: type.code,
    afterConviction: conviction,
    items: checklistFor(type.code, conviction).map((e) => ({
      ref: e.ref,
      article: articleOf(e.ref),
      label: e.label,
      required: e.required,
      satisfiedBy: e.satisfiedBy,
      ...statuteTextOf(texts, e.ref),
    })),
  }
}

/** Paragraph ref → verbatim text, from the reference data's statute articles. */
export async function statuteTexts(ctx: Ctx): Promise<Map<string, string>> {
  const articles = await listStatuteArticles(ctx)
  // The articles are kept for a while (reference.service.ts), and so is their index.
  let map = textsByArticles.get(articles)
  if (!map) {
    map = new Map<string, string>()
    for (const article of articles) {
      for (const p of article.paragraphs) if (p.text) map.set(p.ref, p.text)
    }
    textsByArticles.set(articles, map)
  }
  return map
}
const textsByArticles = new WeakMap<object, Map<string, string>>()

/** The paragraph's text and its language: the reference data holds the English text only. */
export function statuteTextOf(texts: Map<string, string>, ref: string) {
  const text = texts.get(ref) ?? null
  return { statuteText: text, statuteTextLanguage: text === null ? null : ('en' as const) }
}

type StepDocument = { id: string; filename: string; sha256: string }

export function toRequestEvent(e: RequestEventRow) {
  const payload = e.payload === null ? null : parseJson<Record<string, unknown>>(e.payload)
  return {
    id: e.id,
    occurredAt: e.occurred_at,
    actor: e.actor,
    actorOrg: e.actor_org,
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    note: e.note,
    payload,
    documents: Array.isArray(payload?.documents) ? (payload.documents as StepDocument[]) : [],
  }
}
