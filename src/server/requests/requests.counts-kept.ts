import type { Actor } from '../context.ts'
import type { Db } from '../db/database.ts'
import { readEmbeddedNow } from '../db/database.ts'
import { perDatabase } from '../db/query-cache.ts'
import { countVisibleRequestsByStatus, earliest } from './requests.counts.ts'
import type { RequestFilters } from './requests.repository.ts'

// Counts answered, kept until they may have changed. A State's counts read every one of its
// requests through the visibility rule (about 1 µs a request in SQLite: 20–40 ms for a State of
// 25,000 at 1,000,000 requests), and a focal point's inbox asks for them on every visit while
// they rarely change. They change only when
//  - a row they depend on changes: the request counts epoch (migration 0940) moves then, by
//    trigger, whoever writes: the epoch of the addressee they are filtered by, or of all requests;
//  - the clock passes a deadline still running among the counted requests: the count remembers
//    the first one (requests.counts.ts, overdueUnchangedUntil);
//  - the caller is someone else, or the same person with other rights: the key holds the whole
//    actor (as db/query-cache.ts's does), and the visibility rule ran for it when the count was made.
// A full-text match is always counted afresh (its index changes with messages too). The
// `overdue` filter is not counted at all: which requests it keeps depends on the clock itself,
// so its counts are read off the kept counts without it, which say how many of each status are
// overdue (the inbox's "overdue" and "due soon" tabs).

const MAX_ENTRIES = 1000

/** The scope of the epoch that every change moves (migration 0940): counts of all addressees. */
export const ALL_ADDRESSEES = '*'

type CountsByStatus = Awaited<ReturnType<typeof countVisibleRequestsByStatus>>

type Kept = {
  epoch: string
  /** The clock the counts were made at: a clock set back is answered afresh. */
  madeAt: string
  /** The counts hold until the clock passes this deadline (null: no deadline is running). */
  until: string | null
  counts: CountsByStatus
}

const keptOf = perDatabase(() => new Map<string, Kept>())

/**
 * The request counts epoch of `scope` (an addressee, or ALL_ADDRESSEES) as committed now: on the
 * embedded connection when it can (µs). A scope no change has reached yet has none: '0'.
 */
export async function requestCountsEpoch(db: Db, scope: string): Promise<string> {
  const embedded = readEmbeddedNow(db, (sqlite) => {
    const row = sqlite.prepare('select value from request_counts_epochs where scope = ?').get(scope) as
      | { value: number | bigint }
      | undefined
    return String(row?.value ?? 0)
  })
  if (embedded !== undefined) return embedded
  const row = await db.selectFrom('request_counts_epochs').select('value').where('scope', '=', scope).executeTakeFirst()
  return String(row?.value ?? 0)
}

export function canKeepCounts(filters: RequestFilters): boolean {
  return filters.matching === undefined
}

/**
 * The counts by status of the requests `actor` may know of, as countVisibleRequestsByStatus
 * makes them, kept while they cannot have changed. `fresh` makes them anew (and keeps those).
 */
export async function countVisibleRequestsByStatusKept(
  db: Db,
  actor: Actor,
  filters: RequestFilters,
  nowIso: string,
  options: { fresh?: boolean } = {},
): Promise<CountsByStatus> {
  if (!canKeepCounts(filters)) return countVisibleRequestsByStatus(db, actor, filters, nowIso)
  if (filters.overdue !== undefined) {
    const { overdue, ...others } = filters
    const all = await countVisibleRequestsByStatusKept(db, actor, others, nowIso, options)
    // As the query with the filter gives them: a status none of whose requests is left has no row.
    return all
      .map((c) => ({ ...c, total: overdue ? c.overdue : c.total - c.overdue, overdue: overdue ? c.overdue : 0 }))
      .filter((c) => c.total > 0)
  }
  // Counts of one addressee's requests depend on that addressee's requests alone. The epoch is
  // read before the counts: a change committed in between leaves counts newer than their epoch,
  // which the next call finds moved and counts again. The other order would keep counts older
  // than their epoch.
  const epoch = await requestCountsEpoch(db, filters.addressee ?? ALL_ADDRESSEES)
  const map = keptOf(db)
  const key = JSON.stringify([actor, filters])
  const entry = map.get(key)
  if (
    !options.fresh &&
    entry &&
    entry.epoch === epoch &&
    entry.madeAt <= nowIso &&
    (entry.until === null || nowIso <= entry.until)
  ) {
    map.delete(key)
    map.set(key, entry)
    return entry.counts
  }
  const counts = await countVisibleRequestsByStatus(db, actor, filters, nowIso)
  const until = counts.reduce<string | null>((first, c) => earliest(first, c.overdueUnchangedUntil), null)
  map.delete(key)
  if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value as string)
  map.set(key, { epoch, madeAt: nowIso, until, counts })
  return counts
}
