import type { Selectable } from 'kysely'

/** What a notification tells of, in general terms (the mail never carries the request's text). */
export type NotificationEvent = 'transmitted' | 'delegated' | 'step' | 'message' | 'deadline' | 'due_soon' | 'overdue'

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
