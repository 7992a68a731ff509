import type { Classification } from '../access/classification.ts'
import { recordAuditedRead } from '../audit/audit.service.ts'
import type { Actor, Ctx } from '../context.ts'
import type { Db } from '../db/database.ts'
import { parseJson, toBool } from '../db/values.ts'
import { AppError } from '../errors.ts'
import type { KeptAnswer } from '../http/kept-answer.ts'
import { decodeCursor, encodeCursor } from '../pagination.ts'
import { earliest } from './requests.counts.ts'
import {
  deadlineStateOf,
  isAcknowledgementOverdue,
  isResponseOverdue,
  overdueUnchangedUntil,
} from './requests.deadlines.ts'
import {
  countVisibleRequestsByKept,
  countVisibleRequestsByStatusKept,
  readListPageKept,
  renderingAt,
} from './requests.kept.ts'
import type { RequestStatus } from './requests.lifecycle.ts'
import * as repo from './requests.repository.ts'
import type {
  BreakdownRequestsQuery,
  CountRequestsQuery,
  ListRequestsQuery,
  RequestList,
  RequestSummary,
} from './requests.schemas.ts'
import { listVisibleRequestsByRelevance, withSearch, withSearchInOrder } from './requests.search.ts'
import type { RequestRow } from './requests.table.ts'

// Reading requests: lists and counts (one request's page: requests.page.ts). Every read goes
// through the repository's visibleTo(); reads of non-public requests are audited before they
// are answered.

export function toFilters(q: CountRequestsQuery): repo.RequestFilters {
  return {
    addressee: q.addressee,
    requestType: q.type,
    status: q.status,
    originator: q.organ,
    situationId: q.situation,
    caseId: q.case,
    classification: q.classification,
    groupId: q.group,
    personId: q.personId,
    warrantId: q.warrantId,
    overdue: q.overdue,
    deadlineFrom: q.deadlineFrom && new Date(q.deadlineFrom).toISOString(),
    deadlineTo: q.deadlineTo && new Date(q.deadlineTo).toISOString(),
    updatedSince: q.updatedSince && new Date(q.updatedSince).toISOString(),
  }
}

export type ListSort = NonNullable<ListRequestsQuery['sort']>

/** The list's order: as asked, else by relevance when searching, else most recently updated. */
export function effectiveSort(query: { sort?: ListSort | undefined; q?: string | undefined }): ListSort {
  if (query.sort && (query.sort !== 'relevance' || query.q)) return query.sort
  return query.q ? 'relevance' : '-updated'
}

export function parseSort(sort: Exclude<ListSort, 'relevance'>): repo.RequestSort {
  const desc = sort.startsWith('-')
  return { key: (desc ? sort.slice(1) : sort) as repo.RequestSort['key'], direction: desc ? 'desc' : 'asc' }
}

/** A keyset position: the last row's sort value (relevance is a number) and id. */
export type ListKeyset = [string | number, string]

const isKeyset = (v: unknown): v is [string, string | number, string] =>
  Array.isArray(v) &&
  v.length === 3 &&
  typeof v[0] === 'string' &&
  typeof v[2] === 'string' &&
  v[2].length <= 200 &&
  ((typeof v[1] === 'string' && v[1].length <= 200) || (typeof v[1] === 'number' && Number.isFinite(v[1])))

export function encodeListCursor(sort: ListSort, key: ListKeyset) {
  return encodeCursor([sort, ...key])
}

export function decodeListCursor(cursor: string, sort: ListSort): ListKeyset {
  const [sortKey, value, id] = decodeCursor(cursor, isKeyset)
  // A cursor belongs to the sort it was issued for.
  if (sortKey !== sort) throw new AppError('INVALID_CURSOR', 'The cursor was issued for another sort order')
  if ((sort === 'relevance') !== (typeof value === 'number')) throw new AppError('INVALID_CURSOR', 'Malformed cursor')
  return [value, id]
}

/**
 * One page of visible rows in the list's order, each with its keyset position: the list and the
 * exports read through here, so they show the same rows.
 */
export async function listRequestRows(
  db: Db,
  actor: Actor,
  input: {
    sort: ListSort
    terms: readonly string[]
    filters: repo.RequestFilters
    after: ListKeyset | null
    limit: number
    nowIso: string
  },
): Promise<{ row: RequestRow; key: ListKeyset }[]> {
  const { sort, filters, limit, nowIso } = input
  if (sort === 'relevance') {
    const after = input.after ? ([Number(input.after[0]), input.after[1]] as [number, string]) : null
    const rows = await listVisibleRequestsByRelevance(db, actor, { terms: input.terms, filters, after, limit, nowIso })
    // The row keeps its relevance (a rest copy of every column cost more than the page's mapping).
    return rows.map((row) => ({ row, key: [row.relevance, row.id] }))
  }
  const parsed = parseSort(sort)
  const after = input.after ? ([String(input.after[0]), input.after[1]] as repo.RequestKeyset) : null
  const rows = await repo.listVisibleRequests(db, actor, { filters, sort: parsed, after, limit, nowIso })
  return rows.map((row) => ({ row, key: [repo.sortValueOf(row, parsed.key), row.id] }))
}

/** Audits the read of non-public requests; resolves once the entry is durable (group commit). */
export async function auditRequestReads(ctx: Ctx, rows: RequestRow[], action: string) {
  const nonPublic = rows.filter((r) => r.classification !== 'public')
  if (nonPublic.length === 0) return
  await recordAuditedRead(ctx, {
    action,
    recordType: repo.REQUEST_RECORD,
    ...(nonPublic.length === 1 ? { recordId: nonPublic[0]?.id, classification: nonPublic[0]?.classification } : {}),
    details: { ids: nonPublic.map((r) => r.id) },
  })
}

/**
 * One page of the list. A page kept since an earlier read (requests.kept.ts) is answered with the
 * body it was answered with then, while its overdue flags still hold; every answer is audited.
 * `fresh`: the caller asked for a page read now (Cache-Control: no-cache), not a kept one.
 */
export async function listRequests(
  ctx: Ctx,
  query: ListRequestsQuery,
  options: { fresh?: boolean } = {},
): Promise<KeptAnswer<RequestList>> {
  const nowIso = ctx.now().toISOString()
  const sort = effectiveSort(query)
  const asked = toFilters(query)
  const after = query.cursor ? decodeListCursor(query.cursor, sort) : null
  const limit = query.limit + 1
  // One page and nothing more, so a page costs the same at ten thousand requests as at a million:
  // totals are the counts route's, which has to look at every matching request.
  const read = async () => {
    const { filters, terms } =
      sort === 'relevance' ? withSearch(ctx.db, asked, query.q) : await withSearchInOrder(ctx.db, asked, query.q)
    return listRequestRows(ctx.db, ctx.actor, { sort, terms, filters, after, limit, nowIso })
  }
  const { rows, slot } = await readListPageKept(
    ctx.db,
    ctx.actor,
    { filters: asked, q: query.q ?? null, sort, after, limit },
    nowIso,
    { ...options, allRequestsEpoch: ctx.allRequestsEpoch },
    read,
  )
  const page = rows.slice(0, query.limit)
  await auditRequestReads(
    ctx,
    page.map((r) => r.row),
    'request.listed',
  )
  const rendered = slot && renderingAt(slot, nowIso)
  if (rendered) return { body: rendered }
  const last = page.at(-1)
  const value = {
    items: page.map((r) => toRequestSummary(r.row, nowIso)),
    nextCursor: rows.length > query.limit && last ? encodeListCursor(sort, last.key) : null,
  }
  const keep =
    slot &&
    ((body: Buffer) => {
      // The body holds while no flag of its rows turns.
      const until = page.reduce<string | null>(
        (first, { row }) => earliest(first, overdueUnchangedUntil(deadlineStateOf(row), nowIso)),
        null,
      )
      slot.rendering = { body, madeAt: nowIso, until }
    })
  return { value, keep }
}

/** `fresh`: the caller asked for counts made now (Cache-Control: no-cache), not kept ones. */
export async function countRequests(ctx: Ctx, query: CountRequestsQuery, options: { fresh?: boolean } = {}) {
  const nowIso = ctx.now().toISOString()
  const { filters } = withSearch(ctx.db, toFilters(query), query.q)
  const counted = await countVisibleRequestsByStatusKept(ctx.db, ctx.actor, filters, nowIso, {
    ...options,
    allRequestsEpoch: ctx.allRequestsEpoch,
  })
  const byStatus = counted.map(({ status, total, overdue }) => ({ status, total, overdue }))
  return {
    total: byStatus.reduce((n, s) => n + s.total, 0),
    overdue: byStatus.reduce((n, s) => n + s.overdue, 0),
    byStatus,
  }
}

/**
 * The visible requests the filters leave, counted by situation, originating organ or addressee:
 * the groups with the most overdue first, then the largest, so the workload's cards lead with
 * what needs chasing.
 */
export async function breakdownRequests(ctx: Ctx, query: BreakdownRequestsQuery, options: { fresh?: boolean } = {}) {
  const { filters } = withSearch(ctx.db, toFilters(query), query.q)
  const kept = await countVisibleRequestsByKept(ctx.db, ctx.actor, filters, ctx.now().toISOString(), query.by, {
    ...options,
    allRequestsEpoch: ctx.allRequestsEpoch,
  })
  // A copy: the kept groups are shared with the next caller.
  const groups = kept.map(({ key, total, overdue }) => ({ key, total, overdue }))
  groups.sort(
    (a, b) => b.overdue - a.overdue || b.total - a.total || (a.key ?? '\uffff').localeCompare(b.key ?? '\uffff'),
  )
  return {
    by: query.by,
    total: groups.reduce((n, g) => n + g.total, 0),
    overdue: groups.reduce((n, g) => n + g.overdue, 0),
    groups,
  }
}

export function toRequestSummary(row: RequestRow, nowIso: string): RequestSummary {
  const deadlines = deadlineStateOf(row)
  const ackOverdue = isAcknowledgementOverdue(deadlines, nowIso)
  const responseOverdue = isResponseOverdue(deadlines, nowIso)
  return {
    id: row.id,
    reference: row.reference,
    originator: row.originator,
    routedThrough: row.routed_through,
    addressee: row.addressee,
    requestType: row.request_type,
    legalBasis: row.legal_basis,
    situationId: row.situation_id,
    caseId: row.case_id,
    classification: row.classification as Classification,
    compartment: row.compartment_code,
    urgency: row.urgency,
    language: row.language,
    channel: row.channel,
    status: row.status as RequestStatus,
    statusDetail: row.status_detail === null ? null : parseJson<Record<string, unknown>>(row.status_detail),
    summary: row.summary,
    groupId: row.group_id,
    responseDeadline: row.response_deadline,
    acknowledgementDeadline: row.acknowledgement_deadline,
    isAcknowledgementOverdue: ackOverdue,
    isResponseOverdue: responseOverdue,
    isOverdue: ackOverdue || responseOverdue,
    transmittedAt: row.transmitted_at,
    acknowledgedAt: row.acknowledged_at,
    closedAt: row.closed_at,
    isDemo: toBool(row.is_demo),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
