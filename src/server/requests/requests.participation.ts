import type { Classification } from '../access/classification.ts'
import type { Ctx } from '../context.ts'
import type { Db } from '../db/database.ts'
import { AppError } from '../errors.ts'
import { type RequestStatus, standsIn } from './requests.lifecycle.ts'
import { subjectOf } from './requests.page.ts'
import * as repo from './requests.repository.ts'

export { queueDeadlineNotices, tellTheOtherSide } from './requests.notify.ts'

// The requests feature's answer to other features (messages, documents): may the caller see this
// request, and may they add to its thread and its documents? They ask here, never the repository.

export type RequestParticipation = {
  id: string
  reference: string
  classification: Classification
  status: RequestStatus
  /** Court staff of the originator, of the organ it is routed through, or of the Registry. */
  isCourtSide: boolean
  /** May post messages and documents (see mayContribute). */
  mayContribute: boolean
}

/**
 * The request as ctx.actor may know it, or RECORD_NOT_FOUND (not visible and not existing answer
 * alike). `db` may be the caller's transaction, so the check and what follows commit together.
 */
export async function getRequestParticipation(ctx: Ctx, db: Db, requestId: string): Promise<RequestParticipation> {
  const row = await repo.findVisibleRequest(db, ctx.actor, requestId)
  if (!row) throw new AppError('RECORD_NOT_FOUND', `No request ${requestId}`)
  const subject = await subjectOf(db, ctx.actor, row)
  const a = ctx.actor
  const isCourtSide =
    a.kind === 'user' && ['officer', 'approver'].includes(a.role) && standsIn(a, 'court_side', subject)
  const isDefenceOriginator = a.kind === 'user' && a.role === 'counsel' && standsIn(a, 'originator', subject)
  // The addressee joins the thread when the request reaches it (transmission), not before.
  const isAddressee =
    a.kind === 'user' &&
    ['focal-point', 'officer'].includes(a.role) &&
    standsIn(a, 'addressee', subject) &&
    row.transmitted_at !== null
  return {
    id: row.id,
    reference: row.reference,
    classification: row.classification as Classification,
    status: row.status as RequestStatus,
    isCourtSide,
    mayContribute: isCourtSide || isDefenceOriginator || isAddressee,
  }
}
