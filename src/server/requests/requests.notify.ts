import type { Ctx } from '../context.ts'
import type { Db } from '../db/database.ts'
import { loadUserActor } from '../identity/identity.service.ts'
import { listActiveUserIdsOf, queueNotifications } from '../notifications/notifications.service.ts'
import type { NotificationEvent } from '../notifications/notifications.table.ts'
import { standsIn } from './requests.lifecycle.ts'
import { subjectOf } from './requests.page.ts'
import * as repo from './requests.repository.ts'

// Who is told, by e-mail, of what happens on a request: the other side of the request from the
// one who acted. A step, a message or a deadline change by the Court tells the addressee's focal
// point and the officers it delegated the request to, once the request has been transmitted (the
// addressee knows nothing of it before); a step or a message by the addressee tells the Court
// staff who drafted and approved it. Each person told must still see the request through the
// visibility rule, checked here in the change's transaction and again when the mail leaves
// (notifications.sender.ts), and the person who acted is never told of their own act.

const ADDRESSEE_ROLES = ['focal-point', 'officer'] as const
const AS_A_READER = { via: 'session', sessionId: null, scopes: ['read'] } as const

/** Queues, in `trx`, the notifications of `event` on the request, read as the change left it. */
export async function tellTheOtherSide(ctx: Ctx, trx: Db, requestId: string, event: NotificationEvent): Promise<void> {
  const actor = ctx.actor
  if (!ctx.notifyByMail || actor.kind !== 'user') return
  const row = await repo.findVisibleRequest(trx, actor, requestId)
  if (!row) return
  const byAddressee = actor.orgCode === row.addressee
  if (!byAddressee && row.transmitted_at === null) return
  const candidates = byAddressee
    ? [row.drafted_by, row.approved_by].filter((id): id is string => id !== null)
    : (await listActiveUserIdsOf(trx, row.addressee, ADDRESSEE_ROLES)).map((u) => u.id)
  const userIds: string[] = []
  for (const userId of new Set(candidates)) {
    if (userId === actor.userId) continue
    const who = await loadUserActor(trx, userId, AS_A_READER)
    const seen = who && (await repo.findVisibleRequest(trx, who, row.id))
    if (!who || !seen) continue
    // A State officer is told only of what the focal point delegated to them.
    if (!byAddressee && !standsIn(who, 'addressee', await subjectOf(trx, who, seen))) continue
    userIds.push(userId)
  }
  await queueNotifications(ctx, trx, { requestId: row.id, event, userIds })
}
