import { type Compilable, type CompiledQuery, type Expression, type ExpressionBuilder, sql } from 'kysely'
import { type ProtectedTable, protectedColumns, type Reading, visibleTo } from '../access/visibility.ts'
import type { Actor } from '../context.ts'
import type { Db } from '../db/database.ts'
import { isSqlite } from '../db/dialect.ts'
import {
  INDEXED_OPEN_STATUSES,
  OPEN_STATUSES_LITERAL,
} from '../db/migrations/2026-11-28T0860_open-requests-by-deadline.ts'
import { executeCached, ID_VALUE, NOW_VALUE } from '../db/query-cache.ts'
import type { Database } from '../db/tables.ts'
import { ACKNOWLEDGEMENT_RUNNING, RESPONSE_RUNNING } from './requests.deadlines.ts'
import type { RequestRow } from './requests.table.ts'

// Requests are protected records: every read goes through visibleTo(). listVisibleRequests and
// the counts (requests.counts.ts) are the seam for search and exports: same filters, same rule.
export const REQUEST_RECORD = 'request'
// A request is internal to the Court until it is transmitted, even when classified public; a
// draft withdrawn before transmission stays internal. From transmission on, its addressee knows
// it: the request's own columns say so (no record_recipients row, migration 0900).
const REQUESTS: ProtectedTable = {
  ...protectedColumns('requests', REQUEST_RECORD),
  released: (eb) => eb(sql.ref('requests.transmitted_at'), 'is not', null),
  addressee: 'requests.addressee',
}

export type RequestFilters = {
  addressee?: string | undefined
  requestType?: string | undefined
  status?: readonly string[] | undefined
  originator?: string | undefined
  situationId?: string | undefined
  caseId?: string | undefined
  classification?: string | undefined
  groupId?: string | undefined
  /** Only requests linked to this person (request_persons). */
  personId?: string | undefined
  /** Only requests carrying out this warrant (request_warrants). */
  warrantId?: string | undefined
  overdue?: boolean | undefined
  deadlineFrom?: string | undefined
  deadlineTo?: string | undefined
  updatedSince?: string | undefined
  /** Only these ids (e.g. full-text search hits); still filtered by visibility. */
  ids?: readonly string[] | undefined
  /** Only ids this subquery yields (full-text search, requests.search.ts); still filtered by visibility. */
  matching?: Expression<string> | undefined
  /**
   * `matching` holds a large share of the requests and is checked per request
   * (requests.search.ts withSearchInOrder): it is then not a selective filter.
   */
  broadMatch?: boolean | undefined
}

export const SORT_COLUMNS = {
  deadline: 'response_deadline',
  updated: 'updated_at',
  created: 'created_at',
  reference: 'reference',
} as const
export type RequestSort = { key: keyof typeof SORT_COLUMNS; direction: 'asc' | 'desc' }
/** A keyset position: the last row's sort value and id. */
export type RequestKeyset = [string, string]

// A request without a response deadline (a draft) sorts after every dated one, in either direction
// (listVisibleRequests).
const NO_DEADLINE = '9999-12-31T23:59:59.999Z'

type Eb = ExpressionBuilder<Database, 'requests'>

// The condition of the partial index requests_open_addressee_deadline (migration 0860), word for
// word: SQLite uses a partial index only for a query that repeats its condition.
// The statuses are the index's own (INDEXED_OPEN_STATUSES): the term may only be added where it
// excludes nothing the status filter keeps.
const OPEN_INDEX = 'requests_open_addressee_deadline'
const OPEN_TERM = `requests.status in (${OPEN_STATUSES_LITERAL})`

function sortExpression(key: RequestSort['key']) {
  return key === 'deadline'
    ? // A literal, not a parameter: the index requests_addressee_deadline (migration 0840) is on this expression.
      sql<string>`coalesce(requests.response_deadline, ${sql.lit(NO_DEADLINE)})`
    : sql.ref<string>(`requests.${SORT_COLUMNS[key]}`)
}

export function sortValueOf(
  row: { response_deadline: string | null } & Record<string, unknown>,
  key: RequestSort['key'],
) {
  return key === 'deadline' ? (row.response_deadline ?? NO_DEADLINE) : String(row[SORT_COLUMNS[key]])
}

/**
 * Overdue at `nowIso`: acknowledgement while transmitted, response while with the addressee.
 * `indexed: false` writes the deadlines `+column` (SQLite): the same test, no index considered.
 */
export function overdueCondition(eb: Eb, nowIso: string, indexed = true) {
  const deadline = (name: string) => (indexed ? sql.ref<string>(name) : sql<string>`+${sql.ref(name)}`)
  return eb.or([
    eb.and([
      eb('requests.status', 'in', [...ACKNOWLEDGEMENT_RUNNING]),
      eb('requests.acknowledgement_deadline', 'is not', null),
      eb(deadline('requests.acknowledgement_deadline'), '<', nowIso),
    ]),
    eb.and([
      eb('requests.status', 'in', [...RESPONSE_RUNNING]),
      eb('requests.response_deadline', 'is not', null),
      eb(deadline('requests.response_deadline'), '<', nowIso),
    ]),
  ])
}

/**
 * Filters that leave few requests (one State among ~200, a situation, a case, a group, a person,
 * a list of ids, a full-text match): the rows they leave are worth fetching first. A status, an
 * organ, a classification or a type each leave a large share of all requests; a date range may
 * leave few or many.
 */
export function hasSelectiveFilter(f: RequestFilters): boolean {
  const narrowMatch = f.matching && !f.broadMatch
  return !!(f.addressee || f.situationId || f.caseId || f.groupId || f.personId || f.warrantId || f.ids || narrowMatch)
}

/** Filters a list may keep from driving SQLite's plan (see listVisibleRequests). */
type UnindexedFilter =
  | 'status'
  | 'originator'
  | 'classification'
  | 'requestType'
  | 'updatedSince'
  | 'deadlineRange'
  | 'overdue'
const BROAD_FILTERS: readonly UnindexedFilter[] = ['status', 'originator', 'classification', 'requestType']
const ALL_INDEXED: readonly UnindexedFilter[] = []

/**
 * Visible requests narrowed by the list's filters: the one query behind lists, counts, search and
 * exports. The filters named in `unindexed` are compared as `+column`: the same condition, but
 * SQLite no longer considers an index for it.
 */
export function visibleRequestsQuery(
  db: Db,
  actor: Actor,
  f: RequestFilters,
  nowIso: string,
  unindexed: readonly UnindexedFilter[] = ALL_INDEXED,
  reading: Reading = 'few',
) {
  const column = (filter: UnindexedFilter, name: string) =>
    unindexed.includes(filter) ? sql<string>`+${sql.ref(name)}` : sql.ref<string>(name)
  let q = db.selectFrom('requests').where(visibleTo(actor, REQUESTS, reading))
  if (f.addressee) q = q.where('requests.addressee', '=', f.addressee)
  if (f.requestType) q = q.where(column('requestType', 'requests.request_type'), '=', f.requestType)
  if (f.status && f.status.length > 0) q = q.where(column('status', 'requests.status'), 'in', [...f.status])
  if (f.originator) q = q.where(column('originator', 'requests.originator'), '=', f.originator)
  if (f.situationId) q = q.where('requests.situation_id', '=', f.situationId)
  if (f.caseId) q = q.where('requests.case_id', '=', f.caseId)
  if (f.classification) q = q.where(column('classification', 'requests.classification'), '=', f.classification)
  if (f.groupId) q = q.where('requests.group_id', '=', f.groupId)
  if (f.personId) {
    const personId = f.personId
    q = q.where('requests.id', 'in', (eb) =>
      eb
        .selectFrom('request_persons')
        .select('request_persons.request_id')
        .where('request_persons.person_id', '=', personId),
    )
  }
  if (f.warrantId) {
    const warrantId = f.warrantId
    q = q.where('requests.id', 'in', (eb) =>
      eb
        .selectFrom('request_warrants')
        .select('request_warrants.request_id')
        .where('request_warrants.warrant_id', '=', warrantId),
    )
  }
  if (f.deadlineFrom) q = q.where(column('deadlineRange', 'requests.response_deadline'), '>=', f.deadlineFrom)
  if (f.deadlineTo) q = q.where(column('deadlineRange', 'requests.response_deadline'), '<=', f.deadlineTo)
  if (f.updatedSince) q = q.where(column('updatedSince', 'requests.updated_at'), '>=', f.updatedSince)
  if (f.matching) q = q.where('requests.id', 'in', f.matching)
  if (f.ids) q = f.ids.length > 0 ? q.where('requests.id', 'in', [...f.ids]) : q.where(sql<boolean>`1 = 0`)
  if (f.overdue !== undefined)
    q = q.where((eb) => {
      const overdue = overdueCondition(eb, nowIso, !unindexed.includes('overdue'))
      return f.overdue ? overdue : eb.not(overdue)
    })
  return q
}

/**
 * A date range holding fewer requests than this is narrow (listVisibleRequests): its rows are
 * fetched through its index and sorted, a few milliseconds at any size. A wider one is checked on
 * the entries of the index the list walks in its order: spread through that order, it fills a
 * page of 51 within about 51 × (all requests) / 5,000 entries, some 10,000 at 1,000,000 requests;
 * gathered at the far end of the order, at most the whole index is read (125–175 ms there).
 */
export const NARROW_RANGE_ROWS = 5000

type ListInput = {
  filters: RequestFilters
  sort: RequestSort
  after: RequestKeyset | null
  limit: number
  nowIso: string
  /** NARROW_RANGE_ROWS unless a test moves it (0: every range is wide). */
  narrowRangeRows?: number
}

/** Which requests of the deadline order a query reads: all, those with a deadline, those without. */
type DeadlineBand = 'all' | 'dated' | 'undated'

/**
 * One page of the visible requests the filters leave, in the sort order, after the keyset
 * position. By deadline, requests without one (drafts) come last in either direction: latest
 * deadline first means the latest of those that have one, as in any spreadsheet.
 */
export async function listVisibleRequests(db: Db, actor: Actor, input: ListInput): Promise<RequestRow[]> {
  if (input.sort.key !== 'deadline' || input.sort.direction === 'asc') return listInOrder(db, actor, input, 'all')
  // Latest first: the dated requests, down from the latest; then, when the page is not full, the
  // undated ones. Each part walks the deadline index from where it starts: reading the undated
  // first, as one walk from the top of the index would, passed over every draft the caller may
  // not see (at 1,000,000 requests, 0.6–1.3 s for a first page).
  const inUndated = input.after?.[0] === NO_DEADLINE
  const dated = inUndated ? [] : await listInOrder(db, actor, input, 'dated')
  if (dated.length >= input.limit) return dated
  const rest = { ...input, after: inUndated ? input.after : null, limit: input.limit - dated.length }
  return [...dated, ...(await listInOrder(db, actor, rest, 'undated'))]
}

async function listInOrder(db: Db, actor: Actor, input: ListInput, band: DeadlineBand): Promise<RequestRow[]> {
  // One State's requests by deadline: walk requests_addressee_deadline in order and stop at the
  // page, rather than let SQLite fetch every request of the State in the chosen statuses
  // (requests_addressee_status) and sort them all — a cost that grows with the State's history
  // (at 1,000,000 requests, thousands of rows for 51). The unary plus keeps SQLite from
  // using the status for an index; PostgreSQL plans this well by itself.
  const walkDeadlineIndex =
    input.sort.key === 'deadline' &&
    !!input.filters.addressee &&
    (input.filters.status?.length ?? 0) > 0 &&
    isSqlite(db)
  // No selective filter: walk the index of the sort order (every order has one, migration 0870)
  // and stop at the page's end. Given an index on a status, an organ, a classification or a type,
  // SQLite would fetch that whole share of the requests and sort it (at 1,000,000 requests, a
  // first page of executed requests took 1.0 s, of one organ's 1.3 s).
  const walkSortIndex = isSqlite(db) && !walkDeadlineIndex && !hasSelectiveFilter(input.filters)
  // Walking the sort order, a date range of another order (updated since, a deadline range) is
  // checked per request; a narrow one (the last day's changes) leaves so few that the walk passes
  // over nearly every request for a page (at 1,000,000 requests: 2.4–4.0 s). Counted first on its
  // own index, capped, a narrow range is read through that index and its rows sorted instead.
  const narrow = walkSortIndex
    ? await narrowRange(db, input.filters, input.sort.key, input.narrowRangeRows ?? NARROW_RANGE_ROWS)
    : null
  const unindexed: readonly UnindexedFilter[] = walkDeadlineIndex
    ? ['status']
    : walkSortIndex
      ? [
          // By reference, an organ's requests are one run of the order (a reference begins with
          // the organ's code): its index (migration 0890) walks just that run.
          ...BROAD_FILTERS.filter((b) => b !== 'originator' || input.sort.key !== 'reference'),
          ...rangesOfOtherOrders(input.filters, input.sort.key).filter((r) => r !== narrow?.filter),
        ]
      : ALL_INDEXED
  // Only open statuses asked for: walk the index of open requests instead, which also holds the
  // columns the visibility rule reads (its condition, repeated, excludes nothing the status filter
  // keeps). Named with INDEXED BY: SQLite's sampled statistics cannot tell it holds fewer of a
  // State's rows, and it would otherwise keep the other.
  const walkOpenIndex =
    walkDeadlineIndex && (input.filters.status ?? []).every((s) => INDEXED_OPEN_STATUSES.includes(s))
  // A wide range of another order is checked on the walked index's own entries (migration 0880):
  // named, so that SQLite walks the index that carries the range's date.
  const wideRange = unindexed.includes('updatedSince') || unindexed.includes('deadlineRange')
  const readThrough = walkOpenIndex ? OPEN_INDEX : (narrow?.index ?? (wideRange ? SORT_INDEXES[input.sort.key] : null))
  const build = (nowIso: string) => {
    const { sort, after } = input
    const column = sortExpression(sort.key)
    const cmp = sort.direction === 'asc' ? '>' : '<'
    // By deadline, a deadline range is written on the sort key itself (with "has a deadline", the
    // same rows): one index then gives both the range and the order, instead of the range being
    // fetched whole and sorted (a month of deadlines at 1,000,000 requests: 120–190 ms → 10 ms).
    const { deadlineFrom, deadlineTo } = input.filters
    const deadlineRangeInOrder = sort.key === 'deadline' && !!(deadlineFrom || deadlineTo)
    const filters = deadlineRangeInOrder
      ? { ...input.filters, deadlineFrom: undefined, deadlineTo: undefined }
      : input.filters
    let q = visibleRequestsQuery(db, actor, filters, nowIso, unindexed).selectAll('requests')
    if (deadlineRangeInOrder) {
      q = q.where('requests.response_deadline', 'is not', null)
      if (deadlineFrom) q = q.where(column, '>=', deadlineFrom)
      if (deadlineTo) q = q.where(column, '<=', deadlineTo)
    }
    if (walkOpenIndex) q = q.where(sql.raw<boolean>(OPEN_TERM))
    if (band === 'undated') {
      // One value of the key: ordered by id alone, which SQLite reads from the index as it is (it
      // would sort the rows were the key, constant here, still named in the order).
      q = q.where(column, '=', NO_DEADLINE)
      if (after) q = q.where('requests.id', cmp, after[1])
      return q.orderBy('requests.id', sort.direction).limit(input.limit)
    }
    if (band === 'dated') q = q.where(column, '<', NO_DEADLINE)
    if (after) {
      const [value, id] = after
      q = q.where((eb) => eb.or([eb(column, cmp, value), eb.and([eb(column, '=', value), eb('requests.id', cmp, id)])]))
    }
    return q.orderBy(column, sort.direction).orderBy('requests.id', sort.direction).limit(input.limit)
  }
  const compilable = (nowIso: string): Compilable<RequestRow> => {
    const query = build(nowIso)
    return readThrough ? { compile: () => readingThrough(query.compile(), readThrough) } : query
  }
  if (input.filters.matching) return (await db.executeQuery(compilable(input.nowIso).compile())).rows
  const key = ['requests.list', actor, input.filters, input.sort, input.after, input.limit, readThrough, band]
  return executeCached(db, key, () => compilable(NOW_VALUE), { now: input.nowIso })
}

/** The date ranges in `f` that do not bound the sort order itself. */
function rangesOfOtherOrders(f: RequestFilters, sortKey: RequestSort['key']) {
  const ranges: ('updatedSince' | 'deadlineRange')[] = []
  if (f.updatedSince && sortKey !== 'updated') ranges.push('updatedSince')
  if ((f.deadlineFrom || f.deadlineTo) && sortKey !== 'deadline') ranges.push('deadlineRange')
  return ranges
}

const RANGE_INDEXES = { updatedSince: 'requests_updated', deadlineRange: 'requests_deadline' } as const
/** Each sort order's index, carrying the dates a range may be given on (migrations 0870, 0880). */
const SORT_INDEXES = {
  deadline: 'requests_deadline_order',
  updated: 'requests_updated',
  created: 'requests_created',
  reference: 'requests_reference_order',
} as const

/**
 * The narrowest date range in `f` of another order than the sort's, with its index, if it holds
 * fewer than `maxRows` requests. Counted on the index alone, visible or not: the count only
 * chooses the plan, and the list's rows are the same either way.
 */
async function narrowRange(db: Db, f: RequestFilters, sortKey: RequestSort['key'], maxRows: number) {
  let narrowest: { filter: 'updatedSince' | 'deadlineRange'; index: string; rows: number } | null = null
  for (const filter of rangesOfOtherOrders(f, sortKey)) {
    const { updatedSince, deadlineFrom, deadlineTo } = f
    const inRange = (eb: Eb) =>
      filter === 'updatedSince'
        ? eb('requests.updated_at', '>=', updatedSince as string)
        : eb.and([
            ...(deadlineFrom ? [eb('requests.response_deadline', '>=', deadlineFrom)] : []),
            ...(deadlineTo ? [eb('requests.response_deadline', '<=', deadlineTo)] : []),
          ])
    const capped = db.selectFrom('requests').select(sql<number>`1`.as('one')).where(inRange).limit(maxRows)
    const { rows } = await db
      .selectFrom(capped.as('r'))
      .select((eb) => eb.fn.countAll<number>().as('rows'))
      .executeTakeFirstOrThrow()
    const count = Number(rows)
    if (count < maxRows && (!narrowest || count < narrowest.rows))
      narrowest = { filter, index: RANGE_INDEXES[filter], rows: count }
  }
  return narrowest
}

/**
 * SQLite: the same query, reading `requests` through `index` (INDEXED BY). SQLite then fails the
 * statement rather than choose another plan, should the query ever stop matching the index.
 */
function readingThrough<R>(compiled: CompiledQuery<R>, index: string): CompiledQuery<R> {
  const from = 'from "requests" where'
  const at = compiled.sql.indexOf(from)
  if (at < 0) throw new Error(`readingThrough: no ${from} in the list's query`)
  const sqlText = `${compiled.sql.slice(0, at)}from "requests" indexed by "${index}" where${compiled.sql.slice(at + from.length)}`
  return { ...compiled, sql: sqlText }
}

export async function findVisibleRequest(db: Db, actor: Actor, id: string) {
  const [row] = await executeCached(
    db,
    ['requests.find', actor],
    () => db.selectFrom('requests').selectAll().where('id', '=', ID_VALUE).where(visibleTo(actor, REQUESTS)),
    { id },
  )
  return row
}

export function listVisibleGroupMembers(db: Db, actor: Actor, groupId: string) {
  return executeCached(
    db,
    ['requests.groupMembers', actor],
    () =>
      db
        .selectFrom('requests')
        .select(['id', 'reference', 'addressee', 'status'])
        .where('group_id', '=', ID_VALUE)
        .where(visibleTo(actor, REQUESTS))
        .orderBy('reference'),
    { id: groupId },
  )
}
