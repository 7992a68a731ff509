import type { Db } from '../db/database.ts'
import { toJson } from '../db/values.ts'

export type AuditInput = {
  occurredAt: string
  actor: string
  action: string
  recordType?: string | null
  recordId?: string | null
  details?: unknown
  requestId?: string | null
}

export async function insertAuditEvent(db: Db, event: AuditInput): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      occurred_at: event.occurredAt,
      actor: event.actor,
      action: event.action,
      record_type: event.recordType ?? null,
      record_id: event.recordId ?? null,
      details: event.details === undefined ? null : toJson(event.details),
      request_id: event.requestId ?? null,
    })
    .execute()
}

export function listAuditEventsForRecord(db: Db, recordType: string, recordId: string) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute()
}
