import type { Kysely } from 'kysely'
import { addEpochTriggers, addresseeOfRequestRow, dropEpochTriggers } from './2026-11-29T0940_request-counts-epoch.ts'

// The warrants a request for arrest and surrender, provisional arrest or transit rests on
// (articles 58, 89(1), 89(3)(b)(iii), 91(2)(b), 91(3)(a), 92(2)(c)): which Chamber decision the
// Registry carries out, recorded as a link rather than in the text. A request's page shows them,
// so a change moves the page's epoch as a change of its persons does.

/** The tables whose changes move the epochs (request counts, list pages, request pages). */
export const REQUEST_WARRANT_TABLES = ['request_warrants'] as const

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('request_warrants')
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('warrant_id', 'text', (c) => c.notNull().references('warrants.id'))
    .addPrimaryKeyConstraint('request_warrants_pk', ['request_id', 'warrant_id'])
    .execute()
  // A warrant's requests (GET /requests?warrantId=…) are looked up by warrant.
  await db.schema.createIndex('request_warrants_warrant').on('request_warrants').columns(['warrant_id']).execute()
  for (const table of REQUEST_WARRANT_TABLES) await addEpochTriggers(db, table, addresseeOfRequestRow)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of REQUEST_WARRANT_TABLES) await dropEpochTriggers(db, table)
  await db.schema.dropTable('request_warrants').execute()
}
