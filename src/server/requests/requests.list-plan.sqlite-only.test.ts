import { Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../../test/db.ts'
import type { UserActor } from '../context.ts'
import { sqliteDialect } from '../db/database.ts'
import type { Database } from '../db/tables.ts'
import * as repo from './requests.repository.ts'
import { matchingRequestIds } from './requests.search.ts'

// Which index SQLite walks for a State's list by deadline (requests.repository.ts): the partial
// index of open requests (migration 0860, named with INDEXED BY, so SQLite would fail the
// statement rather than plan it otherwise) only when every status asked for is in it; otherwise
// the index of all requests. And the whole list, in every sort order, walks an index in that
// order (migration 0870) rather than sorting every visible request for one page.

let db: TestDb
let raw: import('better-sqlite3').Database
beforeAll(async () => {
  db = await createTestDb()
  const { default: SqliteDatabase } = await import('better-sqlite3')
  raw = new SqliteDatabase(db.sqlitePath as string)
})
afterAll(async () => {
  raw.close()
  await db.destroy()
})

const officer: UserActor = {
  kind: 'user',
  userId: 'u-plan',
  email: 'plan@test.invalid',
  name: 'Plan test',
  orgCode: 'ICC-OTP',
  orgKind: 'court_organ',
  role: 'officer',
  compartments: ['SIT-A'],
  via: 'token',
  sessionId: null,
  scopes: ['read'],
}

/** The indexes SQLite's plan uses on `requests` for a State's list by deadline with these statuses. */
function indexesFor(status: string[]) {
  return planOf({ addressee: 'NLD', status }, { key: 'deadline', direction: 'asc' })
}

/** SQLite's plan of the list: the indexes it uses, and whether it sorts the rows itself. */
async function planOf(filters: repo.RequestFilters, sort: repo.RequestSort) {
  const captured: { sql: string; parameters: readonly unknown[] }[] = []
  const capturing = new Kysely<Database>({
    dialect: sqliteDialect(raw),
    log: (event) => {
      if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: event.query.parameters })
    },
  })
  await repo.listVisibleRequests(capturing, officer, {
    filters,
    sort,
    after: null,
    limit: 51,
    nowIso: new Date().toISOString(),
  })
  const [query] = captured
  if (!query) throw new Error('no query captured')
  const plan = raw.prepare(`explain query plan ${query.sql}`).all(...query.parameters) as { detail: string }[]
  const indexes = plan.map((p) => /USING (?:COVERING )?INDEX (\w+)/.exec(p.detail)?.[1]).filter(Boolean)
  return Object.assign(indexes, { sorts: plan.some((p) => p.detail.includes('TEMP B-TREE FOR ORDER BY')) })
}

describe("a State's list by deadline on SQLite", () => {
  it('walks the index of open requests when only open statuses are asked for', async () => {
    expect(await indexesFor(['transmitted', 'acknowledged', 'in_execution'])).toContain(
      'requests_open_addressee_deadline',
    )
    expect(await indexesFor(['draft', 'postponed'])).toContain('requests_open_addressee_deadline')
  })

  it('walks the index of all requests when a closed status is asked for too', async () => {
    const used = await indexesFor(['in_execution', 'executed'])
    expect(used).not.toContain('requests_open_addressee_deadline')
    expect(used).toContain('requests_addressee_deadline')
  })

  it('repeats the index condition exactly as the migration wrote it', async () => {
    const [index] = (
      await sql<{ sql: string }>`select sql from sqlite_schema where name = 'requests_open_addressee_deadline'`.execute(
        db.db,
      )
    ).rows
    expect(index?.sql).toMatch(
      /where status in \('draft', 'approved', 'transmitted', 'acknowledged', 'in_execution', 'consultation', 'postponed'\)$/,
    )
  })
})

describe('the whole list on SQLite', () => {
  it('walks an index in the order asked for, in both directions, instead of sorting every request', async () => {
    const expected = {
      deadline: 'requests_deadline_order',
      created: 'requests_created',
      updated: 'requests_updated',
      reference: 'sqlite_autoindex_requests_2',
    } as const
    for (const [key, index] of Object.entries(expected) as [repo.RequestSort['key'], string][])
      for (const direction of ['asc', 'desc'] as const) {
        const used = await planOf({}, { key, direction })
        expect(used, `${key} ${direction}`).toContain(index)
        expect(used.sorts, `${key} ${direction}`).toBe(false)
      }
  })

  it('walks the sort order for a broad full-text match, checking it per request', async () => {
    // requests.search.ts withSearchInOrder: the match's form and flag for a common word.
    const filters = { matching: matchingRequestIds(db.db, ['vessel'], 'candidates'), broadMatch: true }
    for (const key of ['deadline', 'updated'] as const) {
      const used = await planOf(filters, { key, direction: 'asc' })
      expect(used, key).toContain(key === 'deadline' ? 'requests_deadline_order' : 'requests_updated')
      expect(used.sorts, key).toBe(false)
    }
    // The form a narrow match keeps (withSearch): the matching requests gathered, then sorted.
    const gathered = { matching: matchingRequestIds(db.db, ['vessel'], 'best-first') }
    expect((await planOf(gathered, { key: 'deadline', direction: 'asc' })).sorts).toBe(true)
  })

  it('reads a deadline range in deadline order from one index', async () => {
    const range = { deadlineFrom: '2027-01-01T00:00:00.000Z', deadlineTo: '2027-01-31T23:59:59.999Z' }
    for (const direction of ['asc', 'desc'] as const) {
      const used = await planOf(range, { key: 'deadline', direction })
      expect(used, direction).toContain('requests_deadline_order')
      expect(used.sorts, direction).toBe(false)
    }
  })

  it('keeps walking the sort order under filters that leave a large share of the requests', async () => {
    // Their own indexes would make SQLite fetch that whole share and sort it.
    const broad: repo.RequestFilters[] = [
      { status: ['executed'] },
      { status: ['transmitted', 'acknowledged'] },
      { originator: 'ICC-REGISTRY' },
      { classification: 'under_seal' },
      { requestType: 'ARREST_AND_SURRENDER' },
      { status: ['executed'], originator: 'ICC-OTP', classification: 'public' },
    ]
    for (const filters of broad)
      for (const key of ['deadline', 'updated'] as const) {
        const used = await planOf(filters, { key, direction: 'desc' })
        expect(used, `${JSON.stringify(filters)} ${key}`).toContain(
          key === 'deadline' ? 'requests_deadline_order' : 'requests_updated',
        )
        expect(used.sorts, `${JSON.stringify(filters)} ${key}`).toBe(false)
      }
  })
})
