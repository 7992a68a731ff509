import type { Db } from '../db/database.ts'
import type { NotificationEvent, NotificationRow } from './notifications.table.ts'

// The outbox of notifications (migration 1100) and the users it may go to.

/** Active users of `orgCode` holding one of `roles`: who on a side may be told. */
export function listActiveUserIdsOf(db: Db, orgCode: string, roles: readonly string[]) {
  return db
    .selectFrom('users')
    .select('id')
    .where('org_code', '=', orgCode)
    .where('role', 'in', [...roles])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute()
}

/** Active users of States and international organisations holding one of `roles`. */
export function listActiveAddresseeUserIds(db: Db, roles: readonly string[]) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.code', 'users.org_code')
    .select('users.id')
    .where('organisations.kind', 'in', ['state', 'io'])
    .where('users.role', 'in', [...roles])
    .where('users.status', '=', 'active')
    .orderBy('users.id')
    .execute()
}

/**
 * Queues `rows`. One whose `about` is set and which was queued already (same person, request,
 * event and about) is left out: the count of rows queued is returned.
 */
export async function insertNotifications(
  db: Db,
  rows: {
    id: string
    userId: string
    requestId: string
    event: NotificationEvent
    about?: string | undefined
    nowIso: string
  }[],
): Promise<number> {
  if (rows.length === 0) return 0
  const result = await db
    .insertInto('notifications')
    .values(
      rows.map((r) => ({
        id: r.id,
        user_id: r.userId,
        request_id: r.requestId,
        event: r.event,
        about: r.about ?? null,
        created_at: r.nowIso,
        status: 'pending' as const,
        attempts: 0,
        next_attempt_at: r.nowIso,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'request_id', 'event', 'about']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0)
}

/** Pending notifications due at `nowIso`, oldest first. */
export function listDueNotifications(db: Db, nowIso: string, limit: number): Promise<NotificationRow[]> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', nowIso)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute()
}

/**
 * Takes `row` for one attempt until `leaseUntil`, if no other sender took it since it was read
 * (same attempts, still pending): a sender that stops mid-attempt leaves it due again then.
 */
export async function claimNotification(db: Db, row: NotificationRow, leaseUntil: string): Promise<boolean> {
  const result = await db
    .updateTable('notifications')
    .set({ attempts: row.attempts + 1, next_attempt_at: leaseUntil })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', row.attempts)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function settleNotification(
  db: Db,
  id: string,
  outcome:
    | { status: 'sent'; nowIso: string }
    | { status: 'failed' | 'dropped'; error: string }
    | { status: 'pending'; error: string; nextAttemptAt: string },
) {
  await db
    .updateTable('notifications')
    .set(
      outcome.status === 'sent'
        ? { status: 'sent', sent_at: outcome.nowIso, last_error: null }
        : outcome.status === 'pending'
          ? { last_error: outcome.error, next_attempt_at: outcome.nextAttemptAt }
          : { status: outcome.status, last_error: outcome.error },
    )
    .where('id', '=', id)
    .execute()
}
