import type { Kysely } from 'kysely'
import { addEpochTriggers, addresseeOfRequestRow, dropEpochTriggers } from './2026-11-29T0940_request-counts-epoch.ts'

// A page of a full-text search reads the search documents of requests (migration 0710): the
// request's own fields and the texts of its messages. The server keeps the pages it answered
// while the request counts epoch stays the same (requests/requests.kept.ts): a change to a
// document moves it too, whoever writes. Both full-text indexes of SQLite are written with the
// document, in its transaction (requests.search-index.ts; by trigger for request_search_fts).

export const REQUEST_SEARCH_TABLES = ['request_search'] as const

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of REQUEST_SEARCH_TABLES) await addEpochTriggers(db, table, addresseeOfRequestRow)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of REQUEST_SEARCH_TABLES) await dropEpochTriggers(db, table)
}
