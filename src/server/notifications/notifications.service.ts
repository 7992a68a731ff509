import { randomUUID } from 'node:crypto'
import type { Ctx } from '../context.ts'
import type { Db } from '../db/database.ts'
import * as repo from './notifications.repository.ts'
import type { NotificationEvent } from './notifications.table.ts'

// Notifications by e-mail: queued in the transaction of the change they tell of (an outbox), sent
// afterwards by notifications.sender.ts. Who is told is the feature's own decision (requests:
// requests.notify.ts); this only queues, and only when the server sends mail at all.

export { listActiveUserIdsOf } from './notifications.repository.ts'

/** Queues one notification of `event` on `requestId` for each of `userIds`, in `trx`. */
export async function queueNotifications(
  ctx: Ctx,
  trx: Db,
  input: { requestId: string; event: NotificationEvent; userIds: readonly string[] },
): Promise<void> {
  if (!ctx.notifyByMail) return
  const nowIso = ctx.now().toISOString()
  await repo.insertNotifications(
    trx,
    [...new Set(input.userIds)].map((userId) => ({
      id: randomUUID(),
      userId,
      requestId: input.requestId,
      event: input.event,
      nowIso,
    })),
  )
}
