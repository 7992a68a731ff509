import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../../../test/db.ts'
import { listMigrations, migrateDown, migrateToLatest } from '../migrate.ts'

let db: TestDb
beforeAll(async () => {
  db = await createTestDb({ seeded: false })
})
afterAll(async () => db.destroy())

const NAME = '2026-11-28T0820_assets'
const TABLES = ['assets', 'asset_steps', 'asset_valuations', 'asset_claims', 'asset_alerts', 'exchange_rates']
const tableNames = async () => (await db.db.introspection.getTables()).map((t) => t.name)

describe('migration 2026-11-28T0820_assets', () => {
  it('creates the assets tables, goes down and up again', async () => {
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
