import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../../../test/db.ts'
import { listMigrations, migrateDown, migrateToLatest } from '../migrate.ts'

let db: TestDb
beforeAll(async () => {
  db = await createTestDb({ seeded: false })
})
afterAll(async () => db.destroy())

const NAME = '2026-11-28T0810_arrest-strategies-opportunities'
const TABLES = ['arrest_strategies', 'arrest_strategy_versions', 'arrest_opportunities', 'arrest_opportunity_outcomes']
const tableNames = async () => (await db.db.introspection.getTables()).map((t) => t.name)

describe('migration 2026-11-28T0810_arrest-strategies-opportunities', () => {
  it('creates the strategies and opportunities with their histories, goes down and up again', async () => {
    await migrateToLatest(db.db)
    expect(await tableNames()).toEqual(expect.arrayContaining(TABLES))
    const isApplied = async () => (await listMigrations(db.db)).find((m) => m.name === NAME)?.executedAt !== null
    while (await isApplied()) await migrateDown(db.db)
    const after = await tableNames()
    for (const t of TABLES) expect(after).not.toContain(t)
    expect(after).toContain('persons')
    await migrateToLatest(db.db)
    expect(await tableNames()).toEqual(expect.arrayContaining(TABLES))
  })
})
