import { actorLabel, type Ctx } from '../context.ts'
import { AppError } from '../errors.ts'
import { GENESIS_HASH } from './audit.hash.ts'
import * as auditRepo from './audit.repository.ts'
import {
  type AuditSigner,
  isStatementSignedBy,
  publicKeyFromRaw,
  signStatement,
  statementBytes,
} from './audit.signing.ts'
import type { AuditCheckpointRow } from './audit.table.ts'
import { positionOf, type VerifyReport, verifyAuditTrail, walkChain } from './audit.verify.ts'
import { foldJournaledReads } from './audit.writer.ts'

export type AuditCheckpoint = {
  id: number
  lastEventId: number
  lastHash: string
  eventCount: number
  createdAt: string
  /** Ed25519 signature of the canonical statement, base64. */
  signature: string
  /** Raw Ed25519 public key, base64, and its id. */
  publicKey: string
  keyId: string
  createdBy: string
  reason: string | null
}

export function toAuditCheckpoint(row: AuditCheckpointRow): AuditCheckpoint {
  return {
    id: Number(row.id),
    ...positionOf(row),
    createdAt: row.created_at,
    signature: row.signature,
    publicKey: row.public_key,
    keyId: row.key_id,
    createdBy: row.created_by,
    reason: row.reason,
  }
}

/**
 * Signs the current end of the chain. The stretch written since the latest checkpoint is verified
 * first, so a checkpoint never certifies a trail that was tampered with since the previous one.
 */
export async function createCheckpoint(
  ctx: Ctx,
  signer: AuditSigner,
  options: { reason?: string } = {},
): Promise<AuditCheckpoint> {
  // The reads answered so far are part of what is signed.
  await foldJournaledReads(ctx.db)
  const head = await auditRepo.findChainHead(ctx.db)
  if (!head) throw new AppError('DATABASE_UNAVAILABLE', 'The audit chain head is missing: run the migrations')
  const latest = await auditRepo.findLatestCheckpoint(ctx.db)
  const start = latest ? positionOf(latest) : { lastEventId: 0, lastHash: GENESIS_HASH, eventCount: 0 }
  if (latest && !isCheckpointSigned(latest, signer)) refuse(`checkpoint #${latest.id} is not signed by our key`)
  const walk = await walkChain(ctx.db, start, [], { untilId: Number(head.last_event_id) })
  if (!walk.ok) refuse(walk.problem ?? 'the chain does not verify')
  if (
    walk.lastEventId !== Number(head.last_event_id) ||
    walk.lastHash !== head.last_hash ||
    walk.eventCount !== Number(head.event_count)
  )
    refuse(`the chain ends at entry ${walk.lastEventId}, the head says ${head.last_event_id}`)

  const statement = { ...positionOf(head), createdAt: ctx.now().toISOString() }
  const row = {
    last_event_id: statement.lastEventId,
    last_hash: statement.lastHash,
    event_count: statement.eventCount,
    created_at: statement.createdAt,
    signature: signStatement(signer, statement).toString('base64'),
    public_key: signer.publicKeyBase64,
    key_id: signer.keyId,
    created_by: actorLabel(ctx.actor),
    reason: options.reason ?? null,
  }
  const id = await auditRepo.insertCheckpoint(ctx.db, row)
  ctx.log.info(`audit checkpoint #${id} at entry ${statement.lastEventId} (${statement.eventCount} entries)`)
  return toAuditCheckpoint({ id, ...row })
}

// No dedicated error code yet (errors.ts belongs to the platform): a trail that fails
// verification is an internal failure the operator must look at; the log has the problem.
function refuse(problem: string): never {
  throw new AppError('INTERNAL', `Refusing to sign an audit checkpoint: ${problem}`, { problem })
}

function isCheckpointSigned(row: AuditCheckpointRow, signer: AuditSigner): boolean {
  return isStatementSignedBy(
    { ...positionOf(row), createdAt: row.created_at },
    Buffer.from(row.signature, 'base64'),
    signer.publicKey,
  )
}

export async function findLatestCheckpoint(ctx: Ctx): Promise<AuditCheckpoint | null> {
  const row = await auditRepo.findLatestCheckpoint(ctx.db)
  return row ? toAuditCheckpoint(row) : null
}

/** Verifies the whole trail against the checkpoints signed with our key. */
export async function verifyAuditTrailWithKey(
  ctx: Ctx,
  signer: AuditSigner,
  onProgress?: (checked: number) => void,
): Promise<VerifyReport> {
  await foldJournaledReads(ctx.db)
  return verifyAuditTrail(ctx.db, { publicKey: signer.publicKey, ...(onProgress && { onProgress }) })
}

/** The three files a third party needs to check a checkpoint with openssl alone (docs/audit.md). */
export async function exportLatestCheckpoint(ctx: Ctx) {
  const row = await auditRepo.findLatestCheckpoint(ctx.db)
  if (!row) return null
  return {
    checkpoint: toAuditCheckpoint(row),
    statement: statementBytes({ ...positionOf(row), createdAt: row.created_at }),
    signature: Buffer.from(row.signature, 'base64'),
    publicKeyPem: publicKeyFromRaw(row.public_key).export({ type: 'spki', format: 'pem' }).toString(),
  }
}

/**
 * Signs a checkpoint every `intervalMs` while the server runs, when entries were written since
 * the last one. The timer is unref'd: it never keeps the process alive. Returns a stop function.
 */
export function startPeriodicCheckpoints(ctx: Ctx, signer: AuditSigner, intervalMs: number): () => void {
  let isRunning = false
  const tick = async () => {
    if (isRunning) return
    isRunning = true
    try {
      await foldJournaledReads(ctx.db)
      const [head, latest] = await Promise.all([
        auditRepo.findChainHead(ctx.db),
        auditRepo.findLatestCheckpoint(ctx.db),
      ])
      if (head && Number(head.last_event_id) !== Number(latest?.last_event_id ?? -1))
        await createCheckpoint(ctx, signer, { reason: 'periodic' })
    } catch (error) {
      ctx.log.error({ err: error }, 'periodic audit checkpoint failed')
    } finally {
      isRunning = false
    }
  }
  const timer = setInterval(() => void tick(), intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
