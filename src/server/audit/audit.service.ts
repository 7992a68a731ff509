import { actorLabel, type Ctx } from '../context.ts'
import type { Db } from '../db/database.ts'
import { insertAuditEvent } from './audit.repository.ts'

export type AuditedAct = {
  action: string
  recordType?: string
  recordId?: string
  details?: unknown
}

/** Records an act by ctx.actor. Pass the transaction the act runs in, so both commit or neither. */
export function recordAuditEvent(ctx: Ctx, trx: Db, act: AuditedAct): Promise<void> {
  return insertAuditEvent(trx, {
    occurredAt: ctx.now().toISOString(),
    actor: actorLabel(ctx.actor),
    action: act.action,
    recordType: act.recordType ?? null,
    recordId: act.recordId ?? null,
    details: act.details,
    requestId: ctx.requestId,
  })
}
