import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemCtx } from '../../../test/context.ts'
import { createTestDb, type TestDb } from '../../../test/db.ts'
import type { Actor } from '../context.ts'
import { createDb } from '../db/database.ts'
import { recordAuditEvent, recordAuditedRead } from './audit.service.ts'
import { verifyAuditTrail } from './audit.verify.ts'
import { startAuditWriter } from './audit.writer.ts'

// The group commit of reads on the embedded database (audit.writer.ts): committed with
// synchronous=NORMAL on the server's connection, then the WAL flushed off the event loop; the
// audit entries of changes keep their own transactions, with synchronous=FULL. SQLite only: on
// PostgreSQL reads are grouped in-process and committed normally.

const actor: Actor = {
  kind: 'user',
  userId: 'u-writer',
  email: 'writer@test.invalid',
  name: 'Writer test',
  orgCode: 'ICC-REGISTRY',
  orgKind: 'court_organ',
  role: 'officer',
  compartments: [],
  via: 'session',
  sessionId: null,
  scopes: ['read', 'write'],
}

let db: TestDb
let writer: ReturnType<typeof startAuditWriter>
beforeAll(async () => {
  db = await createTestDb()
  writer = startAuditWriter(db.db, db.sqlitePath as string)
})
afterAll(async () => {
  await writer.close()
  await db.destroy()
})
const trail = () => db.db.selectFrom('audit_events').selectAll().orderBy('id').execute()
const synchronous = async () =>
  Number((await sql<{ synchronous: number }>`pragma synchronous`.execute(db.db)).rows[0]?.synchronous)

describe('the group commit of reads', () => {
  it('chains reads and changes interleaved in one line, and leaves changes with synchronous=FULL', async () => {
    const ctx = systemCtx(db.db, actor)
    const before = (await trail()).length
    // Reads and changes interleaved: 60 reads in three bursts, 20 changes in their own transactions.
    await Promise.all([
      ...Array.from({ length: 60 }, (_, i) =>
        new Promise((r) => setTimeout(r, (i % 3) * 3)).then(() =>
          recordAuditedRead(ctx, { action: 'test.read', recordType: 'test', recordId: `r${i}` }),
        ),
      ),
      ...Array.from({ length: 20 }, (_, i) =>
        db.db.transaction().execute(async (trx) => {
          // Whatever group of reads committed before, this change commits with FULL.
          const [mode] = (await sql<{ synchronous: number }>`pragma synchronous`.execute(trx)).rows
          expect(Number(mode?.synchronous)).toBe(2)
          await recordAuditEvent(ctx, trx, { action: 'test.change', recordId: `c${i}` })
        }),
      ),
    ])
    const added = (await trail()).slice(before)
    expect(added).toHaveLength(80)
    expect(new Set(added.map((e) => e.record_id)).size).toBe(80)
    expect(new Set(added.map((e) => e.prev_hash)).size).toBe(80)
    expect(await verifyAuditTrail(db.db)).toMatchObject({ ok: true })
    const head = await db.db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow()
    expect(Number(head.event_count)).toBe((await trail()).length)
    expect(await synchronous()).toBe(2)
  })

  it('resolves a read only once its entry is committed: another connection reads it', async () => {
    const ctx = systemCtx(db.db, actor)
    await recordAuditedRead(ctx, { action: 'test.read', recordId: 'visible-after' })
    const other = createDb({ dialect: 'sqlite', sqlitePath: db.sqlitePath, databaseUrl: `sqlite:${db.sqlitePath}` })
    try {
      const last = await other.db
        .selectFrom('audit_events')
        .select('record_id')
        .orderBy('id', 'desc')
        .executeTakeFirst()
      expect(last?.record_id).toBe('visible-after')
    } finally {
      await other.close()
    }
  })

  it('fails the reads of a group it cannot commit, commits the next group, and restores FULL', async () => {
    const ctx = systemCtx(db.db, actor)
    const head = await db.db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow()
    await db.db.deleteFrom('audit_chain_head').execute()
    const failed = await Promise.allSettled([
      recordAuditedRead(ctx, { action: 'test.read', recordId: 'lost-1' }),
      recordAuditedRead(ctx, { action: 'test.read', recordId: 'lost-2' }),
    ])
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect(String((failed[0] as PromiseRejectedResult).reason)).toContain('chain head is missing')
    expect(await synchronous()).toBe(2)
    await db.db.insertInto('audit_chain_head').values(head).execute()
    await recordAuditedRead(ctx, { action: 'test.read', recordId: 'after-failure' })
    const all = await trail()
    expect(all.at(-1)?.record_id).toBe('after-failure')
    expect(all.some((e) => e.record_id?.startsWith('lost-'))).toBe(false)
    expect(await verifyAuditTrail(db.db)).toMatchObject({ ok: true })
  })

  it('lets the groups in flight finish when it stops; later reads commit without it', async () => {
    const other = startAuditWriter(db.db, db.sqlitePath as string)
    const ctx = systemCtx(db.db, actor)
    const reads = Array.from({ length: 5 }, (_, i) =>
      recordAuditedRead(ctx, { action: 'test.read', recordId: `q${i}` }),
    )
    await new Promise((r) => setImmediate(r))
    await other.close()
    await Promise.all(reads)
    expect((await trail()).slice(-5).map((e) => e.record_id)).toEqual(['q0', 'q1', 'q2', 'q3', 'q4'])
    await recordAuditedRead(ctx, { action: 'test.read', recordId: 'in-process' })
    expect((await trail()).at(-1)?.record_id).toBe('in-process')
    expect(await verifyAuditTrail(db.db)).toMatchObject({ ok: true })
  })
})
