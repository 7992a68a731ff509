import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { systemCtx } from '../../../test/context.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'
import { recordAuditEvent } from './audit.service.ts'

let db: TestDb
let app: FastifyInstance
let auditor: Record<string, string>
beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
  auditor = (await createUserWithToken(db.db, { orgCode: 'ICC-REGISTRY', role: 'auditor' })).headers
  const ctx = systemCtx(db.db, { kind: 'operator', name: 'alice' })
  for (let i = 0; i < 5; i++)
    await recordAuditEvent(ctx, db.db, { action: 'test.routed', recordType: 'test', recordId: `r${i}`, details: { i } })
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

describe('GET /api/v1/audit/events', () => {
  it('filters by actor and action and walks keyset pages oldest first', async () => {
    const url = '/api/v1/audit/events?actor=operator:alice&action=test.routed&limit=2'
    const first = await app.inject({ headers: auditor, url })
    expect(first.statusCode).toBe(200)
    const page = first.json()
    expect(page.items.map((e: { recordId: string }) => e.recordId)).toEqual(['r0', 'r1'])
    expect(page.items[0]).toMatchObject({ details: { i: 0 }, hash: expect.stringMatching(/^[0-9a-f]{64}$/) })
    const seen = [...page.items]
    let cursor = page.nextCursor
    while (cursor) {
      const next = (await app.inject({ headers: auditor, url: `${url}&cursor=${cursor}` })).json()
      seen.push(...next.items)
      cursor = next.nextCursor
    }
    expect(seen.map((e) => e.recordId)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4'])
  })

  it('filters by record and by time', async () => {
    const one = (await app.inject({ headers: auditor, url: '/api/v1/audit/events?recordType=test&recordId=r3' })).json()
    expect(one.items).toHaveLength(1)
    const future = (
      await app.inject({ headers: auditor, url: '/api/v1/audit/events?from=2999-01-01T00:00:00Z' })
    ).json()
    expect(future.items).toEqual([])
    const past = (
      await app.inject({ headers: auditor, url: '/api/v1/audit/events?to=2000-01-01T00:00:00%2B01:00' })
    ).json()
    expect(past.items).toEqual([])
  })

  it('answers an unknown parameter or a malformed cursor with 400', async () => {
    for (const query of ['actr=x', 'cursor=abc', 'from=yesterday', 'limit=0']) {
      const res = await app.inject({ headers: auditor, url: `/api/v1/audit/events?${query}` })
      expect(res.statusCode, query).toBe(400)
      expect(res.json().error.code).toBe('VALIDATION_FAILED')
    }
  })
})

describe('audit checkpoints and verification', () => {
  it('has no checkpoint at first, signs one on demand, then verifies against it', async () => {
    expect((await app.inject({ headers: auditor, url: '/api/v1/audit/checkpoints/latest' })).json()).toEqual({
      checkpoint: null,
    })
    const created = await app.inject({
      headers: auditor,
      method: 'POST',
      url: '/api/v1/audit/checkpoints',
      payload: { reason: 'before the quarterly review' },
    })
    expect(created.statusCode).toBe(201)
    const checkpoint = created.json()
    expect(checkpoint).toMatchObject({
      reason: 'before the quarterly review',
      createdBy: expect.stringMatching(/^user:auditor\./),
    })
    const latest = (await app.inject({ headers: auditor, url: '/api/v1/audit/checkpoints/latest' })).json()
    expect(latest.checkpoint).toEqual(checkpoint)
    const report = (await app.inject({ headers: auditor, url: '/api/v1/audit/verify' })).json()
    expect(report).toMatchObject({
      ok: true,
      checkpointsVerified: 1,
      keyTrusted: true,
      lastEventId: checkpoint.lastEventId,
    })
  })

  it('refuses a checkpoint request without a reason', async () => {
    const res = await app.inject({ headers: auditor, method: 'POST', url: '/api/v1/audit/checkpoints', payload: {} })
    expect(res.statusCode).toBe(400)
  })

  it('reports a tampered trail', async () => {
    await db.db.updateTable('audit_events').set({ action: 'test.rewritten' }).where('record_id', '=', 'r2').execute()
    const report = (await app.inject({ headers: auditor, url: '/api/v1/audit/verify' })).json()
    expect(report).toMatchObject({ ok: false, problem: expect.stringMatching(/modified/) })
  })
})
