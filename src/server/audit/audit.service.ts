import type { Ctx } from '../context.ts'
import type { Db, RootDb } from '../db/database.ts'
import { parseJson } from '../db/values.ts'
import { type AuditEntry, type AuditedAct, appendToChain, auditEntryOf } from './audit.chain.ts'
import * as auditRepo from './audit.repository.ts'
import type { AuditEventPage, ListAuditEventsQuery } from './audit.schemas.ts'
import type { AuditEventRow } from './audit.table.ts'
import { FOLD_AT, foldJournal, foldJournaledReads, foldJournalSoon, journalOf, journalReads } from './audit.writer.ts'

export type { AuditedAct } from './audit.chain.ts'

/**
 * Records an act by ctx.actor, chained to the previous entry (docs/audit.md). Pass the
 * transaction the act runs in, so both commit or neither; the chain head stays locked until then.
 */
export async function recordAuditEvent(ctx: Ctx, trx: Db, act: AuditedAct): Promise<void> {
  // Every change is audited here: from now on this call's kept answers must show it, not the
  // requests as they were when the call began (ctx.allRequestsEpoch).
  ctx.allRequestsEpoch = undefined
  // Without a transaction, the lock on the head would end with its own statement and a
  // concurrent writer could chain onto the same entry: open one.
  if (!trx.isTransaction) return trx.transaction().execute((t) => recordAuditEvent(ctx, t, act))
  await appendToChain(trx, [auditEntryOf(ctx, act)])
}

// A read is audited too, and its entry must be durable before the answer leaves. One commit per
// read would cap reads at one per fsync (about 4 ms on the bench machine with synchronous=FULL):
// reads queue their entries instead, and all entries queued by then are made durable together
// (group commit). One group at a time: the reads that arrive while it is on its way to the disk
// form the next one. On an SQLite file a group is one durable append to the read journal, and the
// entries are chained into the trail in batches (audit.writer.ts); elsewhere (PostgreSQL, an
// in-memory database) a group is one transaction on the chain. Each read waits for the group
// holding its entry; a group that fails fails every read in it. Writes keep recordAuditEvent in
// their own transaction.
type QueuedRead = { entry: AuditEntry; resolve: () => void; reject: (error: unknown) => void }
type ReadGroups = { queued: QueuedRead[]; scheduled: boolean; committing: boolean }
const readGroups = new WeakMap<RootDb, ReadGroups>()

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
    let groups = readGroups.get(ctx.db)
    if (!groups) {
      groups = { queued: [], scheduled: false, committing: false }
      readGroups.set(ctx.db, groups)
    }
    groups.queued.push({ entry, resolve, reject })
    scheduleGroup(ctx.db, groups)
  })
}

function scheduleGroup(db: RootDb, groups: ReadGroups) {
  if (groups.scheduled || groups.committing || groups.queued.length === 0) return
  groups.scheduled = true
  // After the I/O callbacks of this turn: every request parsed meanwhile joins the group.
  setImmediate(() => {
    groups.scheduled = false
    void commitGroup(db, groups)
  })
}

async function commitGroup(db: RootDb, groups: ReadGroups) {
  const group = groups.queued
  groups.queued = []
  groups.committing = true
  const entries = group.map((read) => read.entry)
  const journal = journalOf(db)
  let chainSoon = false
  try {
    if (journal) {
      await journalReads(db, journal, entries)
      // No read waiting: chain now, before these answers leave, so that an idle server's trail is
      // complete once a read has answered.
      const idle = groups.queued.length === 0
      if (idle) await foldJournal(db, journal)
      for (const read of group) read.resolve()
      // Under load, once enough wait: chained while the next group is on its way to the disk, so
      // the batch's CPU fills that wait instead of delaying the next group.
      chainSoon = !idle && journal.unfolded.length >= FOLD_AT
    } else {
      await db.transaction().execute((trx) => appendToChain(trx, entries))
      for (const read of group) read.resolve()
    }
  } catch (error) {
    for (const read of group) read.reject(error)
  } finally {
    groups.committing = false
    scheduleGroup(db, groups)
    if (journal && chainSoon) foldJournalSoon(db, journal)
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
  await foldJournaledReads(ctx.db)
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
