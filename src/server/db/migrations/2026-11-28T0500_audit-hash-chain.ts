import { createHash } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import { isSqlite } from '../dialect.ts'

// Makes the audit trail tamper-evident (docs/audit.md): each entry carries the hash of the one
// before it, a one-row head is locked by every writer so the chain cannot fork, and signed
// checkpoints pin its end. Entries written before this migration are chained here, in id order,
// so the chain starts at the very first entry and no row is ever "before the chain".

const GENESIS_HASH = '0'.repeat(64)

// Frozen copy of the chain rules of version 1 (src/server/audit/audit.hash.ts at the time of
// writing): a migration never imports app code, and these bytes must never change.
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`
  const object = value as Record<string, unknown>
  const keys = Object.keys(object)
    .sort()
    .filter((k) => object[k] !== undefined)
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k])}`).join(',')}}`
}

function hashRow(prevHash: string, row: Record<string, any>): string {
  const details = row.details === null ? null : typeof row.details === 'string' ? JSON.parse(row.details) : row.details
  const entry = {
    action: row.action,
    actor: row.actor,
    actorOrg: null,
    classification: null,
    details,
    id: Number(row.id),
    occurredAt: row.occurred_at,
    recordId: row.record_id,
    recordType: row.record_type,
    requestId: row.request_id,
  }
  return createHash('sha256').update(prevHash).update(canonicalJson(entry), 'utf8').digest('hex')
}

export async function up(db: Kysely<any>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one column at a time.
  for (const column of ['actor_org', 'classification', 'prev_hash', 'hash']) {
    await db.schema.alterTable('audit_events').addColumn(column, 'text').execute()
  }
  await db.schema.createIndex('audit_events_record').on('audit_events').columns(['record_type', 'record_id']).execute()
  await db.schema.createIndex('audit_events_actor').on('audit_events').columns(['actor', 'id']).execute()
  await db.schema.createIndex('audit_events_occurred_at').on('audit_events').column('occurred_at').execute()

  const checkpoints = db.schema.createTable('audit_checkpoints')
  await (isSqlite(db)
    ? checkpoints.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : checkpoints.addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
  )
    .addColumn('last_event_id', 'bigint', (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .addColumn('event_count', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute()

  await db.schema
    .createTable('audit_chain_head')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('last_event_id', 'bigint', (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .addColumn('event_count', 'bigint', (c) => c.notNull())
    .execute()

  let head = { lastEventId: 0, lastHash: GENESIS_HASH, count: 0 }
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '>', head.lastEventId)
      .orderBy('id')
      .limit(1000)
      .execute()
    for (const row of rows) {
      const hash = hashRow(head.lastHash, row)
      await db.updateTable('audit_events').set({ prev_hash: head.lastHash, hash }).where('id', '=', row.id).execute()
      head = { lastEventId: Number(row.id), lastHash: hash, count: head.count + 1 }
    }
    if (rows.length < 1000) break
  }
  await db
    .insertInto('audit_chain_head')
    .values({ id: 1, last_event_id: head.lastEventId, last_hash: head.lastHash, event_count: head.count })
    .execute()
}

// Destroys the hash chain and every signed checkpoint; the entries themselves are kept.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_chain_head').execute()
  await db.schema.dropTable('audit_checkpoints').execute()
  for (const index of ['audit_events_record', 'audit_events_actor', 'audit_events_occurred_at']) {
    await db.schema.dropIndex(index).execute()
  }
  for (const column of ['hash', 'prev_hash', 'classification', 'actor_org']) {
    await db.schema.alterTable('audit_events').dropColumn(column).execute()
  }
}
