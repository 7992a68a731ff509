import type { Kysely } from 'kysely'

// The catalogue's summaries in French (the project's own translation of its own English words,
// reference-data/rome-statute-part9.json `summary_fr`): a French user reads the summary of the
// type they draft in French, as its label already is.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('request_types').addColumn('summary_fr', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('request_types').dropColumn('summary_fr').execute()
}
