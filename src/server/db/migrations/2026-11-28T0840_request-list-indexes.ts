import { type Kysely, sql } from 'kysely'

// Indexes measured with `npm run bench` (bench/README.md) at 200,000 and 1,000,000 requests.
//
// requests_addressee_deadline: the list by deadline reads a State's requests in deadline order and
// stops at the page's end, instead of sorting every match (0.58 ms instead of 2.4 ms at 200,000,
// and no longer growing with the table). The expression is the list's own sort key
// (requests.repository.ts sortExpression), written with the same literal, so both planners
// recognise it.
//
// requests_addressee_counts and record_recipients_lookup: counting a State's requests through
// the visibility rule reads every one of them; with every column the count and the rule touch in
// the index, it never reads the wide request rows or the recipients' table (which at 1,000,000
// requests are not all in memory).

const NO_DEADLINE_LITERAL = '9999-12-31T23:59:59.999Z'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index requests_addressee_deadline on requests
    (addressee, (coalesce(response_deadline, ${sql.lit(NO_DEADLINE_LITERAL)})), id)`.execute(db)
  await db.schema
    .createIndex('requests_addressee_counts')
    .on('requests')
    .columns([
      'addressee',
      'status',
      'classification',
      'compartment_code',
      'ex_parte_party',
      'acknowledgement_deadline',
      'response_deadline',
      'id',
    ])
    .execute()
  await db.schema
    .createIndex('record_recipients_lookup')
    .on('record_recipients')
    .columns(['record_type', 'record_id', 'kind', 'org_code', 'user_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('record_recipients_lookup').execute()
  await db.schema.dropIndex('requests_addressee_counts').execute()
  await db.schema.dropIndex('requests_addressee_deadline').execute()
}
