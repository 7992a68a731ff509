import type { Selectable } from 'kysely'

/** What a notification tells of, in general terms (the mail never carries the request's text). */
export type NotificationEvent =
  | 'transmitted'
  | 'delegated'
  | 'step'
  | 'message'
  | 'deadline'
  | 'due_soon'
  | 'overdue'
  /** To the addressee: a request still not acknowledged once its acknowledgement deadline passed. */
  | 'acknowledgement_overdue'
  /** To the Registry: a request approved, which it is to transmit. */
  | 'awaiting_transmission'
  /** To the Court: the addressee let a response deadline pass. */
  | 'addressee_overdue'

export type NotificationStatus = 'pending' | 'sent' | 'failed' | 'dropped'

export interface NotificationTable {
  id: string
  user_id: string
  request_id: string
  event: NotificationEvent
  about: string | null
  created_at: string
  status: NotificationStatus
  attempts: number
  next_attempt_at: string
  sent_at: string | null
  last_error: string | null
}
export type NotificationRow = Selectable<NotificationTable>

/** How a person is told by e-mail: of each event as it happens, in one summary a day, or not at all. */
export type NotificationMode = 'each' | 'daily' | 'none'
export const NOTIFICATION_MODES = ['each', 'daily', 'none'] as const satisfies readonly NotificationMode[]

export interface NotificationPreferenceTable {
  user_id: string
  mode: NotificationMode
  updated_at: string
}
