import { randomUUID } from 'node:crypto'
import type { Ctx } from '../context.ts'
import type { Db } from '../db/database.ts'
import * as repo from './notifications.repository.ts'
import type { NotificationEvent } from './notifications.table.ts'

// Notifications by e-mail: queued in the transaction of the change they tell of (an outbox), sent
// afterwards by notifications.sender.ts. Who is told is the feature's own decision (requests:
// requests.notify.ts); this only queues, and only when the server sends mail at all.

export { listActiveAddresseeUserIds, listActiveUserIdsOf } from './notifications.repository.ts'

/**
 * Queues one notification of `event` on `requestId` for each of `userIds`, in `trx`; with `about`
 * (a notice of the clock: the deadline it is about), only for those not told of it already.
 * Returns how many were queued.
 */
export async function queueNotifications(
  ctx: Ctx,
  trx: Db,
  input: { requestId: string; event: NotificationEvent; userIds: readonly string[]; about?: string },
): Promise<number> {
  if (!ctx.notifyByMail) return 0
  const nowIso = ctx.now().toISOString()
  return repo.insertNotifications(
    trx,
    [...new Set(input.userIds)].map((userId) => ({
      id: randomUUID(),
      userId,
      requestId: input.requestId,
      event: input.event,
      about: input.about,
      nowIso,
    })),
  )
}
