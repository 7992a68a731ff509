import { sql } from 'kysely'
import type { Db } from './database.ts'
import { isSqlite } from './dialect.ts'

// SQLite plans queries from the statistics ANALYZE stores. Its sqlite_stat1 table (rows per
// index key) is what our plans need. Our SQLite build also keeps sqlite_stat4 (sampled key
// values), and with those present SQLite re-plans a statement on every execution whose bound
// parameters could change the plan — every query of a protected record, since the visibility
// rule binds the caller's organisation. Measured on the bench dataset: reading one request
// through the visibility rule took 234 µs with sqlite_stat4 and 26 µs without, and no list,
// count or search query of the bench got a slower plan without them (bench/explain.ts at 200,000
// requests). PostgreSQL's autovacuum keeps its own statistics: nothing to do there.

/** Brings SQLite's planner statistics up to date, without sqlite_stat4. Run at boot. */
export async function refreshPlannerStatistics(db: Db): Promise<{ sampledValuesDropped: number }> {
  if (!isSqlite(db)) return { sampledValuesDropped: 0 }
  // ANALYZE only the tables whose statistics are missing or stale, each bounded to a sample.
  await sql`pragma optimize = 0x10002`.execute(db)
  const stat4 = await sql<{ n: number }>`select count(*) as n from sqlite_schema where name = 'sqlite_stat4'`.execute(
    db,
  )
  if (Number(stat4.rows[0]?.n ?? 0) === 0) return { sampledValuesDropped: 0 }
  const dropped = await sql`delete from sqlite_stat4`.execute(db)
  const count = Number(dropped.numAffectedRows ?? 0)
  // Makes every connection's planner reload the statistics as they now are.
  if (count > 0) await sql`analyze sqlite_schema`.execute(db)
  return { sampledValuesDropped: count }
}
