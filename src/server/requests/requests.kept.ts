import type { Actor } from '../context.ts'
import type { Db } from '../db/database.ts'
import { readEmbeddedNow } from '../db/database.ts'
import { perDatabase } from '../db/query-cache.ts'
import { countVisibleRequestsBy, countVisibleRequestsByStatus, earliest } from './requests.counts.ts'
import type { RequestFilters } from './requests.repository.ts'
import type { BreakdownDimension } from './requests.schemas.ts'
import type { RequestRow } from './requests.table.ts'

// Reads of requests answered, kept until they may have changed: a State's counts, pages of the
// list (full-text searches too) and a request's page. A State's counts read every one of its
// requests through the visibility rule (about 1 µs a request in SQLite: 20–40 ms for a State of
// 25,000 at 1,000,000 requests), a page of the list runs the rule for every request it passes over
// (0.6–1 ms; a search at 1,000,000 ≈ 50 ms), and a focal point's inbox asks for them on every
// visit, while they rarely change. They change only when
//  - a row they depend on changes: the request counts epoch moves then, by trigger, whoever
//    writes (migrations 0940, 0950, 0960): the epoch of the addressee they are about, or of all
//    requests;
//  - the clock passes a deadline still running among the counted requests: the count remembers
//    the first one (requests.counts.ts, overdueUnchangedUntil). A page's rows do not depend on the
//    clock (its overdue flags are set as it is answered), unless it is filtered by `overdue`;
//  - the caller is someone else, or the same person with other rights: the key holds the whole
//    actor (as db/query-cache.ts's does), and the visibility rule ran for it when the read was made.
// Counts with a full-text match are always made afresh. The `overdue` filter is not counted at
// all: which requests it keeps depends on the clock itself, so its counts are read off the kept
// counts without it, which say how many of each status are overdue (the inbox's "overdue" and
// "due soon" tabs); a page filtered by it is read afresh.
// Keeping a read does not skip its audit: whoever is answered from a kept page is audited as if
// the page had been read anew (requests.read.ts, requests.page.ts).

/** The scope of the epoch that every change moves (migration 0940): reads of all addressees. */
export const ALL_ADDRESSEES = '*'

type Kept<T> = {
  /** The epoch of its scope (its addressee, or all) read before the read, or with it. */
  epoch: string
  /**
   * A value of the epoch of all addressees while which the read was the committed one (found
   * with `epoch` unchanged in the same statement), or null until one is known. Any change moves
   * it, so whatever moment it had this value, the read held: a call whose token was checked then
   * (ctx.allRequestsEpoch) is answered without reading an epoch again.
   */
  allEpoch: string | null
  /** The clock the read was made at: a clock set back is answered afresh. */
  madeAt: string
  /** The read holds until the clock passes this deadline (null: it does not depend on the clock). */
  until: string | null
  value: T
  slot: RenderingSlot
}

/**
 * An answer made of a kept read: the route's body, encoded by the route's own response schema.
 * It holds while its read is kept and the clock stays within [madeAt, until] (a page's overdue
 * flags turn as its deadlines pass).
 */
export type Rendering = { body: Buffer; madeAt: string; until: string | null; basis?: unknown }

/** Where a kept read keeps its rendering: on the read's entry, so that both end together. */
export type RenderingSlot = { rendering: Rendering | null }

/**
 * The slot's rendering if it holds at `nowIso` and was made of the same `basis` (what else the
 * body shows that is kept elsewhere, compared by identity: the Statute's texts).
 */
export function renderingAt(slot: RenderingSlot, nowIso: string, basis?: unknown): Buffer | null {
  const r = slot.rendering
  return r && r.basis === basis && r.madeAt <= nowIso && (r.until === null || nowIso <= r.until) ? r.body : null
}

/**
 * The request counts epochs of `scope` (an addressee, or ALL_ADDRESSEES) and of all addressees as
 * committed now, in one statement on the embedded connection when it can (or in `db`'s
 * transaction). A scope no change has reached yet has none: '0'.
 */
async function epochsOf(db: Db, scope: string): Promise<{ scope: string; all: string }> {
  const embedded = readEmbeddedNow(db, (sqlite) => {
    const row = sqlite
      .prepare(
        `select (select value from request_counts_epochs where scope = ?) as scope,
                (select value from request_counts_epochs where scope = '${ALL_ADDRESSEES}') as all_scopes`,
      )
      .get(scope) as { scope: number | bigint | null; all_scopes: number | bigint | null }
    return { scope: String(row.scope ?? 0), all: String(row.all_scopes ?? 0) }
  })
  if (embedded !== undefined) return embedded
  const rows = await db
    .selectFrom('request_counts_epochs')
    .select(['scope', 'value'])
    .where('scope', 'in', [scope, ALL_ADDRESSEES])
    .execute()
  const epochOf = (s: string) => String(rows.find((r) => r.scope === s)?.value ?? 0)
  return { scope: epochOf(scope), all: epochOf(ALL_ADDRESSEES) }
}

/**
 * Whether `entry`, of the epoch of `scope`, is the committed read now: at once if the call began
 * while the epoch of all addressees had the entry's value (`allRequestsEpoch`), else if its
 * scope's epoch has not moved — and then the entry learns the value of all's it held at. The
 * epochs read, if any, are returned for the read anew.
 */
async function stillCommitted(
  db: Db,
  entry: { epoch: string; allEpoch: string | null },
  scope: string,
  allRequestsEpoch: string | undefined,
): Promise<{ holds: boolean; epochs?: { scope: string; all: string } }> {
  if (entry.allEpoch !== null && entry.allEpoch === allRequestsEpoch) return { holds: true }
  const epochs = await epochsOf(db, scope)
  if (epochs.scope !== entry.epoch) return { holds: false, epochs }
  entry.allEpoch = epochs.all
  return { holds: true }
}

/** How a kept read is asked for: `fresh` reads anew (and keeps that); see Ctx.allRequestsEpoch. */
export type KeptOptions = { fresh?: boolean; allRequestsEpoch?: string }

/** Whether a read with these filters may be kept at all (a full-text match may not). */
export function canKeep(filters: RequestFilters): boolean {
  return filters.matching === undefined
}

/**
 * `read()`'s value for `key`, kept in `store` (at most `maxEntries`, least recently used first
 * out) while the epoch of the filters' addressee stays the same and the clock stays within
 * [madeAt, until]. `fresh` reads anew (and keeps that).
 */
async function keptRead<T>(
  db: Db,
  store: Map<string, Kept<T>>,
  maxEntries: number,
  input: { key: string; addressee: string | undefined; nowIso: string } & KeptOptions,
  read: () => Promise<{ value: T; until: string | null }>,
): Promise<{ value: T; slot: RenderingSlot }> {
  // A read of one addressee's requests depends on that addressee's requests alone.
  const scope = input.addressee ?? ALL_ADDRESSEES
  const { key, nowIso } = input
  const entry = input.fresh ? undefined : store.get(key)
  let epochs: { scope: string; all: string } | undefined
  if (entry && entry.madeAt <= nowIso && (entry.until === null || nowIso <= entry.until)) {
    const checked = await stillCommitted(db, entry, scope, input.allRequestsEpoch)
    if (checked.holds) return remember(store, maxEntries, key, entry)
    epochs = checked.epochs
  }
  // The epoch is read before the read: a change committed in between leaves a value newer than
  // its epoch, which the next call finds moved and reads again. The other order would keep values
  // older than their epoch. For the same reason all's value is not known to have held yet.
  const epoch = (epochs ?? (await epochsOf(db, scope))).scope
  const { value, until } = await read()
  return remember(store, maxEntries, key, {
    epoch,
    allEpoch: null,
    madeAt: nowIso,
    until,
    value,
    slot: { rendering: null },
  })
}

/** Puts `entry` last in `store`'s order of use, dropping the least recently used beyond `max`. */
function remember<E>(store: Map<string, E>, max: number, key: string, entry: E): E {
  store.delete(key)
  if (store.size >= max) store.delete(store.keys().next().value as string)
  store.set(key, entry)
  return entry
}

/** Counts of some group of requests, with until when their overdue counts stay as they are. */
type Counted = { total: number; overdue: number; overdueUnchangedUntil: string | null }

/**
 * `read(filters)`'s counts kept in `store` under `key(filters)` while they cannot have changed.
 * With the `overdue` filter they are read off the kept counts without it, which say how many of
 * each group are overdue; a group none of whose requests is left has no row, as the query with the
 * filter gives them. `fresh` makes them anew (and keeps those).
 */
async function keptCounts<T extends Counted>(
  db: Db,
  store: Map<string, Kept<T[]>>,
  key: (filters: RequestFilters) => string,
  filters: RequestFilters,
  nowIso: string,
  options: KeptOptions,
  read: (filters: RequestFilters) => Promise<T[]>,
): Promise<T[]> {
  if (!canKeep(filters)) return read(filters)
  if (filters.overdue !== undefined) {
    const { overdue, ...others } = filters
    const all = await keptCounts(db, store, key, others, nowIso, options, read)
    return all
      .map((c) => ({ ...c, total: overdue ? c.overdue : c.total - c.overdue, overdue: overdue ? c.overdue : 0 }))
      .filter((c) => c.total > 0)
  }
  const { value } = await keptRead(
    db,
    store,
    1000,
    { key: key(filters), addressee: filters.addressee, nowIso, ...options },
    async () => {
      const counts = await read(filters)
      const until = counts.reduce<string | null>((first, c) => earliest(first, c.overdueUnchangedUntil), null)
      return { value: counts, until }
    },
  )
  return value
}

type CountsByStatus = Awaited<ReturnType<typeof countVisibleRequestsByStatus>>
const keptCountsByStatus = perDatabase(() => new Map<string, Kept<CountsByStatus>>())

/**
 * The counts by status of the requests `actor` may know of, as countVisibleRequestsByStatus
 * makes them, kept while they cannot have changed. `fresh` makes them anew (and keeps those).
 */
export function countVisibleRequestsByStatusKept(
  db: Db,
  actor: Actor,
  filters: RequestFilters,
  nowIso: string,
  options: KeptOptions = {},
): Promise<CountsByStatus> {
  return keptCounts(
    db,
    keptCountsByStatus(db),
    (f) => JSON.stringify([actor, f]),
    filters,
    nowIso,
    options,
    (f) => countVisibleRequestsByStatus(db, actor, f, nowIso),
  )
}

type Breakdown = Awaited<ReturnType<typeof countVisibleRequestsBy>>
const keptBreakdowns = perDatabase(() => new Map<string, Kept<Breakdown>>())

/**
 * The counts by situation, organ or addressee of the requests `actor` may know of, as
 * countVisibleRequestsBy makes them, kept as the counts by status are (a Court officer's at
 * 1,000,000 requests reads every one of them).
 */
export function countVisibleRequestsByKept(
  db: Db,
  actor: Actor,
  filters: RequestFilters,
  nowIso: string,
  by: BreakdownDimension,
  options: KeptOptions = {},
): Promise<Breakdown> {
  return keptCounts(
    db,
    keptBreakdowns(db),
    (f) => JSON.stringify([by, actor, f]),
    filters,
    nowIso,
    options,
    (f) => countVisibleRequestsBy(db, actor, f, nowIso, by),
  )
}

/**
 * What makes a page of the list, as the caller asked for it: the filters, the words searched for
 * (the full-text match is made of them), the order, the position and the size.
 */
export type ListPage = {
  filters: RequestFilters
  q: string | null
  sort: string
  after: readonly (string | number)[] | null
  limit: number
}

// A page holds up to 201 rows of about 1 KB: 200 pages are a few tens of MB at most.
const keptPages = perDatabase(() => new Map<string, Kept<unknown[]>>())

/**
 * A page of the list as `read` reads it, kept while it cannot have changed, with the slot for its
 * rendering (null: the page was read anew and is not kept). `fresh` reads it anew (and keeps
 * that). A page filtered by `overdue` is always read anew: which requests it holds depends on the
 * clock. A page of a full-text search holds while no request of any addressee changes: SQLite's
 * bm25 weighs a word by its documents across the whole index, so any document moves the order.
 * The rows are shared by every caller given the page: read them, never change them.
 */
export async function readListPageKept<T>(
  db: Db,
  actor: Actor,
  page: ListPage,
  nowIso: string,
  options: KeptOptions,
  read: () => Promise<T[]>,
): Promise<{ rows: T[]; slot: RenderingSlot | null }> {
  if (!canKeep(page.filters) || page.filters.overdue !== undefined) return { rows: await read(), slot: null }
  const key = JSON.stringify([actor, page])
  const addressee = page.q ? undefined : page.filters.addressee
  const { value, slot } = await keptRead(db, keptPages(db), 200, { key, addressee, nowIso, ...options }, async () => ({
    value: (await read()) as unknown[],
    until: null,
  }))
  return { rows: value as T[], slot }
}

type KeptRequestPage = Kept<unknown> & { scope: string }

const keptRequestPages = perDatabase(() => new Map<string, KeptRequestPage>())

/**
 * A request's page as `load` reads it, kept while it cannot have changed, with the slot for its
 * rendering. `load` runs in a read-only transaction that also reads the epoch, in the same
 * snapshot (repeatable read on PostgreSQL; SQLite's read transactions are snapshots): the page
 * and its epoch are of one moment. Its epoch is its addressee's; a request of a group (a
 * multi-State request) lists the group's requests to other addressees, so it reads all's. Moved
 * by changes to the request, its persons, recipients and delegations (migration 0940), its
 * timeline and deadline history (0950) and its search documents (0960). `fresh` reads it anew (and keeps that). What `load`
 * returns is shared by every caller given the page: read it, never change it.
 */
export async function readRequestPageKept<T extends { row: RequestRow }>(
  db: Db,
  actor: Actor,
  id: string,
  nowIso: string,
  options: KeptOptions,
  load: (trx: Db) => Promise<T>,
): Promise<{ value: T; slot: RenderingSlot }> {
  const store = keptRequestPages(db)
  // The page does not depend on the clock (its overdue flags are set as it is answered).
  const key = JSON.stringify([actor, id])
  const entry = options.fresh ? undefined : store.get(key)
  if (entry && (await stillCommitted(db, entry, entry.scope, options.allRequestsEpoch)).holds) {
    remember(store, 1000, key, entry)
    return { value: entry.value as T, slot: entry.slot }
  }
  const made = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const value = await load(trx)
      const scope = value.row.group_id ? ALL_ADDRESSEES : value.row.addressee
      // Of the page's snapshot, both: the page held while all's had this value.
      const epochs = await epochsOf(trx, scope)
      return { value, scope, epoch: epochs.scope, allEpoch: epochs.all }
    })
  const kept = remember(store, 1000, key, { ...made, madeAt: nowIso, until: null, slot: { rendering: null } })
  return { value: made.value, slot: kept.slot }
}
