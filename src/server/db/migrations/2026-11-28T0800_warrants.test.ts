import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../../../test/db.ts'
import { listMigrations, migrateDown, migrateToLatest } from '../migrate.ts'

let db: TestDb
beforeAll(async () => {
  db = await createTestDb({ seeded: false })
})
afterAll(async () => db.destroy())

const NAME = '2026-11-28T0800_warrants'
const TABLES = ['warrants', 'warrant_status_events', 'person_sought_details', 'person_photos']
const tableNames = async () => (await db.db.introspection.getTables()).map((t) => t.name)

describe('migration 2026-11-28T0800_warrants', () => {
  it('creates the tables of warrants and persons sought, goes down and up again', async () => {
    await migrateToLatest(db.db)
    expect(await tableNames()).toEqual(expect.arrayContaining(TABLES))
    // Later migrations go down first, then this one.
    const isApplied = async () => (await listMigrations(db.db)).find((m) => m.name === NAME)?.executedAt !== null
    while (await isApplied()) await migrateDown(db.db)
    const after = await tableNames()
    for (const t of TABLES) expect(after).not.toContain(t)
    expect(after).toContain('persons')
    await migrateToLatest(db.db)
    expect(await tableNames()).toEqual(expect.arrayContaining(TABLES))
  })
})
