import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../../../test/db.ts'
import { listMigrations, migrateDown, migrateToLatest } from '../migrate.ts'

let db: TestDb
beforeAll(async () => {
  db = await createTestDb({ seeded: false })
})
afterAll(async () => db.destroy())

const NAME = '2026-11-28T0710_request-search'
const TABLES = ['request_search', 'saved_views']
const tableNames = async () => (await db.db.introspection.getTables()).map((t) => t.name)

describe('migration 2026-11-28T0710_request-search', () => {
  it('creates the search documents and saved views, goes down and up again', async () => {
    await migrateToLatest(db.db)
    expect(await tableNames()).toEqual(expect.arrayContaining(TABLES))
    const isApplied = async () => (await listMigrations(db.db)).find((m) => m.name === NAME)?.executedAt !== null
    while (await isApplied()) await migrateDown(db.db)
    const after = await tableNames()
    for (const t of TABLES) expect(after).not.toContain(t)
    expect(after).toContain('requests')
    await migrateToLatest(db.db)
    expect(await tableNames()).toEqual(expect.arrayContaining(TABLES))
  })
})
