import type { Kysely } from 'kysely'

// The Court's workload view counts each organ's requests by status (`originator=…`). The count
// went through requests_originator (originator, status) and read every request row of the organ
// for the columns the visibility rule reads: at 1,000,000 requests, 1.3–2.3 s a count, five counts
// a page. requests_originator_counts holds those columns too, as requests_addressee_counts does
// for a State's counts, so the count reads the index alone. It replaces requests_originator, whose
// columns are its first two.

const COUNTS_COLUMNS = [
  'originator',
  'status',
  'classification',
  'compartment_code',
  'ex_parte_party',
  'addressee',
  'acknowledgement_deadline',
  'response_deadline',
  'transmitted_at',
  'id',
] as const

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('requests_originator_counts')
    .on('requests')
    .columns([...COUNTS_COLUMNS])
    .execute()
  await db.schema.dropIndex('requests_originator').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('requests_originator').on('requests').columns(['originator', 'status']).execute()
  await db.schema.dropIndex('requests_originator_counts').execute()
}
