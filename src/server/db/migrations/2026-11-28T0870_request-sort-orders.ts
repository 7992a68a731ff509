import { type Kysely, sql } from 'kysely'

// The Court's list of every request it may see, sorted by deadline or by creation, had no index
// in that order: the database sorted every visible request to return one page. At 1,000,000
// requests a Court officer's first page took 5.3–6.0 s on SQLite (`node bench/explain.ts`); by
// update date or by reference, which had their index, 4–7 ms.
//
// requests_deadline_order is on the list's own deadline sort key (requests.repository.ts
// sortExpression: a request without a response deadline, a draft, sorts after every dated one),
// written with the same literal so both planners recognise it. requests_deadline stays: the
// deadline range filters compare the column itself.

const NO_DEADLINE_LITERAL = '9999-12-31T23:59:59.999Z'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index requests_deadline_order on requests
    ((coalesce(response_deadline, ${sql.lit(NO_DEADLINE_LITERAL)})), id)`.execute(db)
  await db.schema.createIndex('requests_created').on('requests').columns(['created_at', 'id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('requests_created').execute()
  await db.schema.dropIndex('requests_deadline_order').execute()
}
