import type { Generated, Insertable, Selectable } from 'kysely'

export interface AuditEventTable {
  id: Generated<number>
  occurred_at: string
  /** Who acted: `cli:<os user>`, `system:reference-loader`, later a user id. */
  actor: string
  action: string
  record_type: string | null
  record_id: string | null
  details: unknown
  request_id: string | null
}
export type AuditEventRow = Selectable<AuditEventTable>
export type NewAuditEventRow = Insertable<AuditEventTable>
