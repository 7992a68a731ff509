import type { RootDb } from '../src/server/db/database.ts'

/**
 * The trail's entries about `recordId` whose action is `action` (a LIKE pattern: `%.reclassified`),
 * oldest first, with their details as objects on both databases.
 */
export async function auditEntriesOf(db: RootDb, recordId: string, action: string) {
  const rows = await db
    .selectFrom('audit_events')
    .select(['action', 'details', 'classification'])
    .where('record_id', '=', recordId)
    .where('action', 'like', action)
    .orderBy('id')
    .execute()
  return rows.map((e) => ({ ...e, details: typeof e.details === 'string' ? JSON.parse(e.details) : e.details }))
}
