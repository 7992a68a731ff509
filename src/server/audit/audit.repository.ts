import type { Db, EmbeddedConnection } from '../db/database.ts'
import { isSqlite } from '../db/dialect.ts'
import { executeCached, placeholder } from '../db/query-cache.ts'
import type { NewAuditCheckpointRow } from './audit.table.ts'

export type AuditInsert = {
  occurredAt: string
  actor: string
  actorOrg: string | null
  action: string
  recordType: string | null
  recordId: string | null
  classification: string | null
  /** Canonical JSON text, or null for no details. */
  detailsJson: string | null
  requestId: string | null
  prevHash: string
}

/**
 * The chain head, locked until the caller's transaction ends. On PostgreSQL `for update` makes a
 * concurrent writer wait for our commit and then read the new head, so two transactions can never
 * chain onto the same entry. SQLite has no `for update` (a syntax error there) and needs none:
 * it has one writer at a time, and in WAL mode a transaction that read an older head cannot
 * commit a write on top of a newer one (SQLITE_BUSY_SNAPSHOT), so it fails instead of forking.
 */
export async function lockChainHead(trx: Db) {
  const sqlite = isSqlite(trx)
  const [head] = await executeCached(trx, ['audit.lockChainHead'], () => {
    const query = trx.selectFrom('audit_chain_head').selectAll().where('id', '=', 1)
    return sqlite ? query : query.forUpdate()
  })
  return head
}

export function findChainHead(db: Db) {
  return db.selectFrom('audit_chain_head').selectAll().where('id', '=', 1).executeTakeFirst()
}

// The chain's statements run for every audited read (the group commit appends thousands a
// second), so they are compiled once (db/query-cache.ts): building them with Kysely cost more
// CPU than SQLite took to run them.

export async function insertAuditEvent(trx: Db, event: AuditInsert): Promise<number> {
  const [row] = await executeCached(
    trx,
    ['audit.insertAuditEvent'],
    () =>
      trx
        .insertInto('audit_events')
        .values({
          occurred_at: placeholder('occurredAt'),
          actor: placeholder('actor'),
          actor_org: placeholder('actorOrg'),
          action: placeholder('action'),
          record_type: placeholder('recordType'),
          record_id: placeholder('recordId'),
          classification: placeholder('classification'),
          details: placeholder('detailsJson'),
          request_id: placeholder('requestId'),
          prev_hash: placeholder('prevHash'),
          hash: null,
        })
        .returning('id'),
    event,
  )
  if (!row) throw new Error('The audit entry was not inserted')
  return Number(row.id)
}

export type AuditInsertWithHash = AuditInsert & { id: number; hash: string }

/**
 * SQLite: the chain's statements, prepared once (the connection's statement cache) and run
 * synchronously by a caller that holds the connection (audit.chain.ts, under the write lock of
 * its transaction). Through Kysely each statement cost a promise chain, a parameter map and a
 * lookup; the group commit of reads runs four of them per group, and they took more CPU than
 * SQLite did (about 60 µs per read).
 */
export type SqliteChainStatements = {
  /**
   * The head, and the id the next entry gets: AUTOINCREMENT hands out one more than the largest
   * id ever used (sqlite_sequence), even of a row since deleted, and never reuses one.
   */
  head(): { last_hash: string; next_id: number } | undefined
  /** Entries whose ids and hashes are already known, `CHUNK` rows a statement. */
  insert(rows: readonly AuditInsertWithHash[]): void
  advance(lastEventId: number, lastHash: string, added: number): void
}

// Rows per insert: 12 bound values each keeps a statement far within SQLite's limit (32,766).
const CHUNK = 500
const COLUMNS =
  'id, occurred_at, actor, actor_org, action, record_type, record_id, classification, details, request_id, prev_hash, hash'
const ROW = `(${Array(12).fill('?').join(', ')})`
// The insert's text for n rows, built once per n (the connection's cache keeps the statements).
const insertTexts = new Map<number, string>()
const insertOf = (n: number) => {
  let text = insertTexts.get(n)
  if (!text) {
    text = `insert into audit_events (${COLUMNS}) values ${Array(n).fill(ROW).join(', ')}`
    insertTexts.set(n, text)
  }
  return text
}

export function sqliteChainStatements(sqlite: EmbeddedConnection): SqliteChainStatements {
  return {
    head: () =>
      sqlite
        .prepare(
          `select last_hash, max(last_event_id, coalesce((select seq from sqlite_sequence where name = 'audit_events'), 0)) + 1 as next_id
           from audit_chain_head where id = 1`,
        )
        .get() as { last_hash: string; next_id: number } | undefined,
    insert(rows) {
      for (let k = 0; k < rows.length; k += CHUNK) {
        const chunk = rows.slice(k, k + CHUNK)
        const values: unknown[] = []
        for (const r of chunk) {
          values.push(r.id, r.occurredAt, r.actor, r.actorOrg, r.action, r.recordType, r.recordId)
          values.push(r.classification, r.detailsJson, r.requestId, r.prevHash, r.hash)
        }
        sqlite.prepare(insertOf(chunk.length)).run(values)
      }
    },
    advance: (lastEventId, lastHash, added) =>
      void sqlite
        .prepare(
          'update audit_chain_head set last_event_id = ?, last_hash = ?, event_count = event_count + ? where id = 1',
        )
        .run(lastEventId, lastHash, added),
  }
}

// The id is part of what is hashed and only known once the row exists: hence insert, then set.
export async function setAuditEventHash(trx: Db, id: number, hash: string): Promise<void> {
  await executeCached(
    trx,
    ['audit.setAuditEventHash'],
    () =>
      trx
        .updateTable('audit_events')
        .set({ hash: placeholder('hash') })
        .where('id', '=', placeholder('id') as never),
    { id, hash },
  )
}

export async function advanceChainHead(trx: Db, lastEventId: number, lastHash: string, added = 1): Promise<void> {
  await executeCached(
    trx,
    ['audit.advanceChainHead'],
    () =>
      trx
        .updateTable('audit_chain_head')
        .set((eb) => ({
          last_event_id: placeholder('lastEventId') as never,
          last_hash: placeholder('lastHash'),
          event_count: eb('event_count', '+', placeholder('added') as never),
        }))
        .where('id', '=', 1),
    { lastEventId, lastHash, added },
  )
}

/** One batch of the chain in id order (keyset: never an offset, never the whole table). */
export function listChainBatch(db: Db, afterId: number, limit: number) {
  return db
    .selectFrom('audit_events')
    .select([
      'id',
      'occurred_at',
      'actor',
      'actor_org',
      'action',
      'record_type',
      'record_id',
      'classification',
      'details',
      'request_id',
      'prev_hash',
      'hash',
    ])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()
}

export type AuditEventFilter = {
  actor?: string
  action?: string
  recordType?: string
  recordId?: string
  from?: string
  to?: string
  afterId?: number
  limit: number
}

export function listAuditEvents(db: Db, f: AuditEventFilter) {
  let query = db.selectFrom('audit_events').selectAll()
  if (f.actor !== undefined) query = query.where('actor', '=', f.actor)
  if (f.action !== undefined) query = query.where('action', '=', f.action)
  if (f.recordType !== undefined) query = query.where('record_type', '=', f.recordType)
  if (f.recordId !== undefined) query = query.where('record_id', '=', f.recordId)
  // ISO-8601 UTC text with a fixed format sorts like the instants it names.
  if (f.from !== undefined) query = query.where('occurred_at', '>=', f.from)
  if (f.to !== undefined) query = query.where('occurred_at', '<', f.to)
  if (f.afterId !== undefined) query = query.where('id', '>', f.afterId)
  return query.orderBy('id').limit(f.limit).execute()
}

export function listAuditEventsForRecord(db: Db, recordType: string, recordId: string) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute()
}

export async function insertCheckpoint(db: Db, row: NewAuditCheckpointRow): Promise<number> {
  const inserted = await db.insertInto('audit_checkpoints').values(row).returning('id').executeTakeFirstOrThrow()
  return Number(inserted.id)
}

export function findLatestCheckpoint(db: Db) {
  return db.selectFrom('audit_checkpoints').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst()
}

export function listCheckpoints(db: Db) {
  return db.selectFrom('audit_checkpoints').selectAll().orderBy('id').execute()
}
