import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export interface RequestTable {
  id: string
  /** e.g. ICC-OTP-2026-000123: originating organ, year, counter (reference_counters). */
  reference: string
  originator: string
  /** ICC-REGISTRY for a Defence request; null when the originator deals directly. */
  routed_through: string | null
  addressee: string
  request_type: string
  legal_basis: string | null
  situation_id: string | null
  case_id: string | null
  classification: string
  compartment_code: string | null
  ex_parte_party: string | null
  urgency: 'normal' | 'urgent'
  language: string
  channel: string
  response_deadline: string | null
  acknowledgement_deadline: string | null
  summary: string
  facts: string | null
  assistance_sought: string | null
  checklist: unknown
  status: string
  status_detail: unknown
  group_id: string | null
  drafted_by: string
  approved_by: string | null
  transmitted_at: string | null
  acknowledged_at: string | null
  closed_at: string | null
  is_demo: Generated<boolean | number>
  created_at: string
  updated_at: string
}
export type RequestRow = Selectable<RequestTable>
export type NewRequestRow = Insertable<RequestTable>
/**
 * What may change on a request. Never its id, nor its addressee: from transmission on, the
 * addressee column is who may see the request (requests.repository.ts, visibleTo), so moving it
 * would hand the request to another State. A request for another addressee is a new request.
 */
export type RequestUpdate = Omit<Updateable<RequestTable>, 'id' | 'addressee'>

export interface RequestPersonTable {
  request_id: string
  person_id: string
}

export interface RequestWarrantTable {
  request_id: string
  warrant_id: string
}

export interface RequestEventTable {
  id: string
  request_id: string
  seq: number
  occurred_at: string
  actor: string
  actor_org: string | null
  action: string
  from_status: string | null
  to_status: string | null
  note: string | null
  payload: unknown
}
export type RequestEventRow = Selectable<RequestEventTable>
export type NewRequestEventRow = Insertable<RequestEventTable>

export interface RequestReceiptTable {
  id: string
  request_id: string
  event_id: string
  kind: 'transmission' | 'acknowledgement'
  statement: string
  signature: string
  key_id: string
  issued_at: string
}
export type RequestReceiptRow = Selectable<RequestReceiptTable>

export interface DeadlineChangeTable {
  id: string
  request_id: string
  deadline: 'response' | 'acknowledgement'
  from_value: string | null
  to_value: string
  reason: string
  changed_by: string
  changed_at: string
}
export type DeadlineChangeRow = Selectable<DeadlineChangeTable>

export interface ReferenceCounterTable {
  organ_code: string
  year: number
  last_value: number
}

/**
 * The full-text search documents of requests (requests.search.ts): one row per request and
 * source ('request' for its own fields; other features add theirs, e.g. 'message:<id>').
 * SQLite indexes it with an FTS5 table kept in step by triggers; PostgreSQL with a generated
 * tsvector column (not listed here: never read or written by the application).
 */
export interface RequestSearchTable {
  request_id: string
  source: string
  reference: string
  summary: string
  body: string
}

/** A user's named set of list filters (the list's query string, validated, as JSON text). */
export interface SavedViewTable {
  id: string
  user_id: string
  name: string
  filters: string
  created_at: string
}
export type SavedViewRow = Selectable<SavedViewTable>

/**
 * Moves with every change to requests, record_recipients, record_delegations, request_persons
 * (migration 0940): one row per addressee, for changes to its requests, and '*' for all.
 */
export interface RequestCountsEpochTable {
  scope: string
  value: number
}
