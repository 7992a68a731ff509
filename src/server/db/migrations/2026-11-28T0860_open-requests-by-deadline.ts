import { type Kysely, sql } from 'kysely'
import { isSqlite } from '../dialect.ts'

// SQLite: a State's open requests in deadline order, with the columns the visibility rule and
// the status filter read. A State's list of open requests by deadline (its inbox; the Court's
// view of what a State has to answer) walks this index and rejects what the caller may not see
// or did not ask for without reading the wide request rows; closed requests are not in it at all.
// Measured on the bench's list at 1,000,000 requests (bare SQL route, 10 connections): 408 →
// 766 requests a second. requests.repository.ts adds this index's own condition, word for word,
// to the queries it serves (SQLite uses a partial index only when the query repeats it), and
// names the index (INDEXED BY): sampled statistics do not show the planner that it holds fewer of
// a State's rows than requests_addressee_deadline, and no other query can use it.
// PostgreSQL plans the list from requests_addressee_status.

/** The statuses the index holds, frozen with it. */
export const INDEXED_OPEN_STATUSES: readonly string[] = [
  'draft',
  'approved',
  'transmitted',
  'acknowledged',
  'in_execution',
  'consultation',
  'postponed',
]
/** The index's condition's list, as written in its definition. */
export const OPEN_STATUSES_LITERAL = INDEXED_OPEN_STATUSES.map((s) => `'${s}'`).join(', ')

export async function up(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return
  await sql
    .raw(`create index requests_open_addressee_deadline on requests
      (addressee, (coalesce(response_deadline, '9999-12-31T23:59:59.999Z')), id,
       status, classification, compartment_code, ex_parte_party)
      where status in (${OPEN_STATUSES_LITERAL})`)
    .execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return
  await sql`drop index requests_open_addressee_deadline`.execute(db)
}
