import type { Selectable } from 'kysely'

// The thread of a request between the Court and the addressee. Ids are text UUIDs, timestamps
// ISO-8601 UTC text.
export interface RequestMessageTable {
  id: string
  request_id: string
  author_user_id: string
  /** The actor label (user:<e-mail>), as in request_events and the audit trail. */
  author: string
  author_org: string
  body: string
  created_at: string
}
export type RequestMessageRow = Selectable<RequestMessageTable>
