import type { Db } from '../db/database.ts'
import type { OrganisationKind } from '../identity/identity.table.ts'
import type { NotificationEvent, NotificationMode, NotificationRow } from './notifications.table.ts'

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

/** Active users of organisations of `kinds` (States and international organisations; Court organs…) holding one of `roles`. */
export function listActiveUserIdsOfKinds(db: Db, kinds: readonly OrganisationKind[], roles: readonly string[]) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.code', 'users.org_code')
    .select('users.id')
    .where('organisations.kind', 'in', [...kinds])
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
    /** When it may leave: now, or the next summary's time for one who asked for a summary a day. */
    dueAt: string
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
        next_attempt_at: r.dueAt,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'request_id', 'event', 'about']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0)
}

/** How each of `userIds` wants to be told; someone without a preference is told of each event. */
export async function getNotificationModes(db: Db, userIds: readonly string[]): Promise<Map<string, NotificationMode>> {
  const modes = new Map<string, NotificationMode>(userIds.map((id) => [id, 'each']))
  if (userIds.length === 0) return modes
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['user_id', 'mode'])
    .where('user_id', 'in', [...userIds])
    .execute()
  for (const row of rows) modes.set(row.user_id, row.mode)
  return modes
}

export async function setNotificationMode(db: Db, userId: string, mode: NotificationMode, nowIso: string) {
  await db
    .insertInto('notification_preferences')
    .values({ user_id: userId, mode, updated_at: nowIso })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ mode, updated_at: nowIso }))
    .execute()
}

/**
 * Moves the notifications of `userId` that are waiting for their first attempt to `dueAt` (a
 * change of preference). One already tried keeps its time: it may be leased to a sender right now.
 */
export async function rescheduleWaiting(db: Db, userId: string, dueAt: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ next_attempt_at: dueAt })
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .where('attempts', '=', 0)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/**
 * Pending notifications due at `nowIso`: everyone's, the longest due first; or, with `userId`, that
 * person's in the order they were queued (a summary's content).
 */
export function listDueNotifications(
  db: Db,
  nowIso: string,
  limit: number,
  userId?: string,
): Promise<NotificationRow[]> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', nowIso)
    .$if(userId !== undefined, (q) => q.where('user_id', '=', userId ?? '').orderBy('created_at'))
    .$if(userId === undefined, (q) => q.orderBy('next_attempt_at'))
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
