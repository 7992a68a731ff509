import type { Generated, Insertable, Selectable } from 'kysely'

// Ids are text UUIDs, timestamps ISO-8601 UTC text; the encrypted bytes come back as a Buffer
// from both drivers (SQLite blob, PostgreSQL bytea).

export interface DocumentTable {
  id: string
  request_id: string
  /** The message the document is attached to, if any. */
  message_id: string | null
  filename: string
  /** Detected from the content, never taken from the client. */
  media_type: string
  size_bytes: number
  /** SHA-256 of the plaintext, hex. */
  sha256: string
  /** 1, 2, 3… along the `supersedes` chain. */
  version: number
  supersedes: string | null
  is_redacted_public_version: Generated<boolean | number>
  redacts: string | null
  /** null: the request's classification applies; 'public' for a redacted public version. */
  classification: string | null
  uploaded_by: string
  uploaded_by_org: string | null
  created_at: string
}
export type DocumentRow = Selectable<DocumentTable>
export type NewDocumentRow = Insertable<DocumentTable>

export interface DocumentBlobTable {
  document_id: string
  /** Which master key wrapped the document key (for rotation). */
  key_id: string
  /** The per-document AES-256 key, sealed with AES-256-GCM under the master key. */
  wrapped_key: string
  iv: string
  tag: string
  ciphertext: Buffer
}
export type DocumentBlobRow = Selectable<DocumentBlobTable>
