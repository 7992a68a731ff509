import { generateKeyPairSync } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemCtx } from '../../../test/context.ts'
import { createTestDb, type TestDb, testDialect } from '../../../test/db.ts'
import type { Actor } from '../context.ts'
import { createCheckpoint } from './audit.checkpoints.service.ts'
import { GENESIS_HASH, hashEntry } from './audit.hash.ts'
import { recordAuditEvent, recordAuditedRead } from './audit.service.ts'
import { auditSignerFromSeed, signStatement } from './audit.signing.ts'
import { verifyAuditTrail } from './audit.verify.ts'

const signer = auditSignerFromSeed(Buffer.alloc(32, 7).toString('base64'))
const otherSigner = auditSignerFromSeed(Buffer.alloc(32, 8).toString('base64'))
// A user actor as the identity feature will add it: the chain records its organisation.
const userActor = { kind: 'system', name: 'clerk', orgCode: 'ICC-REG' } as Actor

let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => db.destroy())

async function record(count: number, actor: Actor = userActor) {
  const ctx = systemCtx(db.db, actor)
  for (let i = 0; i < count; i++) {
    await db.db.transaction().execute((trx) =>
      recordAuditEvent(ctx, trx, {
        action: 'test.recorded',
        recordType: 'test',
        recordId: `r${i}`,
        classification: 'restricted',
        details: { note: `note ${i}`, nested: { b: [1, 2.5, 'é'], a: null } },
      }),
    )
  }
}

const verify = () => verifyAuditTrail(db.db, { publicKey: signer.publicKey })
const rows = () => db.db.selectFrom('audit_events').selectAll().orderBy('id').execute()

describe('recordAuditEvent', () => {
  it('chains every entry to the one before, from the genesis, reference loads included', async () => {
    await record(5)
    const all = await rows()
    expect(all.length).toBeGreaterThan(5) // the reference load of the template is chained too
    expect(all[0]?.prev_hash).toBe(GENESIS_HASH)
    for (let i = 1; i < all.length; i++) expect(all[i]?.prev_hash).toBe(all[i - 1]?.hash)
    const last = all.at(-1)
    expect(last).toMatchObject({ actor_org: 'ICC-REG', classification: 'restricted', record_id: 'r4' })
    const head = await db.db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow()
    expect(head).toMatchObject({ last_event_id: last?.id, last_hash: last?.hash, event_count: all.length })
    expect(await verify()).toMatchObject({ ok: true, checked: all.length })
  })

  it('hashes the canonical entry, independent of how the database returns the JSON', async () => {
    const last = (await rows()).at(-1)
    if (!last) throw new Error('no rows')
    const expected = hashEntry(last.prev_hash as string, {
      id: Number(last.id),
      occurredAt: last.occurred_at,
      actor: last.actor,
      actorOrg: 'ICC-REG',
      action: 'test.recorded',
      recordType: 'test',
      recordId: 'r4',
      classification: 'restricted',
      details: { nested: { a: null, b: [1, 2.5, 'é'] }, note: 'note 4' },
      requestId: null,
    })
    expect(last.hash).toBe(expected)
  })

  it('tolerates gaps in ids left by rolled-back transactions', async () => {
    const ctx = systemCtx(db.db)
    await expect(
      db.db.transaction().execute(async (trx) => {
        await recordAuditEvent(ctx, trx, { action: 'test.rolled_back' })
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    // SQLite reuses nothing after a rollback of the AUTOINCREMENT counter, PostgreSQL's
    // sequence skips a value; a gap made by deleting an unchained row is the same for both.
    const gap = await db.db
      .insertInto('audit_events')
      .values({ occurred_at: 'x', actor: 'x', action: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db.db.deleteFrom('audit_events').where('id', '=', gap.id).execute()
    await record(1)
    expect(await verify()).toMatchObject({ ok: true })
  })

  it('opens its own transaction when given the root database', async () => {
    await recordAuditEvent(systemCtx(db.db), db.db, { action: 'test.no_transaction' })
    expect(await verify()).toMatchObject({ ok: true })
  })

  it('makes a call that changes something forget the requests epoch it began with', async () => {
    // Kept answers of the call would otherwise show the requests as they were before the change.
    const ctx = systemCtx(db.db)
    ctx.allRequestsEpoch = '41'
    await recordAuditEvent(ctx, db.db, { action: 'test.change' })
    expect(ctx.allRequestsEpoch).toBeUndefined()
  })
})

describe('verifyAuditTrail', () => {
  it('detects a one-character change in any field of an entry', async () => {
    await record(3)
    const target = (await rows()).at(-2)
    if (!target) throw new Error('no rows')
    const fields = [
      'occurred_at',
      'actor',
      'actor_org',
      'action',
      'record_type',
      'record_id',
      'classification',
      'request_id',
      'prev_hash',
      'hash',
    ] as const
    for (const field of fields) {
      const original = target[field]
      const changed = original === null ? 'x' : `${original.slice(0, -1)}${original.endsWith('0') ? '1' : '0'}`
      await db.db
        .updateTable('audit_events')
        .set({ [field]: changed })
        .where('id', '=', target.id)
        .execute()
      expect(await verify(), field).toMatchObject({ ok: false, firstBadEventId: target.id })
      await db.db
        .updateTable('audit_events')
        .set({ [field]: original })
        .where('id', '=', target.id)
        .execute()
    }
    const detailsText = JSON.stringify({ note: 'note 1', nested: { b: [1, 2.5, 'é'], a: null } })
    for (const tampered of [detailsText.replace('note 1', 'note 2'), detailsText.replace('2.5', '2.6'), null]) {
      await db.db.updateTable('audit_events').set({ details: tampered }).where('id', '=', target.id).execute()
      expect(await verify()).toMatchObject({
        ok: false,
        firstBadEventId: target.id,
        problem: expect.stringMatching(/modified/),
      })
    }
    await db.db.updateTable('audit_events').set({ details: detailsText }).where('id', '=', target.id).execute()
    expect(await verify()).toMatchObject({ ok: true })
  })

  it('detects a deleted entry', async () => {
    const all = await rows()
    const victim = all.at(-3)
    const next = all.at(-2)
    await db.db.deleteFrom('audit_events').where('id', '=', Number(victim?.id)).execute()
    expect(await verify()).toMatchObject({
      ok: false,
      firstBadEventId: next?.id,
      problem: expect.stringMatching(/deleted/),
    })
    await db.db
      .insertInto('audit_events')
      .values(victim as never)
      .execute()
    expect(await verify()).toMatchObject({ ok: true })
  })

  it('detects an entry inserted into a gap, even with a correctly computed hash', async () => {
    const before = await rows()
    const gap = await db.db
      .insertInto('audit_events')
      .values({ occurred_at: 'x', actor: 'x', action: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db.db.deleteFrom('audit_events').where('id', '=', gap.id).execute()
    await record(1)
    const prev = before.at(-1)
    if (!prev) throw new Error('no rows')
    const forged = {
      id: Number(gap.id),
      occurredAt: prev.occurred_at,
      actor: 'operator:mallory',
      actorOrg: null,
      action: 'state.fact_corrected',
      recordType: null,
      recordId: null,
      classification: null,
      details: null,
      requestId: null,
    }
    await db.db
      .insertInto('audit_events')
      .values({
        id: forged.id,
        occurred_at: forged.occurredAt,
        actor: forged.actor,
        action: forged.action,
        prev_hash: prev.hash,
        hash: hashEntry(prev.hash as string, forged),
      } as never)
      .execute()
    const report = await verify()
    expect(report).toMatchObject({ ok: false, problem: expect.stringMatching(/inserted/) })
    expect(report.firstBadEventId).toBeGreaterThan(forged.id)
    await db.db.deleteFrom('audit_events').where('id', '=', forged.id).execute()
    expect(await verify()).toMatchObject({ ok: true })
  })

  it('detects two entries whose contents were swapped', async () => {
    const [a, b] = (await rows()).slice(-3, -1)
    if (!a || !b) throw new Error('no rows')
    const { id: idA, ...contentA } = a
    const { id: idB, ...contentB } = b
    await db.db
      .updateTable('audit_events')
      .set(contentB as never)
      .where('id', '=', idA)
      .execute()
    await db.db
      .updateTable('audit_events')
      .set(contentA as never)
      .where('id', '=', idB)
      .execute()
    expect(await verify()).toMatchObject({ ok: false, firstBadEventId: idA })
    await db.db
      .updateTable('audit_events')
      .set(contentA as never)
      .where('id', '=', idA)
      .execute()
    await db.db
      .updateTable('audit_events')
      .set(contentB as never)
      .where('id', '=', idB)
      .execute()
    expect(await verify()).toMatchObject({ ok: true })
  })

  it('detects a truncated tail against the latest signed checkpoint, even with the head rewound', async () => {
    await record(3)
    const checkpoint = await createCheckpoint(systemCtx(db.db), signer, { reason: 'test' })
    expect(await verify()).toMatchObject({ ok: true, checkpointsVerified: 1 })
    const all = await rows()
    const kept = all.at(-3)
    if (!kept) throw new Error('no rows')
    await db.db.deleteFrom('audit_events').where('id', '>', kept.id).execute()
    await db.db
      .updateTable('audit_chain_head')
      .set({ last_event_id: kept.id, last_hash: kept.hash as string, event_count: all.length - 2 })
      .execute()
    expect(await verify()).toMatchObject({
      ok: false,
      problem: expect.stringMatching(new RegExp(`checkpoint #${checkpoint.id}.*truncated`)),
    })
  })

  it('detects a truncated tail without a checkpoint through the chain head', async () => {
    const fresh = await createTestDb()
    try {
      const ctx = systemCtx(fresh.db)
      await recordAuditEvent(ctx, fresh.db, { action: 'a' })
      await recordAuditEvent(ctx, fresh.db, { action: 'b' })
      await fresh.db.deleteFrom('audit_events').where('action', '=', 'b').execute()
      expect(await verifyAuditTrail(fresh.db)).toMatchObject({ ok: false, problem: expect.stringMatching(/truncated/) })
    } finally {
      await fresh.destroy()
    }
  })
})

describe('checkpoints', () => {
  it('are rejected when forged: altered statement, bad signature, or signed by another key', async () => {
    const fresh = await createTestDb()
    try {
      await recordAuditEvent(systemCtx(fresh.db), fresh.db, { action: 'a' })
      const cp = await createCheckpoint(systemCtx(fresh.db), signer)
      const ok = await verifyAuditTrail(fresh.db, { publicKey: signer.publicKey })
      expect(ok).toMatchObject({ ok: true, checkpointsVerified: 1, keyTrusted: true })
      const restore = { event_count: cp.eventCount, signature: cp.signature, public_key: cp.publicKey }

      await fresh.db
        .updateTable('audit_checkpoints')
        .set({ event_count: cp.eventCount + 1 })
        .execute()
      expect(await verifyAuditTrail(fresh.db)).toMatchObject({ ok: false, problem: expect.stringMatching(/forged/) })
      await fresh.db.updateTable('audit_checkpoints').set(restore).execute()

      const bad = Buffer.from(cp.signature, 'base64')
      bad[0] = (bad[0] as number) ^ 1
      await fresh.db
        .updateTable('audit_checkpoints')
        .set({ signature: bad.toString('base64') })
        .execute()
      expect(await verifyAuditTrail(fresh.db)).toMatchObject({ ok: false, problem: expect.stringMatching(/forged/) })

      // Signed by another key, which the row names as its own: only the trusted key catches it.
      const statement = {
        lastEventId: cp.lastEventId,
        lastHash: cp.lastHash,
        eventCount: cp.eventCount,
        createdAt: cp.createdAt,
      }
      await fresh.db
        .updateTable('audit_checkpoints')
        .set({
          signature: signStatement(otherSigner, statement).toString('base64'),
          public_key: otherSigner.publicKeyBase64,
        })
        .execute()
      expect(await verifyAuditTrail(fresh.db)).toMatchObject({ ok: true, keyTrusted: false })
      expect(await verifyAuditTrail(fresh.db, { publicKey: signer.publicKey })).toMatchObject({
        ok: false,
        problem: expect.stringMatching(/not by a trusted key/),
      })
      const unrelated = generateKeyPairSync('ed25519').publicKey
      expect(await verifyAuditTrail(fresh.db, { publicKey: [unrelated, otherSigner.publicKey] })).toMatchObject({
        ok: true,
      })
      // And a new checkpoint is refused on top of a checkpoint we did not sign.
      await expect(createCheckpoint(systemCtx(fresh.db), signer)).rejects.toThrow(/not signed by our key/)
    } finally {
      await fresh.destroy()
    }
  })

  it('refuse to certify a trail tampered with since the previous checkpoint', async () => {
    const fresh = await createTestDb()
    try {
      const ctx = systemCtx(fresh.db)
      await createCheckpoint(ctx, signer)
      await recordAuditEvent(ctx, fresh.db, { action: 'a', details: { v: 1 } })
      await recordAuditEvent(ctx, fresh.db, { action: 'b' })
      await fresh.db.updateTable('audit_events').set({ details: '{"v":2}' }).where('action', '=', 'a').execute()
      await expect(createCheckpoint(ctx, signer)).rejects.toThrow(/modified/)
    } finally {
      await fresh.destroy()
    }
  })
})

describe.runIf(testDialect === 'postgres')('concurrent writers on PostgreSQL', () => {
  it('keep one unforked chain', async () => {
    const fresh = await createTestDb()
    try {
      const ctx = systemCtx(fresh.db)
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          fresh.db.transaction().execute(async (trx) => {
            await recordAuditEvent(ctx, trx, { action: 'test.concurrent', recordId: String(i) })
            // Hold the transaction open a little so the writers really overlap.
            await new Promise((resolve) => setTimeout(resolve, 5))
          }),
        ),
      )
      const chained = await fresh.db.selectFrom('audit_events').select(['prev_hash']).execute()
      expect(new Set(chained.map((r) => r.prev_hash)).size).toBe(chained.length)
      expect(await verifyAuditTrail(fresh.db)).toMatchObject({ ok: true, checked: chained.length })
    } finally {
      await fresh.destroy()
    }
  })
})

describe('recordAuditedRead', () => {
  // A fresh trail: tests above tamper with the shared one on purpose.
  let fresh: TestDb
  beforeAll(async () => {
    fresh = await createTestDb()
  })
  afterAll(async () => fresh.destroy())
  const trail = () => fresh.db.selectFrom('audit_events').selectAll().orderBy('id').execute()

  it('commits concurrent reads together, each chained, each resolved once durable', async () => {
    const ctx = systemCtx(fresh.db, userActor)
    const before = (await trail()).length
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        recordAuditedRead(ctx, { action: 'test.read', recordType: 'test', recordId: `read${i}` }),
      ),
    )
    const after = await trail()
    expect(after.slice(before).map((r) => r.record_id)).toEqual(Array.from({ length: 8 }, (_, i) => `read${i}`))
    expect(await verifyAuditTrail(fresh.db)).toMatchObject({ ok: true })
  })

  it('chains a group larger than one statement holds, in order, details included', async () => {
    const ctx = systemCtx(fresh.db, userActor)
    const before = (await trail()).length
    await Promise.all(
      Array.from({ length: 1234 }, (_, i) =>
        recordAuditedRead(ctx, { action: 'test.read', recordId: `bulk${i}`, details: { ids: [`x${i}`], n: i } }),
      ),
    )
    const added = (await trail()).slice(before)
    expect(added.map((r) => r.record_id)).toEqual(Array.from({ length: 1234 }, (_, i) => `bulk${i}`))
    expect(JSON.parse(added[1233]?.details as string)).toEqual({ ids: ['x1233'], n: 1233 })
    expect(added.slice(1).every((r, k) => r.prev_hash === added[k]?.hash)).toBe(true)
    expect(await verifyAuditTrail(fresh.db)).toMatchObject({ ok: true })
  })

  it('commits the reads made while a group is on its way to disk as the next group', async () => {
    const ctx = systemCtx(fresh.db, userActor)
    const first = recordAuditedRead(ctx, { action: 'test.read', recordId: 'in-flight' })
    // The first group's commit starts in the turn's check phase, before this callback.
    await new Promise((resolve) => setImmediate(resolve))
    const later = Array.from({ length: 3 }, (_, i) =>
      recordAuditedRead(ctx, { action: 'test.read', recordId: `next-group-${i}` }),
    )
    const waited = await Promise.race([
      Promise.all([first, ...later]).then(() => 'committed'),
      new Promise((resolve) => setTimeout(resolve, 2000, 'still waiting')),
    ])
    expect(waited).toBe('committed')
    const ids = (await trail()).slice(-4).map((r) => r.record_id)
    expect(ids).toEqual(['in-flight', 'next-group-0', 'next-group-1', 'next-group-2'])
    expect(await verifyAuditTrail(fresh.db)).toMatchObject({ ok: true })
  })

  it('refuses details it cannot store, failing that read alone', async () => {
    const ctx = systemCtx(fresh.db, userActor)
    const circular: Record<string, unknown> = {}
    circular.self = circular
    const settled = await Promise.allSettled([
      recordAuditedRead(ctx, { action: 'test.read', recordId: 'grouped-with-bad' }),
      recordAuditedRead(ctx, { action: 'test.read', details: circular }),
    ])
    expect(settled.map((r) => r.status)).toEqual(['fulfilled', 'rejected'])
    expect((await trail()).at(-1)?.record_id).toBe('grouped-with-bad')
    expect(await verifyAuditTrail(fresh.db)).toMatchObject({ ok: true })
  })

  it('fails every read of a group whose commit fails, and the next group still commits', async () => {
    const ctx = systemCtx(fresh.db, userActor)
    // A group's commit fails when the chain cannot be extended: take the head away for one group.
    const head = await fresh.db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow()
    await fresh.db.deleteFrom('audit_chain_head').execute()
    const failed = await Promise.allSettled([
      recordAuditedRead(ctx, { action: 'test.read', recordId: 'lost-1' }),
      recordAuditedRead(ctx, { action: 'test.read', recordId: 'lost-2' }),
    ])
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    await fresh.db.insertInto('audit_chain_head').values(head).execute()
    await recordAuditedRead(ctx, { action: 'test.read', recordId: 'next' })
    const all = await trail()
    expect(all.at(-1)?.record_id).toBe('next')
    expect(all.some((r) => r.record_id?.startsWith('lost-'))).toBe(false)
    expect(await verifyAuditTrail(fresh.db)).toMatchObject({ ok: true })
  })
})
