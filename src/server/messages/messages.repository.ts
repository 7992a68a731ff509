import type { SelectQueryBuilder } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Database } from '../db/tables.ts'
import type { RequestMessageTable } from './messages.table.ts'

// Messages are read only after the requests service said the caller may see the request.

export async function insertMessage(db: Db, row: RequestMessageTable) {
  await db.insertInto('request_messages').values(row).execute()
}

export async function insertMessages(db: Db, rows: RequestMessageTable[]) {
  if (rows.length > 0) await db.insertInto('request_messages').values(rows).execute()
}

export async function deleteMessagesOfRequests(db: Db, requestIds: SelectQueryBuilder<Database, any, { id: string }>) {
  await db.deleteFrom('request_messages').where('request_id', 'in', requestIds).execute()
}

export function listRequestMessages(db: Db, requestId: string) {
  return db
    .selectFrom('request_messages')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}
