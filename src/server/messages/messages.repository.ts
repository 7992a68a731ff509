import type { Db } from '../db/database.ts'
import type { RequestMessageTable } from './messages.table.ts'

// Messages are read only after the requests service said the caller may see the request.

export async function insertMessage(db: Db, row: RequestMessageTable) {
  await db.insertInto('request_messages').values(row).execute()
}

export function listRequestMessages(db: Db, requestId: string) {
  return db
    .selectFrom('request_messages')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy(['created_at', 'id'])
    .execute()
}
