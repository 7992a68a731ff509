import { actorLabel, type Ctx } from '../context.ts'
import { type Db, heldSqliteConnection } from '../db/database.ts'
import { isSqlite } from '../db/dialect.ts'
import { AppError } from '../errors.ts'
import { canonicalJson, hashEntry, hashEntryWithDetailsText } from './audit.hash.ts'
import type { AuditInsertWithHash } from './audit.repository.ts'
import * as auditRepo from './audit.repository.ts'

// Appending to the hash chain: the audit of changes (in their own transaction) and the group
// commit of reads (audit.service.ts, audit.writer.ts) run exactly this code.

export type AuditedAct = {
  action: string
  recordType?: string
  recordId?: string
  details?: unknown
  /** Classification of the record acted on, when it has one (need-to-know reads filter on it). */
  classification?: string
}

/** An entry as it will be chained: plain data, queued until its group commits. */
export type AuditEntry = {
  occurredAt: string
  actor: string
  actorOrg: string | null
  action: string
  recordType: string | null
  recordId: string | null
  classification: string | null
  requestId: string | null
  /** The details as JSON text, or undefined for none. */
  detailsText: string | undefined
}

export function auditEntryOf(ctx: Ctx, act: AuditedAct): AuditEntry {
  return {
    occurredAt: ctx.now().toISOString(),
    actor: actorLabel(ctx.actor),
    actorOrg: 'orgCode' in ctx.actor && typeof ctx.actor.orgCode === 'string' ? ctx.actor.orgCode : null,
    action: act.action,
    recordType: act.recordType ?? null,
    recordId: act.recordId ?? null,
    classification: act.classification ?? null,
    requestId: ctx.requestId,
    detailsText: act.details === undefined ? undefined : JSON.stringify(act.details),
  }
}

/**
 * Chains `entries` in order after the current head, inside `trx` (which must be a transaction:
 * the head stays locked until it ends).
 */
export async function appendToChain(trx: Db, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return
  if (isSqlite(trx)) {
    appendToChainHeld(auditRepo.sqliteChainStatements(heldSqliteConnection(trx)), entries)
    return
  }
  const head = await auditRepo.lockChainHead(trx)
  if (!head) throw missingHead()
  let lastHash = head.last_hash
  let lastId = 0
  for (const { detailsText, ...entry } of entries) {
    // Hash what a reader will get back: the JSON value (jsonb may reorder keys, the value stays).
    const details = detailsText === undefined ? null : JSON.parse(detailsText)
    const id = await auditRepo.insertAuditEvent(trx, {
      ...entry,
      detailsJson: detailsText === undefined ? null : canonicalJson(details),
      prevHash: lastHash,
    })
    lastHash = hashEntry(lastHash, { ...entry, id, details })
    lastId = id
    await auditRepo.setAuditEventHash(trx, id, lastHash)
  }
  await auditRepo.advanceChainHead(trx, lastId, lastHash, entries.length)
}

/**
 * SQLite: we hold the connection and the write lock, so the ids are known before the rows exist
 * (AUTOINCREMENT never reuses one): each row is written once, hash included, the whole group in
 * one statement, and nothing yields to the event loop until the chain head has moved.
 */
function appendToChainHeld(chain: auditRepo.SqliteChainStatements, entries: readonly AuditEntry[]) {
  const head = chain.head()
  if (!head) throw missingHead()
  let lastHash = head.last_hash
  let id = head.next_id
  const rows: AuditInsertWithHash[] = []
  for (const { detailsText, ...entry } of entries) {
    const detailsJson = detailsText === undefined ? null : canonicalJson(JSON.parse(detailsText))
    const hash = hashEntryWithDetailsText(lastHash, { ...entry, id }, detailsJson ?? 'null')
    rows.push({ ...entry, id, detailsJson, prevHash: lastHash, hash })
    lastHash = hash
    id += 1
  }
  chain.insert(rows)
  chain.advance(id - 1, lastHash, entries.length)
}

function missingHead() {
  return new AppError('DATABASE_UNAVAILABLE', 'The audit chain head is missing: run the migrations')
}
