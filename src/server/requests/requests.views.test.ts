import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'

// Saved views through the API, on both databases: CRUD, validation with the list's schema, and
// isolation between users.

let db: TestDb
let app: FastifyInstance
const who: Record<string, Record<string, string>> = {}

beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
  who.a = (await createUserWithToken(db.db, { orgCode: 'ICC-OTP', role: 'officer' })).headers
  who.b = (await createUserWithToken(db.db, { orgCode: 'NLD', role: 'focal-point' })).headers
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

const save = (as: string, payload: object) =>
  app.inject({ method: 'POST', url: '/api/v1/requests/views', headers: who[as], payload })
const list = async (as: string) =>
  (await app.inject({ url: '/api/v1/requests/views', headers: who[as] })).json().items as {
    id: string
    name: string
    filters: Record<string, unknown>
  }[]

describe('saved views', () => {
  it('saves, lists, replaces by name and deletes a view', async () => {
    const filters = { addressee: 'NLD', status: ['transmitted', 'acknowledged'], overdue: 'true', q: "mandat d'arrêt" }
    const res = await save('a', { name: 'Overdue NLD', filters })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ name: 'Overdue NLD', filters })
    expect(await list('a')).toMatchObject([{ name: 'Overdue NLD', filters }])

    const again = await save('a', { name: 'Overdue NLD', filters: { addressee: 'KEN' } })
    expect(again.json().id).toBe(res.json().id)
    expect(await list('a')).toMatchObject([{ name: 'Overdue NLD', filters: { addressee: 'KEN' } }])

    const listed = await app.inject({ url: '/api/v1/requests', query: { addressee: 'KEN' }, headers: who.a })
    expect(listed.statusCode).toBe(200) // a view's filters are a valid list query as they are

    const del = await app.inject({ method: 'DELETE', url: `/api/v1/requests/views/${res.json().id}`, headers: who.a })
    expect(del.statusCode).toBe(204)
    expect(await list('a')).toEqual([])
    const audited = await db.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'request_view.%')
      .execute()
    expect(audited.map((r) => r.action).sort()).toEqual([
      'request_view.deleted',
      'request_view.replaced',
      'request_view.saved',
    ])
  })

  it('refuses filters the list would refuse, naming the problem', async () => {
    for (const filters of [{ status: 'nonsense' }, { overdue: 'maybe' }, { unknownFilter: 'x' }, { cursor: 'abc' }]) {
      const res = await save('a', { name: 'Bad', filters })
      expect(res.statusCode, JSON.stringify(filters)).toBe(400)
      expect(res.json().error.code).toBe('VALIDATION_FAILED')
    }
  })

  it("never shows or deletes another user's view", async () => {
    const mine = (await save('a', { name: 'Mine', filters: { addressee: 'NLD' } })).json()
    await save('b', { name: 'Mine', filters: { status: 'transmitted' } })
    expect((await list('b')).map((v) => v.filters)).toEqual([{ status: 'transmitted' }])
    const del = await app.inject({ method: 'DELETE', url: `/api/v1/requests/views/${mine.id}`, headers: who.b })
    expect(del.statusCode).toBe(404)
    expect((await list('a')).map((v) => v.id)).toEqual([mine.id])
  })

  it('needs a signed-in caller', async () => {
    expect((await app.inject({ url: '/api/v1/requests/views' })).statusCode).toBe(401)
  })
})
