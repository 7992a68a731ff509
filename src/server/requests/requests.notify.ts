import type { Ctx, UserActor } from '../context.ts'
import type { Db } from '../db/database.ts'
import { loadUserActor } from '../identity/identity.service.ts'
import {
  listActiveUserIdsOf,
  listActiveUserIdsOfKinds,
  queueNotifications,
} from '../notifications/notifications.service.ts'
import type { NotificationEvent } from '../notifications/notifications.table.ts'
import { ACKNOWLEDGEMENT_RUNNING, addDays, RESPONSE_RUNNING } from './requests.deadlines.ts'
import { standsIn } from './requests.lifecycle.ts'
import { subjectOf } from './requests.page.ts'
import * as repo from './requests.repository.ts'
import type { RequestRow } from './requests.table.ts'

// Who is told, by e-mail, of what happens on a request: the other side of the request from the
// one who acted. Before transmission, only the Court: an approval tells the Registry, which
// transmits, and the drafter. A step, a message or a deadline change by the Court tells the
// addressee's focal point and the officers it delegated the request to, once the request has been
// transmitted (the addressee knows nothing of it before); a step or a message by the addressee
// tells the Court staff who drafted and approved it; a delegation tells the officer it names; a
// response deadline near or passed tells the addressee, and once passed the Court. Each person told
// must still see the request through the visibility rule, checked here in the change's
// transaction and again when the mail leaves (notifications.sender.ts), and the person who acted
// is never told of their own act.

const ADDRESSEE_ROLES = ['focal-point', 'officer'] as const
/** The Registry transmits every request (article 87(1)); its officers and approvers may. */
const REGISTRY = 'ICC-REGISTRY'
const COURT_STAFF_ROLES = ['officer', 'approver'] as const
/** Who drafts and approves requests on the Court's side (a Defence request is drafted by counsel). */
const COURT_ROLES = ['officer', 'approver', 'counsel'] as const
const AS_A_READER = { via: 'session', sessionId: null, scopes: ['read'] } as const

/**
 * Of `candidates`, those who may be told of a change on `requestId` by `actor`: not the actor, still
 * active, seeing the request through the visibility rule, and passing `also` when given.
 */
async function thoseWhoSee(
  trx: Db,
  actor: UserActor,
  requestId: string,
  candidates: Iterable<string>,
  also?: (who: UserActor, seen: RequestRow) => Promise<boolean>,
): Promise<string[]> {
  const userIds: string[] = []
  for (const userId of new Set(candidates)) {
    if (userId === actor.userId) continue
    const who = await loadUserActor(trx, userId, AS_A_READER)
    const seen = who && (await repo.findVisibleRequest(trx, who, requestId))
    if (!who || !seen || (also && !(await also(who, seen)))) continue
    userIds.push(userId)
  }
  return userIds
}

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
  // A State officer is told only of what the focal point delegated to them.
  const userIds = await thoseWhoSee(trx, actor, row.id, candidates, async (who, seen) =>
    byAddressee ? true : standsIn(who, 'addressee', await subjectOf(trx, who, seen)),
  )
  await queueNotifications(ctx, trx, { requestId: row.id, event, userIds })
}

/**
 * Queues, in `trx`, the notices of an approval: to the Registry's staff who may transmit the
 * request (article 87(1): the Registry transmits every request) that it awaits them, and to its
 * drafter that it moved on. Court-internal: the addressee knows nothing of it yet.
 */
export async function tellTheRegistry(ctx: Ctx, trx: Db, requestId: string): Promise<void> {
  const actor = ctx.actor
  if (!ctx.notifyByMail || actor.kind !== 'user') return
  const row = await repo.findVisibleRequest(trx, actor, requestId)
  if (!row) return
  const registry = (await listActiveUserIdsOf(trx, REGISTRY, COURT_STAFF_ROLES)).map((u) => u.id)
  const transmitters = await thoseWhoSee(trx, actor, row.id, registry)
  await queueNotifications(ctx, trx, { requestId: row.id, event: 'awaiting_transmission', userIds: transmitters })
  const drafter = await thoseWhoSee(trx, actor, row.id, [row.drafted_by])
  await queueNotifications(ctx, trx, {
    requestId: row.id,
    event: 'step',
    userIds: drafter.filter((id) => !transmitters.includes(id)),
  })
}

/** Queues, in `trx`, the notice to the officer a focal point just delegated the request to. */
export async function tellTheDelegate(ctx: Ctx, trx: Db, requestId: string, officerId: string): Promise<void> {
  if (!ctx.notifyByMail) return
  const officer = await loadUserActor(trx, officerId, AS_A_READER)
  if (officer && (await repo.findVisibleRequest(trx, officer, requestId)))
    await queueNotifications(ctx, trx, { requestId, event: 'delegated', userIds: [officerId] })
}

/** How long before a response deadline the addressee is reminded of it. */
export const DUE_SOON_DAYS = 3
/**
 * How long after a response deadline passed it is still told as overdue: a deadline that passed
 * before the server sent mail (or before this) is on the inbox already, and telling every one at
 * once would bury the ones that matter.
 */
export const OVERDUE_NOTICE_DAYS = 2

/**
 * Queues the notices of the clock: for each focal point and delegated officer of an addressee, each
 * response deadline of theirs that is near (within DUE_SOON_DAYS) or has just passed (within
 * OVERDUE_NOTICE_DAYS), and each acknowledgement deadline just passed on a request not yet
 * acknowledged; for the Court staff who drafted or approved a request, its response
 * deadline just passed without the addressee's answer, so that they chase it. Each deadline is told
 * once per person, however often this runs and in however many processes (the outbox's unique
 * `about`). Each person's requests are read as that person through the visibility rule, as their
 * inbox or list would show them. Run by the sender as the system (`ctx.actor`), never for a
 * caller. Returns how many notices were queued.
 */
export async function queueDeadlineNotices(ctx: Ctx): Promise<number> {
  if (!ctx.notifyByMail) return 0
  const nowIso = ctx.now().toISOString()
  const justPassed = addDays(nowIso, -OVERDUE_NOTICE_DAYS)
  let queued = 0
  const tell = async (userId: string, requestId: string, event: NotificationEvent, about: string) => {
    queued += await queueNotifications(ctx, ctx.db, { requestId, event, userIds: [userId], about })
  }
  for (const { id: userId } of await listActiveUserIdsOfKinds(ctx.db, ['state', 'io'], ADDRESSEE_ROLES)) {
    const who = await loadUserActor(ctx.db, userId, AS_A_READER)
    if (!who) continue
    const filters = {
      addressee: who.orgCode,
      status: RESPONSE_RUNNING,
      deadlineFrom: justPassed,
      deadlineTo: addDays(nowIso, DUE_SOON_DAYS),
    }
    const rows = await repo.visibleRequestsQuery(ctx.db, who, filters, nowIso).selectAll('requests').execute()
    for (const row of rows) {
      const deadline = row.response_deadline
      if (deadline === null || !standsIn(who, 'addressee', await subjectOf(ctx.db, who, row))) continue
      await tell(userId, row.id, deadline < nowIso ? 'overdue' : 'due_soon', `response:${deadline}`)
    }
    // Not yet acknowledged, its acknowledgement deadline just passed. Only once passed: it is a
    // few days from transmission, which the addressee was told of already.
    const unacknowledged = await repo
      .visibleRequestsQuery(ctx.db, who, { addressee: who.orgCode, status: ACKNOWLEDGEMENT_RUNNING }, nowIso)
      .where('requests.acknowledgement_deadline', '>=', justPassed)
      .where('requests.acknowledgement_deadline', '<', nowIso)
      .selectAll('requests')
      .execute()
    for (const row of unacknowledged) {
      const deadline = row.acknowledgement_deadline
      if (deadline === null || !standsIn(who, 'addressee', await subjectOf(ctx.db, who, row))) continue
      await tell(userId, row.id, 'acknowledgement_overdue', `acknowledgement:${deadline}`)
    }
  }
  for (const { id: userId } of await listActiveUserIdsOfKinds(ctx.db, ['court_organ', 'defence'], COURT_ROLES)) {
    const who = await loadUserActor(ctx.db, userId, AS_A_READER)
    if (!who) continue
    const filters = { status: RESPONSE_RUNNING, deadlineFrom: justPassed, deadlineTo: nowIso }
    const rows = await repo
      .visibleRequestsQuery(ctx.db, who, filters, nowIso)
      .where((eb) => eb.or([eb('requests.drafted_by', '=', userId), eb('requests.approved_by', '=', userId)]))
      .selectAll('requests')
      .execute()
    for (const row of rows)
      if (row.response_deadline !== null && row.response_deadline < nowIso)
        await tell(userId, row.id, 'addressee_overdue', `response:${row.response_deadline}`)
  }
  return queued
}
