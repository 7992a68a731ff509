import { randomUUID } from 'node:crypto'
import { recordAuditEvent } from '../audit/audit.service.ts'
import type { Ctx } from '../context.ts'
import type { Db } from '../db/database.ts'
import { AppError } from '../errors.ts'
import * as repo from './notifications.repository.ts'
import type { NotificationEvent, NotificationMode } from './notifications.table.ts'

// Notifications by e-mail: queued in the transaction of the change they tell of (an outbox), sent
// afterwards by notifications.sender.ts. Who is told is the feature's own decision (requests:
// requests.notify.ts); this only queues, and only when the server sends mail at all, and as each
// person asked: of each event at once, in one summary a day, or not at all.

export { listActiveUserIdsOf, listActiveUserIdsOfKinds } from './notifications.repository.ts'

/** The hour (UTC) of the summary a day: 06:00 UTC is 07:00 or 08:00 in The Hague, before work. */
export const SUMMARY_HOUR_UTC = 6

/** The first summary time strictly after `now`. */
export function nextSummaryAt(now: Date): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), SUMMARY_HOUR_UTC))
  if (at.getTime() <= now.getTime()) at.setUTCDate(at.getUTCDate() + 1)
  return at
}

/** When a notification queued at `now` for someone told in `mode` may leave. */
function dueAtFor(mode: NotificationMode, now: Date): string {
  return (mode === 'daily' ? nextSummaryAt(now) : now).toISOString()
}

/**
 * Queues one notification of `event` on `requestId` for each of `userIds` who wants mail, in
 * `trx`; with `about` (a notice of the clock: the deadline it is about), only for those not told of
 * it already. Returns how many were queued.
 */
export async function queueNotifications(
  ctx: Ctx,
  trx: Db,
  input: { requestId: string; event: NotificationEvent; userIds: readonly string[]; about?: string },
): Promise<number> {
  if (!ctx.notifyByMail) return 0
  const now = ctx.now()
  const nowIso = now.toISOString()
  const modes = await repo.getNotificationModes(trx, [...new Set(input.userIds)])
  return repo.insertNotifications(
    trx,
    [...modes].flatMap(([userId, mode]) =>
      mode === 'none'
        ? []
        : [
            {
              id: randomUUID(),
              userId,
              requestId: input.requestId,
              event: input.event,
              about: input.about,
              nowIso,
              dueAt: dueAtFor(mode, now),
            },
          ],
    ),
  )
}

export type NotificationPreference = { mode: NotificationMode; summaryHourUtc: number }

function signedInUserId(ctx: Ctx): string {
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in first')
  return ctx.actor.userId
}

/** How the signed-in user is told by e-mail. */
export async function getNotificationPreference(ctx: Ctx): Promise<NotificationPreference> {
  const userId = signedInUserId(ctx)
  const mode = (await repo.getNotificationModes(ctx.db, [userId])).get(userId) ?? 'each'
  return { mode, summaryHourUtc: SUMMARY_HOUR_UTC }
}

/**
 * Sets how the signed-in user is told, in one transaction with its audit entry. What is already
 * queued for them and not yet tried follows the new choice: it leaves now (each event, or none:
 * the sender then drops it) or with the next summary.
 */
export async function setNotificationPreference(ctx: Ctx, mode: NotificationMode): Promise<NotificationPreference> {
  const userId = signedInUserId(ctx)
  return ctx.db.transaction().execute(async (trx) => {
    const before = (await repo.getNotificationModes(trx, [userId])).get(userId) ?? 'each'
    if (before !== mode) {
      const now = ctx.now()
      await repo.setNotificationMode(trx, userId, mode, now.toISOString())
      const moved = await repo.rescheduleWaiting(trx, userId, dueAtFor(mode, now))
      await recordAuditEvent(ctx, trx, {
        action: 'account.notifications_changed',
        recordType: 'user',
        recordId: userId,
        details: { from: before, to: mode, waitingRescheduled: moved },
      })
    }
    return { mode, summaryHourUtc: SUMMARY_HOUR_UTC }
  })
}
