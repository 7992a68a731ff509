import type { Ctx } from '../context.ts'
import type { Db, RootDb } from '../db/database.ts'
import { parseJson } from '../db/values.ts'
import { type AuditEntry, type AuditedAct, appendToChain, auditEntryOf } from './audit.chain.ts'
import * as auditRepo from './audit.repository.ts'
import type { AuditEventPage, ListAuditEventsQuery } from './audit.schemas.ts'
import type { AuditEventRow } from './audit.table.ts'
import { commitThenSyncWal, walOf } from './audit.writer.ts'

export type { AuditedAct } from './audit.chain.ts'

/**
 * Records an act by ctx.actor, chained to the previous entry (docs/audit.md). Pass the
 * transaction the act runs in, so both commit or neither; the chain head stays locked until then.
 */
export async function recordAuditEvent(ctx: Ctx, trx: Db, act: AuditedAct): Promise<void> {
  // Without a transaction, the lock on the head would end with its own statement and a
  // concurrent writer could chain onto the same entry: open one.
  if (!trx.isTransaction) return trx.transaction().execute((t) => recordAuditEvent(ctx, t, act))
  await appendToChain(trx, [auditEntryOf(ctx, act)])
}

// A read is audited too, and its entry must be durable before the answer leaves. One commit per
// read would cap reads at one per fsync (about 4 ms on the bench machine with synchronous=FULL):
// reads queue their entries instead, and all entries queued by then are chained in one
// transaction (group commit). Each read still waits for the commit holding its entry; a failed
// commit fails every read of its group. Writes keep recordAuditEvent in their own transaction.
// On an SQLite file the group's fsync runs off the event loop (audit.writer.ts), so it never
// stalls the requests of everyone else.
type QueuedRead = { entry: AuditEntry; resolve: () => void; reject: (error: unknown) => void }
const queuedReads = new WeakMap<RootDb, QueuedRead[]>()

/** Records a read by ctx.actor; resolves once its entry is committed, with whatever reads came along. */
export function recordAuditedRead(ctx: Ctx, act: AuditedAct): Promise<void> {
  let entry: AuditEntry
  try {
    entry = auditEntryOf(ctx, act)
  } catch (error) {
    // Details that cannot be stored fail this read alone, not the group it would have joined.
    return Promise.reject(error)
  }
  return new Promise((resolve, reject) => {
    const queue = queuedReads.get(ctx.db)
    if (queue) {
      queue.push({ entry, resolve, reject })
      return
    }
    queuedReads.set(ctx.db, [{ entry, resolve, reject }])
    // After the I/O callbacks of this turn: every request parsed meanwhile joins the group.
    setImmediate(() => void commitQueuedReads(ctx.db))
  })
}

async function commitQueuedReads(db: RootDb) {
  const group = queuedReads.get(db) ?? []
  queuedReads.delete(db)
  const entries = group.map((read) => read.entry)
  try {
    const wal = walOf(db)
    if (wal) await commitThenSyncWal(db, wal, entries)
    else await db.transaction().execute((trx) => appendToChain(trx, entries))
    for (const read of group) read.resolve()
  } catch (error) {
    for (const read of group) read.reject(error)
  }
}

export type AuditEvent = {
  id: number
  occurredAt: string
  actor: string
  actorOrg: string | null
  action: string
  recordType: string | null
  recordId: string | null
  classification: string | null
  details: unknown
  requestId: string | null
  prevHash: string | null
  hash: string | null
}

export function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: Number(row.id),
    occurredAt: row.occurred_at,
    actor: row.actor,
    actorOrg: row.actor_org,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    classification: row.classification,
    details: row.details === null ? null : parseJson(row.details),
    requestId: row.request_id,
    prevHash: row.prev_hash,
    hash: row.hash,
  }
}

/** The auditor's view of the trail, oldest first, in keyset pages. */
export async function listAuditEvents(ctx: Ctx, query: ListAuditEventsQuery): Promise<AuditEventPage> {
  const rows = await auditRepo.listAuditEvents(ctx.db, {
    ...(query.actor !== undefined && { actor: query.actor }),
    ...(query.action !== undefined && { action: query.action }),
    ...(query.recordType !== undefined && { recordType: query.recordType }),
    ...(query.recordId !== undefined && { recordId: query.recordId }),
    // Stored as toISOString() text, so bounds are normalised the same way to compare as text.
    ...(query.from !== undefined && { from: new Date(query.from).toISOString() }),
    ...(query.to !== undefined && { to: new Date(query.to).toISOString() }),
    ...(query.cursor !== undefined && { afterId: Number(query.cursor) }),
    limit: query.limit,
  })
  const items = rows.map(toAuditEvent)
  const last = items.at(-1)
  return { items, nextCursor: items.length === query.limit && last ? String(last.id) : null }
}
