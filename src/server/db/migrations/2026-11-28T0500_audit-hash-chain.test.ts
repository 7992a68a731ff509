import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../../../test/db.ts'
import { GENESIS_HASH, hashEntry } from '../../audit/audit.hash.ts'
import { verifyAuditTrail } from '../../audit/audit.verify.ts'
import { listMigrations, migrateDown, migrateToLatest } from '../migrate.ts'

let db: TestDb
beforeAll(async () => {
  db = await createTestDb({ seeded: false })
})
afterAll(async () => db.destroy())

const columns = async () =>
  (await db.db.introspection.getTables()).find((t) => t.name === 'audit_events')?.columns.map((c) => c.name) ?? []

describe('migration 2026-11-28T0500_audit-hash-chain', () => {
  it('chains the entries written before it, from the genesis, so the whole trail verifies', async () => {
    await migrateToLatest(db.db)
    // Go back to just before this migration and write entries the old way.
    while ((await listMigrations(db.db)).find((m) => m.name === '2026-11-28T0500_audit-hash-chain')?.executedAt)
      await migrateDown(db.db)
    expect(await columns()).not.toContain('hash')
    for (const [action, details] of [
      ['reference.loaded', '{"b":1,"a":[1,"x"]}'],
      ['demo.loaded', null],
    ] as const) {
      await db.db
        .insertInto('audit_events')
        .values({ occurred_at: '2026-11-28T04:00:00.000Z', actor: 'system:startup', action, details } as never)
        .execute()
    }
    await migrateToLatest(db.db)
    expect(await columns()).toEqual(expect.arrayContaining(['actor_org', 'classification', 'prev_hash', 'hash']))
    const rows = await db.db.selectFrom('audit_events').selectAll().orderBy('id').execute()
    const first = rows[0]
    if (!first) throw new Error('no rows')
    expect(first.prev_hash).toBe(GENESIS_HASH)
    expect(first.hash).toBe(
      hashEntry(GENESIS_HASH, {
        id: Number(first.id),
        occurredAt: '2026-11-28T04:00:00.000Z',
        actor: 'system:startup',
        actorOrg: null,
        action: 'reference.loaded',
        recordType: null,
        recordId: null,
        classification: null,
        details: { a: [1, 'x'], b: 1 },
        requestId: null,
      }),
    )
    expect(rows[1]?.prev_hash).toBe(first.hash)
    expect(await db.db.selectFrom('audit_chain_head').selectAll().executeTakeFirst()).toMatchObject({
      last_event_id: rows[1]?.id,
      last_hash: rows[1]?.hash,
      event_count: 2,
    })
    expect(await verifyAuditTrail(db.db)).toMatchObject({ ok: true, checked: 2 })
  })

  it('goes down (keeping the entries) and up again', async () => {
    // Later migrations go down first.
    while ((await listMigrations(db.db)).find((m) => m.name === '2026-11-28T0500_audit-hash-chain')?.executedAt)
      await migrateDown(db.db)
    const tables = (await db.db.introspection.getTables()).map((t) => t.name)
    expect(tables).not.toContain('audit_checkpoints')
    expect(tables).not.toContain('audit_chain_head')
    expect(await columns()).not.toContain('prev_hash')
    expect(await db.db.selectFrom('audit_events').select('id').execute()).toHaveLength(2)
    await migrateToLatest(db.db)
    expect(await verifyAuditTrail(db.db)).toMatchObject({ ok: true, checked: 2 })
  })
})
