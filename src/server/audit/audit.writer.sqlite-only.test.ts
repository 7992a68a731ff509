import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemCtx } from '../../../test/context.ts'
import { createTestDb, type TestDb } from '../../../test/db.ts'
import type { Actor } from '../context.ts'
import { recordAuditEvent, recordAuditedRead } from './audit.service.ts'
import { verifyAuditTrail } from './audit.verify.ts'
import { startAuditWriter } from './audit.writer.ts'

// The writer thread of the embedded database (audit.writer.ts): audited reads are chained on its
// own connection while the server's connection keeps appending the audit entries of changes.
// SQLite only: on PostgreSQL reads are grouped in-process (the driver does not block).

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

describe('the audit writer thread', () => {
  it('chains reads committed on its connection with changes committed on the server’s, in one line', async () => {
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
        db.db.transaction().execute((trx) => recordAuditEvent(ctx, trx, { action: 'test.change', recordId: `c${i}` })),
      ),
    ])
    const added = (await trail()).slice(before)
    expect(added).toHaveLength(80)
    expect(new Set(added.map((e) => e.record_id)).size).toBe(80)
    expect(new Set(added.map((e) => e.prev_hash)).size).toBe(80)
    expect(await verifyAuditTrail(db.db)).toMatchObject({ ok: true })
    const head = await db.db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow()
    expect(Number(head.event_count)).toBe((await trail()).length)
  })

  it('resolves a read only once its entry is readable by another connection (committed)', async () => {
    const ctx = systemCtx(db.db, actor)
    await recordAuditedRead(ctx, { action: 'test.read', recordId: 'visible-after' })
    expect((await trail()).at(-1)?.record_id).toBe('visible-after')
  })

  it('fails the reads of a group it cannot commit, and commits the next group', async () => {
    const ctx = systemCtx(db.db, actor)
    const head = await db.db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow()
    await db.db.deleteFrom('audit_chain_head').execute()
    const failed = await Promise.allSettled([
      recordAuditedRead(ctx, { action: 'test.read', recordId: 'lost-1' }),
      recordAuditedRead(ctx, { action: 'test.read', recordId: 'lost-2' }),
    ])
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect(String((failed[0] as PromiseRejectedResult).reason)).toContain('chain head is missing')
    await db.db.insertInto('audit_chain_head').values(head).execute()
    await recordAuditedRead(ctx, { action: 'test.read', recordId: 'after-failure' })
    const all = await trail()
    expect(all.at(-1)?.record_id).toBe('after-failure')
    expect(all.some((e) => e.record_id?.startsWith('lost-'))).toBe(false)
    expect(await verifyAuditTrail(db.db)).toMatchObject({ ok: true })
  })

  it('waits for queued reads before stopping', async () => {
    const other = startAuditWriter(db.db, db.sqlitePath as string)
    const ctx = systemCtx(db.db, actor)
    const reads = Array.from({ length: 5 }, (_, i) =>
      recordAuditedRead(ctx, { action: 'test.read', recordId: `q${i}` }),
    )
    await other.close()
    await Promise.all(reads)
    expect((await trail()).slice(-5).map((e) => e.record_id)).toEqual(['q0', 'q1', 'q2', 'q3', 'q4'])
    // The first writer was replaced by the second, which is closed: reads fall back in-process.
    await recordAuditedRead(ctx, { action: 'test.read', recordId: 'in-process' })
    expect((await trail()).at(-1)?.record_id).toBe('in-process')
  })
})
