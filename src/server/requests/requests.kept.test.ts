import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { userActor } from '../../../test/actors.ts'
import { createUserWithToken } from '../../../test/auth.ts'
import { systemCtx } from '../../../test/context.ts'
import { createTestDb, type TestDb, testConfig, testDialect } from '../../../test/db.ts'
import { requestCountsEpochOf } from '../../../test/epochs.ts'
import { buildApp } from '../app.ts'
import { prepareDatabase } from '../boot/prepare-database.ts'
import type { UserActor } from '../context.ts'
import { REQUEST_COUNTS_TABLES } from '../db/migrations/2026-11-29T0940_request-counts-epoch.ts'
import { REQUEST_PAGE_TABLES } from '../db/migrations/2026-11-29T0950_request-page-epoch.ts'
import { REQUEST_SEARCH_TABLES } from '../db/migrations/2026-11-29T0960_request-search-epoch.ts'
import { REQUEST_WARRANT_TABLES } from '../db/migrations/2026-11-30T1010_request-warrants.ts'
import { toJson } from '../db/values.ts'
import type { OrganisationKind } from '../identity/identity.table.ts'
import { countVisibleRequestsBy, countVisibleRequestsByStatus } from './requests.counts.ts'
import {
  ALL_ADDRESSEES,
  countVisibleRequestsByKept,
  countVisibleRequestsByStatusKept,
  type KeptOptions,
  readListPageKept,
  readRequestPageKept,
} from './requests.kept.ts'
import { REQUEST_STATUSES } from './requests.lifecycle.ts'
import { readRequestPage } from './requests.page.ts'
import { listVisibleRequests, type RequestFilters, type RequestSort } from './requests.repository.ts'
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from './requests.schemas.ts'
import { listVisibleRequestsByRelevance, withSearch } from './requests.search.ts'
import { indexRequestText } from './requests.search-index.ts'

// Kept counts and list pages (requests.kept.ts) on both databases, over the demo's requests:
// whatever is written, by whom, and wherever the clock goes, they answer what reading afresh
// answers.

let db: TestDb
let app: FastifyInstance
let state: string
let requestIds: string[]
let personIds: string[]
const actors: Record<string, UserActor> = {}
const headers: Record<string, Record<string, string>> = {}
/** The server's clock, when a test sets it. */
let appClock: number | null = null

const fresh = async (actor: UserActor, filters: RequestFilters, nowIso: string) =>
  (await countVisibleRequestsByStatus(db.db, actor, filters, nowIso))
    .map(({ status, total, overdue }) => ({ status, total, overdue }))
    .sort((a, b) => a.status.localeCompare(b.status))
const kept = async (actor: UserActor, filters: RequestFilters, nowIso: string, options: KeptOptions = {}) =>
  (await countVisibleRequestsByStatusKept(db.db, actor, filters, nowIso, options))
    .map(({ status, total, overdue }) => ({ status, total, overdue }))
    .sort((a, b) => a.status.localeCompare(b.status))
type Grouped = { key: string | null; total: number; overdue: number }
const byKey = (groups: Grouped[]) =>
  groups
    .map(({ key, total, overdue }) => ({ key, total, overdue }))
    .sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''))
const freshBreakdown = async (actor: UserActor, filters: RequestFilters, nowIso: string, by: BreakdownDimension) =>
  byKey(await countVisibleRequestsBy(db.db, actor, filters, nowIso, by))
const keptBreakdown = async (
  actor: UserActor,
  filters: RequestFilters,
  nowIso: string,
  by: BreakdownDimension,
  options: KeptOptions = {},
) => byKey(await countVisibleRequestsByKept(db.db, actor, filters, nowIso, by, options))

type ListInput = Parameters<typeof listVisibleRequests>[2]
const page = (filters: RequestFilters, sort: RequestSort, nowIso: string): ListInput => ({
  filters,
  sort,
  after: null,
  limit: 51,
  nowIso,
})

/** A page of the list as the list route keeps it, read with listVisibleRequests. */
const keptPage = async (actor: UserActor, input: ListInput, options: KeptOptions = {}) => {
  const asked = {
    filters: input.filters,
    q: null,
    sort: JSON.stringify(input.sort),
    after: input.after,
    limit: input.limit,
  }
  return (
    await readListPageKept(db.db, actor, asked, input.nowIso, options, () => listVisibleRequests(db.db, actor, input))
  ).rows
}
/** A page of a full-text search by relevance, afresh or as the list route keeps it. */
const searchPage = (actor: UserActor, filters: RequestFilters, q: string, nowIso: string) => {
  const { filters: matching, terms } = withSearch(db.db, filters, q)
  return listVisibleRequestsByRelevance(db.db, actor, { terms, filters: matching, after: null, limit: 51, nowIso })
}
const keptSearchPage = async (
  actor: UserActor,
  filters: RequestFilters,
  q: string,
  nowIso: string,
  options: KeptOptions = {},
) => {
  const asked = { filters, q, sort: 'relevance', after: null, limit: 51 }
  const read = () => searchPage(actor, filters, q, nowIso)
  return (await readListPageKept(db.db, actor, asked, nowIso, options, read)).rows
}

/** A request's page read afresh, or kept; 'not found' for one the caller may not know of. */
const pageNow = (actor: UserActor, id: string) =>
  readRequestPage(db.db, actor, id).catch((e: { code?: string }) =>
    e.code === 'RECORD_NOT_FOUND' ? 'not found' : Promise.reject(e),
  )
const keptRequestPage = (actor: UserActor, id: string, nowIso: string, options: KeptOptions = {}) =>
  readRequestPageKept(db.db, actor, id, nowIso, options, (trx) => readRequestPage(trx, actor, id)).then(
    (kept) => kept.value,
    (e: { code?: string }) => (e.code === 'RECORD_NOT_FOUND' ? 'not found' : Promise.reject(e)),
  )

/** The first (or last) request transmitted to the State: one its focal point sees. */
const transmittedToState = (order: 'asc' | 'desc' = 'asc') =>
  db.db
    .selectFrom('requests')
    .select(['id', 'summary'])
    .where('addressee', '=', state)
    .where('transmitted_at', 'is not', null)
    .orderBy('id', order)
    .executeTakeFirstOrThrow()

/** An event on the request's timeline: a note. */
const addNote = (requestId: string, seq: number, at: string) =>
  db.db
    .insertInto('request_events')
    .values({
      id: randomUUID(),
      request_id: requestId,
      seq,
      occurred_at: at,
      actor: 'test',
      actor_org: null,
      action: 'note',
      from_status: null,
      to_status: null,
      note: 'A note (fictional)',
      payload: null,
    })
    .execute()

const epochNow = (scope = ALL_ADDRESSEES) => requestCountsEpochOf(db.db, scope)

beforeAll(async () => {
  db = await createTestDb()
  await prepareDatabase(systemCtx(db.db), { demo: true })
  app = await buildApp(testConfig(db), { db, now: () => new Date(appClock ?? Date.now()) })
  const busiest = await db.db
    .selectFrom('requests')
    .innerJoin('organisations as o', 'o.code', 'requests.addressee')
    .select(['requests.addressee', (eb) => eb.fn.countAll<number>().as('n')])
    .where('o.kind', '=', 'state')
    .groupBy('requests.addressee')
    .orderBy('n', 'desc')
    .orderBy('requests.addressee')
    .executeTakeFirstOrThrow()
  state = busiest.addressee
  const compartments = (await db.db.selectFrom('compartments').select('code').orderBy('code').execute()).map(
    (c) => c.code,
  )
  const made = {
    focal: await createUserWithToken(db.db, { orgCode: state, role: 'focal-point' }),
    stateOfficer: await createUserWithToken(db.db, { orgCode: state, role: 'officer' }),
    officer: await createUserWithToken(db.db, {
      orgCode: 'ICC-OTP',
      role: 'officer',
      compartments: compartments.slice(0, 1),
    }),
  }
  actors.focal = userActor(made.focal.user.id, state, 'state', 'focal-point', [])
  actors.stateOfficer = userActor(made.stateOfficer.user.id, state, 'state', 'officer', [])
  actors.officer = userActor(made.officer.user.id, 'ICC-OTP', 'court_organ', 'officer', compartments.slice(0, 1))
  for (const [name, m] of Object.entries(made)) headers[name] = m.headers
  requestIds = (await db.db.selectFrom('requests').select('id').orderBy('id').execute()).map((r) => r.id)
  personIds = (await db.db.selectFrom('persons').select('id').orderBy('id').execute()).map((p) => p.id)
  expect(requestIds.length).toBeGreaterThanOrEqual(300)
  expect(personIds.length).toBeGreaterThan(0)
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

describe('kept request counts, list pages and request pages', () => {
  it('and pages depend on no table but those whose changes move their epoch, for every kind of caller', async () => {
    // Kysely hands each query to its plugins before compiling it: its tree names every table read,
    // in the builder's nodes or inside raw SQL.
    const known = (await db.db.introspection.getTables()).map((t) => t.name)
    const read = new Set<string>()
    const collect = (node: unknown): void => {
      if (!node || typeof node !== 'object') return
      const n = node as { kind?: string; table?: { identifier?: { name?: string } }; sqlFragments?: string[] }
      // Aliases (record_recipients as rr) are table nodes too, in references: tables only.
      const name = n.kind === 'TableNode' ? n.table?.identifier?.name : undefined
      if (name && known.includes(name)) read.add(name)
      for (const fragment of n.sqlFragments ?? []) {
        for (const table of known) if (new RegExp(`\\b${table}\\b`).test(fragment)) read.add(table)
      }
      for (const value of Object.values(node)) collect(value)
    }
    const spying = db.db.withPlugin({
      transformQuery: ({ node }) => {
        collect(node)
        return node
      },
      transformResult: async ({ result }) => result,
    })
    const someone = (orgCode: string, orgKind: OrganisationKind, role: string, compartments: string[]) =>
      userActor(randomUUID(), orgCode, orgKind, role, compartments)
    const callers = [
      someone(state, 'state', 'focal-point', []),
      someone(state, 'state', 'officer', []),
      someone('ICC-OTP', 'court_organ', 'officer', ['SIT-A']),
      someone('ICC-CHAMBERS', 'court_organ', 'officer', ['SIT-A']),
      someone('ICC-REGISTRY', 'court_organ', 'auditor', []),
      someone('ASP', 'assembly', 'delegate', []),
      someone('IO-UN', 'io', 'focal-point', []),
      someone('DEF-TEAM-1', 'defence', 'counsel', []),
    ]
    // Requests the State's callers may see (transmitted to it), and others.
    const pageIds = [
      ...(
        await db.db
          .selectFrom('requests')
          .select('id')
          .where('addressee', '=', state)
          .where('transmitted_at', 'is not', null)
          .orderBy('id')
          .limit(3)
          .execute()
      ).map((r) => r.id),
      ...requestIds.slice(0, 3),
    ]
    const nowIso = new Date().toISOString()
    const lists: ListInput[] = [
      page({}, { key: 'updated', direction: 'desc' }, nowIso),
      // The inbox's: one State's open requests by deadline (an index walk of its own on SQLite).
      page(
        { addressee: state, status: ['transmitted', 'in_execution'] },
        { key: 'deadline', direction: 'asc' },
        nowIso,
      ),
      // Latest deadline first reads the dated requests, then the undated ones.
      page({ personId: personIds[0] as string }, { key: 'deadline', direction: 'desc' }, nowIso),
      // A narrow range of another order is counted on its index first.
      page({ updatedSince: '2000-01-01T00:00:00.000Z' }, { key: 'reference', direction: 'asc' }, nowIso),
    ]
    for (const caller of callers) {
      for (const filters of [{}, { addressee: state, personId: personIds[0] as string }] as RequestFilters[]) {
        await countVisibleRequestsByStatus(spying, caller, filters, nowIso)
      }
      for (const input of lists) {
        await listVisibleRequests(spying, caller, input)
        await listVisibleRequests(spying, caller, { ...input, narrowRangeRows: 0 })
      }
      // A request's page, of a request in a group too (it lists the group's other requests).
      for (const id of pageIds) await readRequestPage(spying, caller, id).catch(() => null)
    }
    for (const caller of callers) {
      for (const filters of [{}, { addressee: state }] as RequestFilters[]) {
        const { filters: matching, terms } = withSearch(spying, filters, 'arrest')
        await listVisibleRequestsByRelevance(spying, caller, {
          terms,
          filters: matching,
          after: null,
          limit: 51,
          nowIso,
        })
      }
    }
    const grouped = pageIds.slice(0, 2)
    await db.db.updateTable('requests').set({ group_id: 'G-STRUCTURE' }).where('id', 'in', grouped).execute()
    for (const caller of callers) await readRequestPage(spying, caller, grouped[0] as string).catch(() => null)
    await db.db.updateTable('requests').set({ group_id: null }).where('id', 'in', grouped).execute()
    expect(read.has('requests')).toBe(true)
    expect(read.has('request_events')).toBe(true)
    expect(read.has('request_search')).toBe(true)
    const moving: readonly string[] = [
      ...REQUEST_COUNTS_TABLES,
      ...REQUEST_PAGE_TABLES,
      ...REQUEST_SEARCH_TABLES,
      ...REQUEST_WARRANT_TABLES,
    ]
    // SQLite's full-text indexes, written with request_search alone (requests.search-index.ts).
    const ofDocuments = ['request_search_fts', 'request_search_by_addressee']
    expect([...read].filter((t) => !moving.includes(t) && !ofDocuments.includes(t))).toEqual([])
  })

  it('are counts served again, unchanged, while nothing they depend on changes', async () => {
    const nowIso = new Date().toISOString()
    const first = await countVisibleRequestsByStatusKept(db.db, actors.focal as UserActor, { addressee: state }, nowIso)
    const again = await countVisibleRequestsByStatusKept(db.db, actors.focal as UserActor, { addressee: state }, nowIso)
    // The same answer, not an equal one: it was kept, not counted again.
    expect(again).toBe(first)
    expect(first.reduce((n, c) => n + c.total, 0)).toBeGreaterThan(0)
    // Someone else, or the same filters said otherwise, is counted for itself.
    const officers = await countVisibleRequestsByStatusKept(
      db.db,
      actors.officer as UserActor,
      { addressee: state },
      nowIso,
    )
    expect(officers).not.toBe(first)
    // Asked afresh: counted again, and kept.
    const anew = await countVisibleRequestsByStatusKept(
      db.db,
      actors.focal as UserActor,
      { addressee: state },
      nowIso,
      {
        fresh: true,
      },
    )
    expect(anew).not.toBe(first)
    expect(anew).toEqual(first)
    expect(await countVisibleRequestsByStatusKept(db.db, actors.focal as UserActor, { addressee: state }, nowIso)).toBe(
      anew,
    )
  })

  it('are pages served again, unchanged, while nothing they depend on changes; with `overdue` never', async () => {
    const focal = actors.focal as UserActor
    const nowIso = new Date().toISOString()
    const inbox = page({ addressee: state }, { key: 'deadline', direction: 'asc' }, nowIso)
    const first = await keptPage(focal, inbox)
    expect(first.length).toBeGreaterThan(0)
    // Kept, not read again; the clock alone does not change which rows a page holds.
    expect(await keptPage(focal, { ...inbox, nowIso: new Date(Date.now() + 3_600_000).toISOString() })).toBe(first)
    // Another caller, order, position or size is a page of its own.
    expect(await keptPage(actors.officer as UserActor, inbox)).not.toBe(first)
    expect(await keptPage(focal, { ...inbox, sort: { key: 'deadline', direction: 'desc' } })).not.toBe(first)
    expect(await keptPage(focal, { ...inbox, limit: 10 })).toHaveLength(Math.min(10, first.length))
    // Asked afresh: read again, and kept.
    const anew = await keptPage(focal, inbox, { fresh: true })
    expect(anew).not.toBe(first)
    expect(anew).toEqual(first)
    expect(await keptPage(focal, inbox)).toBe(anew)
    // Which requests are overdue moves with the clock: such a page is read every time.
    const overdue = { ...inbox, filters: { addressee: state, overdue: true } }
    expect(await keptPage(focal, overdue)).not.toBe(await keptPage(focal, overdue))
    // So is a full-text match (its index changes with messages too).
    const matching = {
      ...inbox,
      filters: { addressee: state, matching: db.db.selectFrom('requests').select('id').$castTo<string>() },
    }
    expect(await keptPage(focal, matching)).not.toBe(await keptPage(focal, matching))
  })

  it('are counted anew once the clock passes a running deadline, or is set back', async () => {
    const request = await transmittedToState('desc')
    const deadline = Date.parse('2031-03-01T12:00:00.000Z')
    await db.db
      .updateTable('requests')
      .set({ classification: 'public', status: 'in_execution', response_deadline: new Date(deadline).toISOString() })
      .where('id', '=', request.id)
      .execute()
    const focal = actors.focal as UserActor
    const at = (ms: number) =>
      countVisibleRequestsByStatusKept(db.db, focal, { addressee: state }, new Date(ms).toISOString())
    const overdue = (counts: Awaited<ReturnType<typeof at>>) => counts.find((c) => c.status === 'in_execution')?.overdue
    const before = await at(deadline - 60_000)
    // Up to the deadline itself the request is not overdue: the counts hold.
    expect(await at(deadline)).toBe(before)
    const after = await at(deadline + 1)
    expect(overdue(after)).toBe((overdue(before) ?? 0) + 1)
    // The clock set back (a test's, an operator's): what was overdue then is counted again.
    const back = await at(deadline - 60_000)
    expect(back).not.toBe(after)
    expect(overdue(back)).toBe(overdue(before))
  })

  it("move their epoch, and their addressee's, with every insert, update and delete of every table they depend on", async () => {
    // A demo arrest request, which already carries out a warrant: each write below changes a row of
    // its own beside it.
    const { request_id: request } = await db.db
      .selectFrom('request_warrants')
      .select('request_id')
      .orderBy('request_id')
      .executeTakeFirstOrThrow()
    const { addressee } = await db.db
      .selectFrom('requests')
      .select('addressee')
      .where('id', '=', request)
      .executeTakeFirstOrThrow()
    const other = addressee === 'KEN' ? 'UGA' : 'KEN'
    const copy = randomUUID()
    const person = personIds[0] as string
    const user = actors.stateOfficer?.userId as string
    const by = actors.focal?.userId as string
    // A warrant for request_warrants' rows to name.
    const warrant = `warrant-${copy}`
    await db.db
      .insertInto('warrants')
      .values({
        id: warrant,
        classification: 'public',
        compartment_code: null,
        ex_parte_party: null,
        created_by: 'test',
        person_id: person,
        kind: 'arrest_warrant',
        issuing_chamber: 'Pre-Trial Chamber IX (fictional)',
        issued_on: '2025-05-02',
        issued_text: null,
        charges: toJson([]),
        status: 'at_large',
        unsealed_on: null,
        unsealing_decision: null,
        origin: 'court',
        reference_key: null,
        source_keys: toJson([]),
        notes: null,
      })
      .execute()
    const writes: Record<
      (typeof REQUEST_COUNTS_TABLES)[number] | (typeof REQUEST_WARRANT_TABLES)[number],
      (() => Promise<unknown>)[]
    > = {
      requests: [
        () => db.db.updateTable('requests').set({ summary: 'Renamed (fictional)' }).where('id', '=', request).execute(),
        async () => {
          const row = await db.db.selectFrom('requests').selectAll().where('id', '=', request).executeTakeFirstOrThrow()
          await db.db
            .insertInto('requests')
            .values({ ...row, id: copy, reference: `${row.reference}-COPY` })
            .execute()
        },
        () => db.db.deleteFrom('requests').where('id', '=', copy).execute(),
      ],
      record_recipients: [
        () =>
          db.db
            .insertInto('record_recipients')
            .values({ record_type: 'request', record_id: request, kind: 'named', org_code: 'KEN', user_id: null })
            .execute(),
        () =>
          db.db
            .updateTable('record_recipients')
            .set({ org_code: 'UGA' })
            .where('record_id', '=', request)
            .where('org_code', '=', 'KEN')
            .execute(),
        () =>
          db.db
            .deleteFrom('record_recipients')
            .where('record_id', '=', request)
            .where('org_code', '=', 'UGA')
            .execute(),
      ],
      record_delegations: [
        () =>
          db.db
            .insertInto('record_delegations')
            .values({
              record_type: 'request',
              record_id: request,
              user_id: user,
              delegated_by: by,
              delegated_at: new Date().toISOString(),
            })
            .execute(),
        () =>
          db.db
            .updateTable('record_delegations')
            .set({ delegated_at: new Date().toISOString() })
            .where('record_id', '=', request)
            .execute(),
        () => db.db.deleteFrom('record_delegations').where('record_id', '=', request).execute(),
      ],
      request_persons: [
        () => db.db.insertInto('request_persons').values({ request_id: request, person_id: person }).execute(),
        () =>
          db.db.updateTable('request_persons').set({ person_id: person }).where('request_id', '=', request).execute(),
        () => db.db.deleteFrom('request_persons').where('request_id', '=', request).execute(),
      ],
      request_warrants: [
        () => db.db.insertInto('request_warrants').values({ request_id: request, warrant_id: warrant }).execute(),
        // Only this row: the request may carry out other warrants (a demo arrest request does).
        () =>
          db.db
            .updateTable('request_warrants')
            .set({ warrant_id: warrant })
            .where('request_id', '=', request)
            .where('warrant_id', '=', warrant)
            .execute(),
        () =>
          db.db
            .deleteFrom('request_warrants')
            .where('request_id', '=', request)
            .where('warrant_id', '=', warrant)
            .execute(),
      ],
    }
    // A statement that changes no row may or may not move it (SQLite's triggers are per row):
    // each step here changes one.
    await db.db.deleteFrom('request_persons').where('request_id', '=', request).execute()
    for (const [table, steps] of Object.entries(writes)) {
      for (const [i, step] of steps.entries()) {
        const before = { all: await epochNow(), own: await epochNow(addressee), other: await epochNow(other) }
        await step()
        expect(await epochNow(), `${table} write ${i + 1}`).toBeGreaterThan(before.all)
        expect(await epochNow(addressee), `${table} write ${i + 1}, ${addressee}`).toBeGreaterThan(before.own)
        expect(await epochNow(other), `${table} write ${i + 1}, ${other}`).toBe(before.other)
      }
    }
    // A request moving from one addressee to another moves both.
    const before = { all: await epochNow(), own: await epochNow(addressee), other: await epochNow(other) }
    await db.db.updateTable('requests').set({ addressee: other }).where('id', '=', request).execute()
    expect(await epochNow(addressee)).toBeGreaterThan(before.own)
    expect(await epochNow(other)).toBeGreaterThan(before.other)
    await db.db.updateTable('requests').set({ addressee }).where('id', '=', request).execute()
    // A read, or a write elsewhere, leaves them where they are.
    const after = { all: await epochNow(), own: await epochNow(addressee) }
    await db.db.selectFrom('requests').select('id').execute()
    await db.db.updateTable('app_meta').set({ value: sql`value` }).execute()
    expect({ all: await epochNow(), own: await epochNow(addressee) }).toEqual(after)
  })

  it('are request pages read again when another request of their group changes, whatever its addressee', async () => {
    const focal = actors.focal as UserActor
    const nowIso = new Date().toISOString()
    const own = await transmittedToState()
    const other = await db.db
      .selectFrom('requests')
      .select('id')
      .where('addressee', '<>', state)
      .where('classification', '=', 'public')
      .where('transmitted_at', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow()
    await db.db.updateTable('requests').set({ group_id: 'G-KEPT' }).where('id', 'in', [own.id, other.id]).execute()
    const first = await keptRequestPage(focal, own.id, nowIso)
    expect(await keptRequestPage(focal, own.id, nowIso)).toBe(first)
    await db.db.updateTable('requests').set({ status: 'withdrawn' }).where('id', '=', other.id).execute()
    const again = await keptRequestPage(focal, own.id, nowIso)
    expect(again).not.toBe(first)
    expect(again).toEqual(await pageNow(focal, own.id))
    await db.db.updateTable('requests').set({ group_id: null }).where('id', 'in', [own.id, other.id]).execute()
  })

  it("are search pages kept until a document of any addressee's changes", async () => {
    const focal = actors.focal as UserActor
    const nowIso = new Date().toISOString()
    const first = await keptSearchPage(focal, { addressee: state }, 'arrest', nowIso)
    expect(first.length).toBeGreaterThan(0)
    expect(await keptSearchPage(focal, { addressee: state }, 'arrest', nowIso)).toBe(first)
    expect(await keptSearchPage(focal, { addressee: state }, 'surrender', nowIso)).not.toBe(first)
    // Another State's message: SQLite's relevance counts every document, so the page is read again.
    const elsewhere = await db.db
      .selectFrom('requests')
      .select('id')
      .where('addressee', '<>', state)
      .executeTakeFirstOrThrow()
    await indexRequestText(db.db, elsewhere.id, { source: 'message:kept-search', body: ['arrest'] })
    const again = await keptSearchPage(focal, { addressee: state }, 'arrest', nowIso)
    expect(again).not.toBe(first)
    expect(again).toEqual(await searchPage(focal, { addressee: state }, 'arrest', nowIso))
  })

  it("stay kept for one addressee while other addressees' requests change", async () => {
    const nowIso = new Date().toISOString()
    const focal = actors.focal as UserActor
    const officer = actors.officer as UserActor
    const own = await countVisibleRequestsByStatusKept(db.db, focal, { addressee: state }, nowIso)
    const all = await countVisibleRequestsByStatusKept(db.db, officer, {}, nowIso)
    const byDeadline: RequestSort = { key: 'deadline', direction: 'asc' }
    const ownPage = await keptPage(focal, page({ addressee: state }, byDeadline, nowIso))
    const allPage = await keptPage(officer, page({}, byDeadline, nowIso))
    const elsewhere = await db.db
      .selectFrom('requests')
      .select('id')
      .where('addressee', '<>', state)
      .executeTakeFirstOrThrow()
    await db.db.updateTable('requests').set({ status: 'withdrawn' }).where('id', '=', elsewhere.id).execute()
    expect(await countVisibleRequestsByStatusKept(db.db, focal, { addressee: state }, nowIso)).toBe(own)
    // Counts of every addressee depend on that request: counted again.
    expect(await countVisibleRequestsByStatusKept(db.db, officer, {}, nowIso)).not.toBe(all)
    expect(await keptPage(focal, page({ addressee: state }, byDeadline, nowIso))).toBe(ownPage)
    expect(await keptPage(officer, page({}, byDeadline, nowIso))).not.toBe(allPage)
  })

  it('answer a call as it began: kept, if they held when the epoch of all addressees had its value then', async () => {
    const focal = actors.focal as UserActor
    const nowIso = new Date().toISOString()
    const own = await transmittedToState()
    const change = (summary: string) =>
      db.db.updateTable('requests').set({ summary }).where('id', '=', own.id).execute()
    const inbox = page({ addressee: state }, { key: 'deadline', direction: 'asc' }, nowIso)
    const first = await keptPage(focal, inbox)
    // Found still current here (its addressee's epoch has not moved), at this value of all's.
    expect(await keptPage(focal, inbox)).toBe(first)
    const began = String(await epochNow())
    // A request's page is read in one snapshot with both epochs.
    const firstPage = await keptRequestPage(focal, own.id, nowIso)
    await change('Changed once the calls began (fictional)')
    // Calls that began before the change are answered as the requests were then...
    expect(await keptPage(focal, inbox, { allRequestsEpoch: began })).toBe(first)
    expect(await keptRequestPage(focal, own.id, nowIso, { allRequestsEpoch: began })).toBe(firstPage)
    // ...and calls that began after it, anew.
    const now = String(await epochNow())
    expect(now).not.toBe(began)
    const again = await keptPage(focal, inbox, { allRequestsEpoch: now })
    expect(again).not.toBe(first)
    expect(again).toEqual(await listVisibleRequests(db.db, focal, inbox))
    const pageAgain = await keptRequestPage(focal, own.id, nowIso, { allRequestsEpoch: now })
    expect(pageAgain).not.toBe(firstPage)
    expect(pageAgain).toEqual(await pageNow(focal, own.id))
  })

  it('answer what reading afresh answers, whatever is written and wherever the clock goes', async () => {
    // Any request, or one of the State's, whose counts most filters here are about.
    const stateRequests = (
      await db.db.selectFrom('requests').select('id').where('addressee', '=', state).orderBy('id').execute()
    ).map((r) => r.id)
    // The request pages compared below: some of the State's, some of others.
    const watched = [
      ...stateRequests.slice(0, 3),
      ...requestIds.filter((id) => !stateRequests.includes(id)).slice(0, 2),
    ]
    const someRequest = fc.oneof(
      fc.constantFrom(...requestIds),
      fc.constantFrom(...stateRequests),
      fc.constantFrom(...watched),
    )
    let seq = 1_000_000
    const minutes = (n: number) => n * 60_000
    type Step =
      | { kind: 'status'; id: string; status: string }
      | { kind: 'deadline'; id: string; which: 'response' | 'acknowledgement'; offset: number | null }
      | { kind: 'classification'; id: string; classification: string }
      | { kind: 'addressee'; id: string; to: string }
      | { kind: 'name'; id: string; who: 'org' | 'user' }
      | { kind: 'unname'; id: string }
      | { kind: 'delegate'; id: string }
      | { kind: 'person'; id: string; person: string }
      | { kind: 'event'; id: string }
      | { kind: 'deadlineChange'; id: string }
      | { kind: 'group'; id: string; group: string | null }
      | { kind: 'document'; id: string; words: string }
      | { kind: 'clock'; by: number }
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({
        kind: fc.constant('status' as const),
        id: someRequest,
        status: fc.constantFrom(...REQUEST_STATUSES),
      }),
      fc.record({
        kind: fc.constant('deadline' as const),
        id: someRequest,
        which: fc.constantFrom('response' as const, 'acknowledgement' as const),
        // Close to the clock, so that moving it passes deadlines.
        offset: fc.option(fc.integer({ min: minutes(-90), max: minutes(180) })),
      }),
      fc.record({
        kind: fc.constant('classification' as const),
        id: someRequest,
        classification: fc.constantFrom('public', 'confidential', 'under_seal', 'ex_parte'),
      }),
      fc.record({ kind: fc.constant('addressee' as const), id: someRequest, to: fc.constantFrom('KEN', 'UGA', state) }),
      fc.record({
        kind: fc.constant('name' as const),
        id: someRequest,
        who: fc.constantFrom('org' as const, 'user' as const),
      }),
      fc.record({ kind: fc.constant('unname' as const), id: someRequest }),
      fc.record({ kind: fc.constant('delegate' as const), id: someRequest }),
      fc.record({ kind: fc.constant('person' as const), id: someRequest, person: fc.constantFrom(...personIds) }),
      fc.record({ kind: fc.constant('event' as const), id: someRequest }),
      fc.record({ kind: fc.constant('deadlineChange' as const), id: someRequest }),
      // Requests of different addressees joined in a group, or leaving it.
      fc.record({ kind: fc.constant('group' as const), id: someRequest, group: fc.constantFrom('G-1', 'G-2', null) }),
      // A message's text, searched for below.
      fc.record({
        kind: fc.constant('document' as const),
        id: someRequest,
        words: fc.constantFrom('arrest warrant', 'arrest arrest arrest', 'a vessel'),
      }),
      // Forward by up to three hours, now and then back by up to one.
      fc.record({ kind: fc.constant('clock' as const), by: fc.integer({ min: minutes(-60), max: minutes(180) }) }),
    )
    const filterSets: RequestFilters[] = [
      {},
      { addressee: state },
      { addressee: state, status: ['transmitted', 'in_execution'] },
      { classification: 'confidential' },
      { personId: personIds[0] as string },
      // Read off the counts without it: the inbox's "overdue" and "due soon" tabs.
      { addressee: state, overdue: true },
      { status: ['transmitted', 'acknowledged', 'in_execution', 'consultation'], overdue: false },
    ]
    const pages = (nowIso: string): ListInput[] => [
      page(
        { addressee: state, status: ['transmitted', 'acknowledged', 'in_execution'] },
        { key: 'deadline', direction: 'asc' },
        nowIso,
      ),
      page({ addressee: state }, { key: 'deadline', direction: 'desc' }, nowIso),
      page({}, { key: 'updated', direction: 'desc' }, nowIso),
      page({ personId: personIds[0] as string }, { key: 'reference', direction: 'asc' }, nowIso),
      page({ addressee: state, overdue: true }, { key: 'deadline', direction: 'asc' }, nowIso),
    ]
    let clock = Date.now()
    const apply = async (s: Step) => {
      const at = new Date(clock).toISOString()
      switch (s.kind) {
        case 'status':
          return db.db.updateTable('requests').set({ status: s.status }).where('id', '=', s.id).execute()
        case 'deadline': {
          const value = s.offset === null ? null : new Date(clock + s.offset).toISOString()
          const column = s.which === 'response' ? 'response_deadline' : 'acknowledgement_deadline'
          return db.db
            .updateTable('requests')
            .set({ [column]: value })
            .where('id', '=', s.id)
            .execute()
        }
        case 'classification':
          return db.db
            .updateTable('requests')
            .set({ classification: s.classification })
            .where('id', '=', s.id)
            .execute()
        case 'addressee':
          return db.db.updateTable('requests').set({ addressee: s.to }).where('id', '=', s.id).execute()
        case 'name':
          return db.db
            .insertInto('record_recipients')
            .values({
              record_type: 'request',
              record_id: s.id,
              kind: 'named',
              org_code: s.who === 'org' ? state : null,
              user_id: s.who === 'user' ? (actors.stateOfficer?.userId as string) : null,
            })
            .onConflict((oc) => oc.doNothing())
            .execute()
        case 'unname':
          return db.db.deleteFrom('record_recipients').where('record_id', '=', s.id).execute()
        case 'delegate':
          return db.db
            .insertInto('record_delegations')
            .values({
              record_type: 'request',
              record_id: s.id,
              user_id: actors.stateOfficer?.userId as string,
              delegated_by: actors.focal?.userId as string,
              delegated_at: at,
            })
            .onConflict((oc) => oc.doNothing())
            .execute()
        case 'person':
          return db.db
            .insertInto('request_persons')
            .values({ request_id: s.id, person_id: s.person })
            .onConflict((oc) => oc.doNothing())
            .execute()
        case 'event':
          seq += 1
          return addNote(s.id, seq, at)
        case 'deadlineChange':
          return db.db
            .insertInto('deadline_changes')
            .values({
              id: randomUUID(),
              request_id: s.id,
              deadline: 'response',
              from_value: null,
              to_value: at,
              reason: 'A reason (fictional)',
              changed_by: 'test',
              changed_at: at,
            })
            .execute()
        case 'group':
          return db.db.updateTable('requests').set({ group_id: s.group }).where('id', '=', s.id).execute()
        case 'document':
          seq += 1
          return indexRequestText(db.db, s.id, { source: `message:test-${seq}`, body: [s.words] })
        case 'clock':
          clock += s.by
          return
      }
    }
    let overdueSeen = 0
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(step, fc.boolean()), { minLength: 1, maxLength: 6 }), async (steps) => {
        for (const [s, withToken] of steps) {
          await apply(s)
          const nowIso = new Date(clock).toISOString()
          // As a call with an API token asks: with the epoch of all addressees read as it began.
          const options: KeptOptions = withToken ? { allRequestsEpoch: String(await epochNow()) } : {}
          for (const [name, actor] of Object.entries(actors)) {
            for (const filters of filterSets) {
              const expected = await fresh(actor, filters, nowIso)
              overdueSeen += expected.reduce((n, c) => n + c.overdue, 0)
              const label = `${name} ${JSON.stringify(filters)} after ${s.kind}`
              expect(await kept(actor, filters, nowIso, options), label).toEqual(expected)
              for (const by of BREAKDOWN_DIMENSIONS)
                expect(await keptBreakdown(actor, filters, nowIso, by, options), `${label} by ${by}`).toEqual(
                  await freshBreakdown(actor, filters, nowIso, by),
                )
            }
            for (const input of pages(nowIso)) {
              const expected = await listVisibleRequests(db.db, actor, input)
              const label = `${name} ${JSON.stringify(input.filters)} ${JSON.stringify(input.sort)} after ${s.kind}`
              expect(await keptPage(actor, input, options), label).toEqual(expected)
            }
            for (const filters of [{ addressee: state }, {}] as RequestFilters[]) {
              expect(
                await keptSearchPage(actor, filters, 'arrest', nowIso, options),
                `${name}: search ${JSON.stringify(filters)} after ${s.kind}`,
              ).toEqual(await searchPage(actor, filters, 'arrest', nowIso))
            }
            for (const id of watched) {
              expect(
                await keptRequestPage(actor, id, nowIso, options),
                `${name}: request ${id} after ${s.kind}`,
              ).toEqual(await pageNow(actor, id))
            }
          }
        }
      }),
      { numRuns: testDialect === 'postgres' ? 12 : 25 },
    )
    // The clock did decide some counts.
    expect(overdueSeen).toBeGreaterThan(0)
  })
})

describe('GET /api/v1/requests/counts, /api/v1/requests and /api/v1/requests/{id}', () => {
  // A write the epoch does not see (its trigger off for the moment) shows which answer was kept.
  async function writeUnseen(id: string, change: string | { summary: string }) {
    const set = typeof change === 'string' ? { status: change } : change
    if (testDialect === 'postgres') {
      await sql`alter table requests disable trigger request_counts_epoch_requests`.execute(db.db)
      await db.db.updateTable('requests').set(set).where('id', '=', id).execute()
      await sql`alter table requests enable trigger request_counts_epoch_requests`.execute(db.db)
      return
    }
    const trigger = await db.db
      .selectFrom(sql<{ name: string; sql: string }>`sqlite_master`.as('m'))
      .select(['name', 'sql'])
      .where('name', '=', 'request_counts_epoch_requests_update')
      .executeTakeFirstOrThrow()
    await sql.raw(`drop trigger ${trigger.name}`).execute(db.db)
    await db.db.updateTable('requests').set(set).where('id', '=', id).execute()
    await sql.raw(trigger.sql).execute(db.db)
  }

  it('answers kept counts, and counts anew when asked with Cache-Control: no-cache', async () => {
    const get = async (extra: Record<string, string> = {}) => {
      const res = await app.inject({
        url: '/api/v1/requests/counts',
        query: { addressee: state },
        headers: { ...headers.focal, ...extra },
      })
      expect(res.statusCode, res.body).toBe(200)
      return res.json() as { total: number; byStatus: { status: string; total: number }[] }
    }
    const executed = (c: Awaited<ReturnType<typeof get>>) => c.byStatus.find((s) => s.status === 'executed')?.total ?? 0
    // A request the focal point sees, whatever earlier tests made of the demo's.
    const visible = await transmittedToState()
    await db.db
      .updateTable('requests')
      .set({ classification: 'public', status: 'in_execution' })
      .where('id', '=', visible.id)
      .execute()
    const before = await get({ 'cache-control': 'no-cache' })
    await writeUnseen(visible.id, 'executed')
    // Nothing told the epoch: the kept counts are answered.
    expect(executed(await get())).toBe(executed(before))
    // Asked afresh (one directive among others), the change shows, and the new counts are kept.
    const anew = await get({ 'cache-control': 'max-age=0, No-Cache' })
    expect(executed(anew)).toBe(executed(before) + 1)
    expect(executed(await get())).toBe(executed(before) + 1)
    // Any ordinary write is seen without asking.
    await db.db.updateTable('requests').set({ status: 'in_execution' }).where('id', '=', visible.id).execute()
    expect(executed(await get())).toBe(executed(before))
  })

  it('answers kept list pages, read anew with Cache-Control: no-cache, and audits every read of either', async () => {
    const query = { addressee: state, sort: 'deadline', limit: '200' }
    const get = async (extra: Record<string, string> = {}) => {
      const res = await app.inject({ url: '/api/v1/requests', query, headers: { ...headers.focal, ...extra } })
      expect(res.statusCode, res.body).toBe(200)
      return res.json() as { items: { id: string; status: string; classification: string }[] }
    }
    const statusOf = (p: Awaited<ReturnType<typeof get>>, id: string) => p.items.find((r) => r.id === id)?.status
    const visible = await transmittedToState('desc')
    await db.db
      .updateTable('requests')
      .set({ classification: 'confidential', status: 'in_execution' })
      .where('id', '=', visible.id)
      .execute()
    // The list's reads, counted; the last one must name the request.
    const audited = async () => {
      const rows = await db.db
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'request.listed')
        .orderBy('id')
        .execute()
      expect(JSON.stringify(rows.at(-1)?.details ?? '')).toContain(visible.id)
      return rows.length
    }
    const before = await get({ 'cache-control': 'no-cache' })
    expect(statusOf(before, visible.id)).toBe('in_execution')
    const auditedBefore = Number(await audited())
    await writeUnseen(visible.id, 'executed')
    // Nothing told the epoch: the kept page is answered, and its read audited all the same.
    expect(statusOf(await get(), visible.id)).toBe('in_execution')
    expect(Number(await audited())).toBe(auditedBefore + 1)
    // Asked afresh, the change shows, and the new page is kept.
    expect(statusOf(await get({ 'cache-control': 'no-cache' }), visible.id)).toBe('executed')
    expect(statusOf(await get(), visible.id)).toBe('executed')
    expect(Number(await audited())).toBe(auditedBefore + 3)
    // Any ordinary write is seen without asking.
    await db.db.updateTable('requests').set({ status: 'in_execution' }).where('id', '=', visible.id).execute()
    expect(statusOf(await get(), visible.id)).toBe('in_execution')
  })

  it("answers a kept page with the body encoded before, until one of its rows' overdue flags turns", async () => {
    const query = { addressee: state, sort: 'deadline', limit: '200' }
    const get = async (extra: Record<string, string> = {}) => {
      const res = await app.inject({ url: '/api/v1/requests', query, headers: { ...headers.focal, ...extra } })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
      return res.body
    }
    const rowOf = (body: string, id: string) =>
      (JSON.parse(body) as { items: { id: string; summary: string; isResponseOverdue: boolean }[] }).items.find(
        (r) => r.id === id,
      )
    const visible = await transmittedToState()
    // Within the tokens' day.
    const deadline = Math.ceil(Date.now() / 60_000) * 60_000 + 3_600_000
    await db.db
      .updateTable('requests')
      .set({ status: 'in_execution', response_deadline: new Date(deadline).toISOString() })
      .where('id', '=', visible.id)
      .execute()
    try {
      appClock = deadline - 60_000
      const before = await get({ 'cache-control': 'no-cache' })
      expect(rowOf(before, visible.id)).toMatchObject({ summary: visible.summary, isResponseOverdue: false })
      // Unseen by the epoch: what is answered below comes from the kept page.
      await writeUnseen(visible.id, { summary: 'Changed unseen (fictional)' })
      // Up to the deadline itself nothing on the page turns: the same bytes.
      appClock = deadline
      expect(await get()).toBe(before)
      // Past it, the kept page is encoded again, with the flag turned.
      appClock = deadline + 1
      const after = await get()
      expect(rowOf(after, visible.id)).toMatchObject({ summary: visible.summary, isResponseOverdue: true })
      // The clock set back: encoded again, as it was then.
      appClock = deadline - 60_000
      expect(rowOf(await get(), visible.id)?.isResponseOverdue).toBe(false)
      // Read anew: the change shows.
      expect(rowOf(await get({ 'cache-control': 'no-cache' }), visible.id)?.summary).toBe('Changed unseen (fictional)')
    } finally {
      appClock = null
    }
  })

  it("answers a request's kept page with the body encoded before, until a change or its deadline; no-cache reads anew", async () => {
    const visible = await transmittedToState('desc')
    const get = async (extra: Record<string, string> = {}) => {
      const res = await app.inject({ url: `/api/v1/requests/${visible.id}`, headers: { ...headers.focal, ...extra } })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
      return res.body
    }
    const shown = (body: string) =>
      JSON.parse(body) as { summary: string; isResponseOverdue: boolean; events: unknown[] }
    const reads = async () =>
      (
        await db.db
          .selectFrom('audit_events')
          .select('id')
          .where('action', '=', 'request.read')
          .where('record_id', '=', visible.id)
          .execute()
      ).length
    const deadline = Math.ceil(Date.now() / 60_000) * 60_000 + 3_600_000
    await db.db
      .updateTable('requests')
      .set({
        status: 'in_execution',
        classification: 'confidential',
        response_deadline: new Date(deadline).toISOString(),
      })
      .where('id', '=', visible.id)
      .execute()
    try {
      appClock = deadline - 60_000
      const before = await get({ 'cache-control': 'no-cache' })
      expect(shown(before)).toMatchObject({ summary: visible.summary, isResponseOverdue: false })
      const audited = await reads()
      await writeUnseen(visible.id, { summary: 'Changed unseen (fictional)' })
      appClock = deadline
      expect(await get()).toBe(before)
      // Every answer of the kept page is audited.
      expect(await reads()).toBe(audited + 1)
      appClock = deadline + 1
      expect(shown(await get())).toMatchObject({ summary: visible.summary, isResponseOverdue: true })
      expect(shown(await get({ 'cache-control': 'no-cache' })).summary).toBe('Changed unseen (fictional)')
      // Its timeline is part of the page: a new event is shown without asking.
      const events = shown(await get()).events.length
      await addNote(visible.id, 9_000_000, new Date(deadline).toISOString())
      expect(shown(await get()).events).toHaveLength(events + 1)
    } finally {
      appClock = null
    }
  })

  it('refuses an oversized Cache-Control with a clear error', async () => {
    for (const url of ['/api/v1/requests/counts', '/api/v1/requests', `/api/v1/requests/${requestIds[0]}`]) {
      const res = await app.inject({ url, headers: { ...headers.focal, 'cache-control': 'x'.repeat(300) } })
      expect(res.statusCode, url).toBe(400)
      expect(res.json().error.code, url).toBe('VALIDATION_FAILED')
    }
  })
})
