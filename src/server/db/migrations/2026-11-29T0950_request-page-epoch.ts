import type { Kysely } from 'kysely'
import { addEpochTriggers, addresseeOfRequestRow, dropEpochTriggers } from './2026-11-29T0940_request-counts-epoch.ts'

// A request's page (GET /requests/{id}) shows its timeline and the history of its deadlines
// besides the request itself, its persons and who may see it. The server keeps the page it
// answered while the request counts epoch of its addressee stays the same
// (requests/requests.kept.ts): changes to these two tables move it too, whoever writes them.

export const REQUEST_PAGE_TABLES = ['request_events', 'deadline_changes'] as const

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of REQUEST_PAGE_TABLES) await addEpochTriggers(db, table, addresseeOfRequestRow)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of REQUEST_PAGE_TABLES) await dropEpochTriggers(db, table)
}
