import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { systemCtx } from '../../../test/context.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'
import { loadDemoData, removeDemoData } from '../demo/demo.service.ts'

// The demo's warrants: fictional and labelled so, sealed ones known to their compartment and the
// States named on them only, and gone with the demo.

let db: TestDb
let app: FastifyInstance
beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
  await loadDemoData(systemCtx(db.db))
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

const names = async (headers: Record<string, string> = {}) =>
  (await app.inject({ url: '/api/v1/persons-sought?limit=200', headers }))
    .json()
    .items.map((p: { name: string }) => p.name)

describe('demo warrants', () => {
  it('are fictional, with public ones for everyone and sealed ones for the compartment and the named State', async () => {
    const anonymous = await names()
    expect(anonymous).toEqual(
      expect.arrayContaining(['Fictional Person B (fictional)', 'Fictional Person C (fictional)']),
    )
    expect(anonymous).not.toContain('Fictional Person A (fictional)')
    expect(anonymous).not.toContain('Fictional Person F (fictional)')
    const nld = await createUserWithToken(db.db, { orgCode: 'NLD', role: 'focal-point' })
    expect(await names(nld.headers)).toContain('Fictional Person A (fictional)')
    expect(await names(nld.headers)).not.toContain('Fictional Person F (fictional)')
    const otp = await createUserWithToken(db.db, { orgCode: 'ICC-OTP', role: 'officer', compartments: ['SIT-DEMO-A'] })
    expect(await names(otp.headers)).toContain('Fictional Person F (fictional)')
    const e = (await app.inject({ url: '/api/v1/persons-sought/demo:person:sought-E' })).json()
    expect(e.warrants[0].classificationHistory[0]).toMatchObject({ from: 'under_seal', to: 'public' })
    expect(e.isDemo).toBe(true)
  })

  it('are removed with the demo, leaving the reference warrants', async () => {
    await removeDemoData(systemCtx(db.db))
    const left = await db.db
      .selectFrom('warrants')
      .select('id')
      .where('is_demo', '=', 1 as never)
      .execute()
    expect(left).toEqual([])
    expect((await names()).some((n: string) => n.includes('fictional'))).toBe(false)
    expect((await names()).length).toBeGreaterThan(20)
  })
})
