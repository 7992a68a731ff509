import { type Kysely, sql } from 'kysely'

// A request's addressee is a column of the request, set at drafting; the addressee learns of the
// request when it is transmitted. Until now transmission also wrote an `addressee` row in
// record_recipients, and the visibility rule probed that table once for every request a State
// counts or lists: at 1,000,000 requests a State's counts took 30–40 ms of SQL, 95 % of it in
// those probes. The rule now reads the request's own columns (addressee, transmitted_at), so the
// rows go: one fact, kept in one place. Named recipients stay in record_recipients.
//
// The probes left (named organisations and users) are led by the actor: a State's or an organ's
// rows sit together in record_recipients_by_org, so probing them for each of a State's requests
// stays within a few pages (2.2 µs a probe instead of 6 µs through record_recipients_lookup,
// which this replaces). Users are named rarely: their index holds only their rows.
//
// requests_addressee_counts carries transmitted_at, which the rule now reads, so a State's counts
// still read the index alone.

const REQUEST = 'request'

const COUNTS_COLUMNS = [
  'addressee',
  'status',
  'classification',
  'compartment_code',
  'ex_parte_party',
  'acknowledgement_deadline',
  'response_deadline',
  'id',
] as const

export async function up(db: Kysely<any>): Promise<void> {
  // Who knew a request must not change here. The application writes the addressee row and
  // transmitted_at in the same step, so they agree; should a database hold a row without the date,
  // the date is taken from the request's `transmit` event (else its last change, the latest the
  // transmission can have been) rather than the State losing sight of its request.
  const addresseeRow = db
    .selectFrom('record_recipients as rr')
    .select('rr.record_id')
    .where('rr.record_type', '=', REQUEST)
    .where('rr.kind', '=', 'addressee')
  await db
    .updateTable('requests')
    .set((eb) => ({
      transmitted_at: eb.fn.coalesce(
        eb
          .selectFrom('request_events as e')
          .select((e) => e.fn.min('e.occurred_at').as('at'))
          .whereRef('e.request_id', '=', 'requests.id')
          .where('e.action', '=', 'transmit'),
        eb.ref('requests.updated_at'),
      ),
    }))
    .where('transmitted_at', 'is', null)
    .where('id', 'in', addresseeRow)
    .execute()
  await db.deleteFrom('record_recipients').where('record_type', '=', REQUEST).where('kind', '=', 'addressee').execute()
  await db.schema.dropIndex('record_recipients_lookup').execute()
  await db.schema
    .createIndex('record_recipients_by_org')
    .on('record_recipients')
    .columns(['record_type', 'org_code', 'record_id', 'kind'])
    .execute()
  await db.schema
    .createIndex('record_recipients_by_user')
    .on('record_recipients')
    .columns(['record_type', 'user_id', 'record_id', 'kind'])
    .where(sql.ref('user_id'), 'is not', null)
    .execute()
  await db.schema.dropIndex('requests_addressee_counts').execute()
  await db.schema
    .createIndex('requests_addressee_counts')
    .on('requests')
    .columns([...COUNTS_COLUMNS.slice(0, -1), 'transmitted_at', 'id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('requests_addressee_counts').execute()
  await db.schema
    .createIndex('requests_addressee_counts')
    .on('requests')
    .columns([...COUNTS_COLUMNS])
    .execute()
  await db.schema.dropIndex('record_recipients_by_user').execute()
  await db.schema.dropIndex('record_recipients_by_org').execute()
  await db.schema
    .createIndex('record_recipients_lookup')
    .on('record_recipients')
    .columns(['record_type', 'record_id', 'kind', 'org_code', 'user_id'])
    .execute()
  await db
    .insertInto('record_recipients')
    .columns(['record_type', 'record_id', 'kind', 'org_code', 'user_id'])
    .expression(
      db
        .selectFrom('requests')
        .select([
          sql.lit(REQUEST).as('record_type'),
          'id',
          sql.lit('addressee').as('kind'),
          'addressee',
          sql.lit(null).as('user_id'),
        ])
        .where('transmitted_at', 'is not', null),
    )
    .execute()
}
