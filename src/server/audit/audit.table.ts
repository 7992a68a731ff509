import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

// Ids are integers (pg's int8 parser returns numbers), timestamps ISO-8601 UTC text on both
// dialects, details JSON text (SQLite) or jsonb read back as text (PostgreSQL).

export interface AuditEventTable {
  id: Generated<number>
  occurred_at: string
  /** Who acted: `cli:<os user>`, `system:reference-loader`, later a user id. */
  actor: string
  /** The acting user's organisation (a State's authority, an ICC organ), when there is one. */
  actor_org: string | null
  action: string
  record_type: string | null
  record_id: string | null
  /** Classification of the record acted on (need-to-know reads use it); null = not classified. */
  classification: string | null
  details: unknown
  request_id: string | null
  /** Hash of the previous entry of the chain (64 zeros for the first). See docs/audit.md. */
  prev_hash: string | null
  /** SHA-256(prev_hash ‖ canonical JSON of this entry), lowercase hex. */
  hash: string | null
}
export type AuditEventRow = Selectable<AuditEventTable>
export type NewAuditEventRow = Insertable<AuditEventTable>

/** One row (id = 1): the end of the chain, locked by every writer so the chain cannot fork. */
export interface AuditChainHeadTable {
  id: number
  last_event_id: number
  last_hash: string
  event_count: number
  /** The last entry of the read journal chained (audit.writer.ts); 0 before any. */
  journal_folded_seq: ColumnType<number, number | undefined, number>
  /** Named in the first line of the read journal, which belongs to this database alone. */
  journal_database_id: ColumnType<string, string | undefined, string>
}
export type AuditChainHeadRow = Selectable<AuditChainHeadTable>

/** A signed statement that the chain had `event_count` entries ending at `last_event_id`/`last_hash`. */
export interface AuditCheckpointTable {
  id: Generated<number>
  last_event_id: number
  last_hash: string
  event_count: number
  created_at: string
  /** Ed25519 signature (base64, 64 bytes) of the canonical statement (audit.signing.ts). */
  signature: string
  /** Raw 32-byte Ed25519 public key, base64, and its short id (first 16 hex of its SHA-256). */
  public_key: string
  key_id: string
  created_by: string
  reason: string | null
}
export type AuditCheckpointRow = Selectable<AuditCheckpointTable>
export type NewAuditCheckpointRow = Insertable<AuditCheckpointTable>
