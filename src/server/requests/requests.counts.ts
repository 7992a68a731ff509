import type { ExpressionBuilder } from 'kysely'
import type { Actor } from '../context.ts'
import type { Db } from '../db/database.ts'
import { isSqlite } from '../db/dialect.ts'
import { executeCached, NOW_VALUE } from '../db/query-cache.ts'
import type { Database } from '../db/tables.ts'
import { ACKNOWLEDGEMENT_RUNNING, RESPONSE_RUNNING } from './requests.deadlines.ts'
import { overdueCondition, type RequestFilters, visibleRequestsQuery } from './requests.repository.ts'
import type { BreakdownDimension } from './requests.schemas.ts'

// Counts read every request the filters leave: the visibility rule reads the caller's recipient
// rows once ('many', access/visibility.ts) instead of probing them for each request. On SQLite
// the overdue filter's deadlines are not offered to the planner: through requests_addressee_status
// it fetched each overdue request's row for the rule's columns (1,000,000 requests: 1.5–2.7 s),
// where the counts indexes hold them all (0.1–0.7 s).
const unindexedForCounts = (db: Db) => (isSqlite(db) ? (['overdue'] as const) : ([] as const))

export async function countVisibleRequests(db: Db, actor: Actor, filters: RequestFilters, nowIso: string) {
  const build = (now: string) =>
    visibleRequestsQuery(db, actor, filters, now, unindexedForCounts(db), 'many').select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when(overdueCondition(eb, now)).then(1).else(0).end()).as('overdue'),
    ])
  const [row] = filters.matching
    ? [await build(nowIso).executeTakeFirstOrThrow()]
    : await executeCached(db, ['requests.count', actor, filters], () => build(NOW_VALUE), { now: nowIso })
  return { total: Number(row?.total ?? 0), overdue: Number(row?.overdue ?? 0) }
}

export async function countVisibleRequestsByStatus(db: Db, actor: Actor, filters: RequestFilters, nowIso: string) {
  const build = (now: string) =>
    visibleRequestsQuery(db, actor, filters, now, unindexedForCounts(db), 'many')
      .select((eb) => [
        'requests.status',
        eb.fn.countAll<number>().as('total'),
        eb.fn.sum<number>(eb.case().when(overdueCondition(eb, now)).then(1).else(0).end()).as('overdue'),
        // The counts' `overdue` stays as it is until the clock passes the first of these.
        nextRunningDeadline(eb, ACKNOWLEDGEMENT_RUNNING, 'requests.acknowledgement_deadline', now).as(
          'next_acknowledgement_deadline',
        ),
        nextRunningDeadline(eb, RESPONSE_RUNNING, 'requests.response_deadline', now).as('next_response_deadline'),
      ])
      .groupBy('requests.status')
  const rows = filters.matching
    ? await build(nowIso).execute()
    : await executeCached(db, ['requests.countByStatus', actor, filters], () => build(NOW_VALUE), { now: nowIso })
  return rows.map((r) => ({
    status: r.status,
    total: Number(r.total),
    overdue: Number(r.overdue ?? 0),
    overdueUnchangedUntil: earliest(r.next_acknowledgement_deadline, r.next_response_deadline),
  }))
}

const BREAKDOWN_COLUMN = {
  situation: 'requests.situation_id',
  organ: 'requests.originator',
  addressee: 'requests.addressee',
} as const

/**
 * Counts of the visible requests the filters leave, by situation, originating organ or addressee,
 * with how many are overdue and, as countVisibleRequestsByStatus, until when those stay as they
 * are (kept as the counts are: requests.kept.ts).
 */
export async function countVisibleRequestsBy(
  db: Db,
  actor: Actor,
  filters: RequestFilters,
  nowIso: string,
  by: BreakdownDimension,
) {
  const column = BREAKDOWN_COLUMN[by]
  const build = (now: string) =>
    visibleRequestsQuery(db, actor, filters, now, unindexedForCounts(db), 'many')
      .select((eb) => [
        eb.ref(column).as('key'),
        eb.fn.countAll<number>().as('total'),
        eb.fn.sum<number>(eb.case().when(overdueCondition(eb, now)).then(1).else(0).end()).as('overdue'),
        nextRunningDeadline(eb, ACKNOWLEDGEMENT_RUNNING, 'requests.acknowledgement_deadline', now).as(
          'next_acknowledgement_deadline',
        ),
        nextRunningDeadline(eb, RESPONSE_RUNNING, 'requests.response_deadline', now).as('next_response_deadline'),
      ])
      .groupBy(column)
  const rows = filters.matching
    ? await build(nowIso).execute()
    : await executeCached(db, ['requests.countBy', by, actor, filters], () => build(NOW_VALUE), { now: nowIso })
  return rows.map((r) => ({
    key: r.key as string | null,
    total: Number(r.total),
    overdue: Number(r.overdue ?? 0),
    overdueUnchangedUntil: earliest(r.next_acknowledgement_deadline, r.next_response_deadline),
  }))
}

/** The first deadline in `column` not yet passed among requests whose status keeps it running. */
function nextRunningDeadline(
  eb: ExpressionBuilder<Database, 'requests'>,
  running: readonly string[],
  column: 'requests.acknowledgement_deadline' | 'requests.response_deadline',
  now: string,
) {
  const ahead = eb.and([eb('requests.status', 'in', [...running]), eb(column, '>=', now)])
  return eb.fn.min<string | null>(eb.case().when(ahead).then(eb.ref(column)).end())
}

/** The earlier of two ISO-8601 timestamps (they compare as text), or the one given, or null. */
export function earliest(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b
  return a < b ? a : b
}
