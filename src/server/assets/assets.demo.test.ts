import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemCtx } from '../../../test/context.ts'
import { createTestDb, type TestDb } from '../../../test/db.ts'
import { prepareDatabase } from '../boot/prepare-database.ts'
import type { UserActor } from '../context.ts'
import { removeDemoData } from '../demo/demo.service.ts'
import { listAlerts } from './assets.alerts.ts'
import { ASSET_STAGES } from './assets.lifecycle.ts'
import { getTotals } from './assets.totals.ts'

let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
  await prepareDatabase(systemCtx(db.db), { demo: true })
})
afterAll(async () => db.destroy())

const caseTeam: UserActor = {
  kind: 'user',
  userId: 'demo-test',
  email: 'otp.officer@demo.invalid',
  name: 'OTP officer (fictional)',
  orgCode: 'ICC-OTP',
  orgKind: 'court_organ',
  role: 'officer',
  compartments: ['SIT-DEMO-A', 'CASE-DEMO-A1'],
  via: 'token',
  sessionId: null,
  scopes: ['read', 'write'],
}

describe('the demo assets', () => {
  it('hold every kind and every stage, fictional, resting on visible 93(1)(k) requests to their State', async () => {
    const assets = await db.db.selectFrom('assets').selectAll().execute()
    expect(new Set(assets.map((a) => a.stage))).toEqual(new Set(ASSET_STAGES))
    expect(new Set(assets.map((a) => a.kind)).size).toBe(9)
    expect(assets.every((a) => a.description.includes('(fictional)'))).toBe(true)
    const steps = await db.db
      .selectFrom('asset_steps')
      .innerJoin('requests', 'requests.id', 'asset_steps.request_id')
      .innerJoin('assets', 'assets.id', 'asset_steps.asset_id')
      .select(['requests.request_type', 'requests.addressee', 'assets.jurisdiction'])
      .execute()
    expect(steps.length).toBeGreaterThan(10)
    for (const s of steps) expect(s.addressee).toBe(s.jurisdiction)
  })

  it('show expiry alerts to the case team and totals with a recorded rate and an unconverted currency', async () => {
    const ctx = systemCtx(db.db, caseTeam)
    const alerts = await listAlerts(ctx, {})
    expect(alerts.items.length).toBeGreaterThanOrEqual(3)
    expect(alerts.items.every((a) => a.daysLeft <= 30)).toBe(true)
    const totals = await getTotals(ctx, { currency: 'EUR' })
    const converted = totals.cases[0]?.converted
    expect(converted?.lines.some((l) => l.rate?.source.includes('Fictional'))).toBe(true)
    expect(converted?.unconverted.map((u) => u.currency)).toEqual(['ARS'])
  })

  it('are removed with the demo', async () => {
    await removeDemoData(systemCtx(db.db))
    expect(await db.db.selectFrom('assets').select('id').execute()).toEqual([])
    expect(await db.db.selectFrom('exchange_rates').select('id').execute()).toEqual([])
  })
})
