import { recordAuditEvent, recordAuditedRead } from '../audit/audit.service.ts'
import type { Ctx, UserActor } from '../context.ts'
import type { Db } from '../db/database.ts'
import { AppError } from '../errors.ts'
import { listActiveUserCards, listUserCards } from '../identity/identity.service.ts'
import * as delegationsRepo from './requests.delegations.repository.ts'
import type { DelegateBody, DelegationList } from './requests.delegations.schemas.ts'
import { FINAL_STATUSES, type RequestStatus } from './requests.lifecycle.ts'
import { tellTheDelegate } from './requests.notify.ts'
import * as repo from './requests.repository.ts'
import type { RequestRow } from './requests.table.ts'

// A State's focal point (national focal point / central authority) hands a request it received to
// one of its own State's officers, the competent authority that will execute it. A State officer
// sees a confidential or under-seal request only when it is delegated to them (access/
// visibility.ts, record_delegations), and then takes the addressee's steps (requests.lifecycle.ts).
// Only the addressee's focal point delegates and revokes, only to active officers of its own
// State, and only while the request is open: a closed request has nothing left to execute, so it is
// not handed to anyone new (revoking stays possible, to take access away afterwards). Every change
// is audited in its transaction. The Court does not see the State's internal
// distribution of work: the list is for the addressee State's users only.

const OFFICER = 'officer'

function isAddresseeFocalPoint(actor: Ctx['actor'], row: RequestRow): actor is UserActor {
  return (
    actor.kind === 'user' &&
    actor.orgKind === 'state' &&
    actor.role === 'focal-point' &&
    actor.orgCode === row.addressee
  )
}

const isClosed = (row: RequestRow) => FINAL_STATUSES.includes(row.status as RequestStatus)

function isOfAddresseeState(actor: Ctx['actor'], row: RequestRow): actor is UserActor {
  return actor.kind === 'user' && actor.orgKind === 'state' && actor.orgCode === row.addressee
}

/** The request as the caller may know it, or RECORD_NOT_FOUND (invisible and missing alike). */
async function visibleRequest(ctx: Ctx, db: Db, requestId: string) {
  const row = await repo.findVisibleRequest(db, ctx.actor, requestId)
  if (!row) throw new AppError('RECORD_NOT_FOUND', `No request ${requestId}`)
  return row
}

function assertFocalPoint(ctx: Ctx, row: RequestRow): UserActor {
  if (!isAddresseeFocalPoint(ctx.actor, row))
    throw new AppError('FORBIDDEN', "Only the requested State's focal point delegates its requests")
  return ctx.actor
}

async function delegationList(ctx: Ctx, db: Db, row: RequestRow): Promise<DelegationList> {
  const rows = await delegationsRepo.listDelegations(db, row.id)
  const cards = new Map(
    (
      await listUserCards(
        db,
        rows.flatMap((r) => [r.user_id, r.delegated_by]),
      )
    ).map((u) => [u.id, u]),
  )
  const mayRevoke = isAddresseeFocalPoint(ctx.actor, row)
  const mayDelegate = mayRevoke && !isClosed(row)
  const delegated = new Set(rows.map((r) => r.user_id))
  const officers = mayDelegate ? await listActiveUserCards(db, row.addressee, OFFICER) : []
  return {
    items: rows.map((r) => ({
      userId: r.user_id,
      name: cards.get(r.user_id)?.name ?? r.user_id,
      email: cards.get(r.user_id)?.email ?? '',
      delegatedBy: cards.get(r.delegated_by)?.name ?? r.delegated_by,
      delegatedAt: r.delegated_at,
    })),
    mayDelegate,
    mayRevoke,
    delegableOfficers: officers
      .filter((o) => !delegated.has(o.id))
      .map((o) => ({ userId: o.id, name: o.name, email: o.email })),
  }
}

/** Who the request is delegated to; for the addressee State's users (its focal point and officers). */
export async function listRequestDelegations(ctx: Ctx, requestId: string): Promise<DelegationList> {
  const { row, list } = await ctx.db.transaction().execute(async (trx) => {
    const row = await visibleRequest(ctx, trx, requestId)
    if (!isOfAddresseeState(ctx.actor, row))
      throw new AppError('FORBIDDEN', "Only the requested State's users see to whom it delegated a request")
    return { row, list: await delegationList(ctx, trx, row) }
  })
  if (row.classification !== 'public')
    await recordAuditedRead(ctx, {
      action: 'request.delegations_listed',
      recordType: repo.REQUEST_RECORD,
      recordId: row.id,
      classification: row.classification,
      details: { count: list.items.length },
    })
  return list
}

/** Delegates the request to an active officer of the focal point's own State (twice is harmless). */
export async function delegateRequest(
  ctx: Ctx,
  requestId: string,
  input: DelegateBody,
): Promise<{ created: boolean; list: DelegationList }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await visibleRequest(ctx, trx, requestId)
    const focalPoint = assertFocalPoint(ctx, row)
    if (isClosed(row))
      throw new AppError(
        'REQUEST_CLOSED',
        `The request is ${row.status.replace('_', ' ')}: it is no longer delegated`,
        {
          status: row.status,
        },
      )
    const [officer] = await listUserCards(trx, [input.userId])
    // One answer for an unknown user, another State's user, a disabled account or another role:
    // the focal point learns nothing about accounts outside its own State's officers.
    if (!officer || officer.orgCode !== focalPoint.orgCode || officer.role !== OFFICER || officer.status !== 'active')
      throw new AppError('RECORD_INVALID', 'A request is delegated only to an active officer of your own State')
    const created = await delegationsRepo.insertDelegationIfAbsent(trx, {
      recordId: row.id,
      userId: officer.id,
      delegatedBy: focalPoint.userId,
      nowIso: ctx.now().toISOString(),
    })
    if (created) {
      await recordAuditEvent(ctx, trx, {
        action: 'request.delegated',
        recordType: repo.REQUEST_RECORD,
        recordId: row.id,
        classification: row.classification,
        details: { userId: officer.id, reference: row.reference },
      })
      await tellTheDelegate(ctx, trx, row.id, officer.id)
    }
    return { created, list: await delegationList(ctx, trx, row) }
  })
}

/** Ends a delegation: the officer no longer sees the request (unless it is public). */
export async function revokeDelegation(ctx: Ctx, requestId: string, userId: string): Promise<DelegationList> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await visibleRequest(ctx, trx, requestId)
    assertFocalPoint(ctx, row)
    if (!(await delegationsRepo.deleteDelegation(trx, row.id, userId)))
      throw new AppError('RECORD_NOT_FOUND', `The request is not delegated to ${userId}`)
    await recordAuditEvent(ctx, trx, {
      action: 'request.delegation_revoked',
      recordType: repo.REQUEST_RECORD,
      recordId: row.id,
      classification: row.classification,
      details: { userId, reference: row.reference },
    })
    return delegationList(ctx, trx, row)
  })
}
