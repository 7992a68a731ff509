import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { systemCtx } from '../../../test/context.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'
import { prepareDatabase } from '../boot/prepare-database.ts'

// A request classified public is still internal to the Court while draft or approved, and for good
// if it is withdrawn before transmission: the visibility rule releases a request only once it is
// transmitted (requests.repository.ts, `released`).
let db: TestDb
let app: FastifyInstance
beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
  await prepareDatabase(systemCtx(db.db), { demo: true })
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

async function count(headers: Record<string, string>, query: string) {
  const res = await app.inject({ url: `/api/v1/requests?${query}&limit=200`, headers })
  expect(res.statusCode).toBe(200)
  return res.json().items as { id: string; status: string; classification: string; addressee?: string }[]
}

describe('public requests before transmission', () => {
  it('are known to Court staff of the compartment, not to States, other compartments or administrators', async () => {
    const publicDrafts = await db.db
      .selectFrom('requests')
      .select(['id', 'compartment_code'])
      .where('classification', '=', 'public')
      .where('status', 'in', ['draft', 'approved'])
      .execute()
    expect(publicDrafts.length).toBeGreaterThan(0)
    const compartment = publicDrafts[0]?.compartment_code as string
    const inside = await createUserWithToken(db.db, {
      orgCode: 'ICC-OTP',
      role: 'officer',
      compartments: [compartment],
    })
    const outside = await createUserWithToken(db.db, {
      orgCode: 'ICC-OTP',
      role: 'officer',
      compartments: ['SOMEWHERE-ELSE'],
    })
    const focalPoint = await createUserWithToken(db.db, { orgCode: 'NLD', role: 'focal-point' })
    const admin = await createUserWithToken(db.db, { orgCode: 'ICC-REGISTRY', role: 'admin' })
    for (const status of ['draft', 'approved']) {
      expect(await count(focalPoint.headers, `status=${status}`)).toEqual([])
      expect(await count(outside.headers, `status=${status}`)).toEqual([])
      expect(await count(admin.headers, `status=${status}`)).toEqual([])
    }
    const insideIds = (await count(inside.headers, 'status=draft'))
      .concat(await count(inside.headers, 'status=approved'))
      .map((r) => r.id)
    for (const draft of publicDrafts.filter((d) => d.compartment_code === compartment))
      expect(insideIds).toContain(draft.id)
    const single = await app.inject({ url: `/api/v1/requests/${publicDrafts[0]?.id}`, headers: focalPoint.headers })
    expect(single.statusCode).toBe(404)
  })
})

describe('requests withdrawn before transmission', () => {
  it('stay internal to the Court: the addressee never learns of them, public or not', async () => {
    const drafts = await db.db
      .selectFrom('requests')
      .select(['id', 'addressee', 'compartment_code', 'classification'])
      .where('status', '=', 'draft')
      .where('originator', '=', 'ICC-OTP')
      .where('classification', 'in', ['public', 'confidential'])
      .execute()
    const admin = await createUserWithToken(db.db, { orgCode: 'ICC-REGISTRY', role: 'admin' })
    for (const classification of ['public', 'confidential']) {
      const row = drafts.find((d) => d.classification === classification)
      if (!row?.compartment_code) throw new Error(`the demo has no ${classification} OTP draft in a compartment`)
      const inside = await createUserWithToken(db.db, {
        orgCode: 'ICC-OTP',
        role: 'officer',
        compartments: [row.compartment_code],
      })
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/requests/${row.id}/transitions`,
        headers: inside.headers,
        payload: { action: 'withdraw', note: 'Superseded before transmission.' },
      })
      expect(res.statusCode, res.body).toBe(200)
      expect(
        await db.db
          .selectFrom('requests')
          .select(['status', 'transmitted_at'])
          .where('id', '=', row.id)
          .executeTakeFirstOrThrow(),
      ).toEqual({ status: 'withdrawn', transmitted_at: null })
      const addressee = await createUserWithToken(db.db, { orgCode: row.addressee, role: 'focal-point' })
      for (const [who, headers] of [
        ['its addressee', addressee.headers],
        ['an administrator', admin.headers],
      ] as const) {
        const single = await app.inject({ url: `/api/v1/requests/${row.id}`, headers })
        expect(single.statusCode, `${classification} withdrawn draft, seen by ${who}`).toBe(404)
        expect((await count(headers, 'status=withdrawn')).map((r) => r.id)).not.toContain(row.id)
      }
      expect((await app.inject({ url: `/api/v1/requests/${row.id}`, headers: inside.headers })).statusCode).toBe(200)
    }
  })
})
