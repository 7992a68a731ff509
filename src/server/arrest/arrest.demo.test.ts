import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemCtx } from '../../../test/context.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'
import { createApiToken } from '../auth/auth.tokens.ts'
import { prepareDatabase } from '../boot/prepare-database.ts'
import { removeDemoData } from '../demo/demo.service.ts'
import { getUserIdByEmail } from '../identity/identity.service.ts'

let db: TestDb
let app: FastifyInstance
beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

async function headersOf(email: string) {
  const ctx = systemCtx(db.db, { kind: 'operator', name: 'test' })
  const { token } = await createApiToken(ctx, await getUserIdByEmail(ctx, email), {
    name: 'test',
    days: 1,
    scopes: ['read'],
  })
  return { authorization: `Bearer ${token}` }
}

describe('the demo arrest strategies and opportunities', () => {
  it('load fictional strategies in the demo cell and opportunities in every outcome', async () => {
    await prepareDatabase(systemCtx(db.db), { demo: true })
    const strategies = await db.db.selectFrom('arrest_strategies').selectAll().execute()
    expect(strategies.length).toBeGreaterThanOrEqual(2)
    expect(strategies.every((s) => s.title.includes('fictional') && s.compartment_code === 'SIT-DEMO-A')).toBe(true)
    const opportunities = await db.db.selectFrom('arrest_opportunities').selectAll().execute()
    expect(new Set(opportunities.map((o) => o.outcome))).toEqual(
      new Set(['pending', 'arrested', 'request_refused', 'person_left', 'no_response']),
    )
    expect(opportunities.every((o) => o.place.startsWith('Fictional'))).toBe(true)
    // A refusal and a silence point at the demo request they concern, for non-cooperation later.
    for (const outcome of ['request_refused', 'no_response']) {
      expect(opportunities.find((o) => o.outcome === outcome)?.request_id, outcome).toBeTruthy()
    }
  })

  it('show the strategies to the cell only: OTP staff yes, the case’s Chambers staff and the Defence no', async () => {
    const list = async (email: string) =>
      (await app.inject({ url: '/api/v1/arrest-strategies', headers: await headersOf(email) })).json().total
    expect(await list('otp.officer@demo.invalid')).toBe(2)
    expect(await list('chambers.officer@demo.invalid')).toBe(0)
    expect(await list('defence.counsel@demo.invalid')).toBe(0)
    expect(await list('admin@demo.invalid')).toBe(0)
    const opportunities = await app.inject({
      url: '/api/v1/arrest-opportunities',
      headers: await headersOf('chambers.officer@demo.invalid'),
    })
    expect(opportunities.json().total).toBe(6) // the case's compartment, where Chambers staff sit
  })

  it('are removed with the demo', async () => {
    await removeDemoData(systemCtx(db.db))
    expect(await db.db.selectFrom('arrest_strategies').select('id').execute()).toEqual([])
    expect(await db.db.selectFrom('arrest_opportunities').select('id').execute()).toEqual([])
    expect(await db.db.selectFrom('arrest_opportunity_outcomes').select('opportunity_id').execute()).toEqual([])
  })
})
