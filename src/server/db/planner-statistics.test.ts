import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../../test/db.ts'
import { refreshPlannerStatistics } from './planner-statistics.ts'

let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => db.destroy())

const rows = async (table: string) =>
  Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db.db)).rows[0]?.n)

describe('refreshPlannerStatistics', () => {
  it('keeps the per-index statistics and drops the sampled values (SQLite)', async () => {
    if (db.dialect !== 'sqlite') {
      // PostgreSQL keeps its own statistics: the call is a no-op there and must not fail.
      expect(await refreshPlannerStatistics(db.db)).toEqual({ sampledValuesDropped: 0 })
      return
    }
    // A full ANALYZE, as an operator might run by hand, stores sampled key values too.
    await sql`analyze`.execute(db.db)
    const sampled = await rows('sqlite_stat4')
    expect(sampled).toBeGreaterThan(0)

    expect(await refreshPlannerStatistics(db.db)).toEqual({ sampledValuesDropped: sampled })
    expect(await rows('sqlite_stat4')).toBe(0)
    expect(await rows('sqlite_stat1')).toBeGreaterThan(0)
    // Nothing left to drop the second time; the planner still has its per-index statistics.
    expect(await refreshPlannerStatistics(db.db)).toEqual({ sampledValuesDropped: 0 })
    expect(await rows('sqlite_stat1')).toBeGreaterThan(0)
  })
})
