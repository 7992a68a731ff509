import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AssetsWorld,
  createAsset,
  createAssetsWorld,
  destroyAssetsWorld,
  orderExpiringIn,
  step,
} from '../../../test/assets-world.ts'
import { systemCtx } from '../../../test/context.ts'
import { startPeriodicAlertSweeps, sweepAlerts } from './assets.alerts.ts'

// Expiry alerts of freezing and seizure orders, on both databases: the 30-day window (29 raises,
// 31 does not until the clock moves), one alert per order per lapse date however often the sweep
// runs, renewal clears, only the owners see and resolve them.

let w: AssetsWorld
beforeAll(async () => {
  w = await createAssetsWorld()
})
afterAll(async () => destroyAssetsWorld(w))

const sweep = () => sweepAlerts(systemCtx(w.db.db, { kind: 'system', name: 'test' }, () => w.clock.now))
const alerts = async (as = w.who.owner, query = '') => {
  const res = await w.app.inject({ url: `/api/v1/assets/alerts${query}`, headers: as })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().items as { id: string; assetId: string; daysLeft: number; status: string; lapsesOn: string }[]
}

async function frozenFor(days: number, reference: string) {
  const asset = await createAsset(w, { description: `Account frozen ${days} days (fictional)` })
  const res = await step(w, asset.id, {
    action: 'freeze',
    requestId: w.requests.assetsNld,
    order: orderExpiringIn(w, days, reference),
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

describe('expiry alerts', () => {
  it('raises an alert when the order lapses in 29 days, not in 31, until the clock moves', async () => {
    const soon = await frozenFor(29, 'FRZ-29')
    const later = await frozenFor(31, 'FRZ-31')
    expect(soon.openAlerts).toEqual([
      expect.objectContaining({ daysLeft: 29, status: 'open', orderReference: 'FRZ-29' }),
    ])
    expect(later.openAlerts).toEqual([])
    const ids = (await alerts()).map((a) => a.assetId)
    expect(ids).toContain(soon.id)
    expect(ids).not.toContain(later.id)

    const start = w.clock.now
    w.clock.now = new Date(start.getTime() + 2 * 86_400_000)
    try {
      const result = await sweep()
      expect(result.raised).toBe(1)
      const now = await alerts()
      expect(now.find((a) => a.assetId === later.id)).toMatchObject({ daysLeft: 29, status: 'open' })
      expect(now.find((a) => a.assetId === soon.id)).toMatchObject({ daysLeft: 27 })
    } finally {
      w.clock.now = start
    }
  })

  it('is idempotent: one alert per order and lapse date however often the sweep runs', async () => {
    const asset = await frozenFor(10, 'FRZ-10')
    await sweep()
    const again = await sweep()
    expect(again.raised).toBe(0)
    const rows = await w.db.db.selectFrom('asset_alerts').selectAll().where('asset_id', '=', asset.id).execute()
    expect(rows).toHaveLength(1)
  })

  it('renewing the order clears its alert; the renewed order raises its own when due', async () => {
    const asset = await frozenFor(5, 'FRZ-5')
    expect(asset.openAlerts).toHaveLength(1)
    const renewed = await step(w, asset.id, {
      action: 'renew',
      requestId: w.requests.assetsNld,
      order: orderExpiringIn(w, 25, 'FRZ-5-R'),
    })
    expect(renewed.json().openAlerts).toEqual([expect.objectContaining({ daysLeft: 25, orderReference: 'FRZ-5-R' })])
    const rows = await w.db.db
      .selectFrom('asset_alerts')
      .select(['status', 'lapses_on'])
      .where('asset_id', '=', asset.id)
      .orderBy('raised_at')
      .execute()
    expect(rows.map((r) => r.status).sort()).toEqual(['cleared', 'open'])
    const far = await step(w, asset.id, {
      action: 'renew',
      requestId: w.requests.assetsNld,
      order: orderExpiringIn(w, 180, 'FRZ-5-R2'),
    })
    expect(far.json().openAlerts).toEqual([])
    expect((await alerts()).map((a) => a.assetId)).not.toContain(asset.id)
  })

  it('goes to the owners only: other compartments, States and administrators see none', async () => {
    const asset = await frozenFor(3, 'FRZ-3')
    expect((await alerts()).map((a) => a.assetId)).toContain(asset.id)
    expect((await alerts(w.who.approver)).map((a) => a.assetId)).toContain(asset.id)
    expect(await alerts(w.who.outsider)).toEqual([])
    expect((await w.app.inject({ url: '/api/v1/assets/alerts', headers: w.who.nldFocal })).statusCode).toBe(403)
    expect((await w.app.inject({ url: '/api/v1/assets/alerts', headers: w.who.admin })).statusCode).toBe(403)
  })

  it('an owner acknowledges, then dismisses; an outsider cannot find the alert', async () => {
    const asset = await frozenFor(7, 'FRZ-7')
    const alertId = asset.openAlerts[0].id as string
    const resolve = (resolution: string, as = w.who.owner) =>
      w.app.inject({
        method: 'POST',
        url: `/api/v1/assets/alerts/${alertId}/resolution`,
        headers: as,
        payload: { resolution, note: 'Renewal requested from the State (fictional)' },
      })
    expect((await resolve('acknowledged', w.who.outsider)).statusCode).toBe(404)
    const ack = await resolve('acknowledged')
    expect(ack.json()).toMatchObject({ status: 'acknowledged', resolvedBy: expect.stringContaining('@') })
    expect((await alerts()).find((a) => a.id === alertId)?.status).toBe('acknowledged')
    expect((await resolve('dismissed')).json().status).toBe('dismissed')
    expect((await alerts()).find((a) => a.id === alertId)).toBeUndefined()
    expect((await alerts(w.who.owner, '?status=dismissed')).map((a) => a.id)).toContain(alertId)
    const again = await resolve('acknowledged')
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'ALERT_RESOLVED'])
    // A dismissed alert is not raised again by the sweep for the same order and lapse date.
    await sweep()
    expect((await alerts()).find((a) => a.assetId === asset.id)).toBeUndefined()
  })

  it("runs on the server's timer: a sweep at start, then every interval, until stopped", async () => {
    const asset = await frozenFor(15, 'FRZ-TIMER')
    await w.db.db.deleteFrom('asset_alerts').where('asset_id', '=', asset.id).execute()
    const stop = startPeriodicAlertSweeps(
      systemCtx(w.db.db, { kind: 'system', name: 'timer' }, () => w.clock.now),
      60_000,
    )
    try {
      const alertOf = () => w.db.db.selectFrom('asset_alerts').select('id').where('asset_id', '=', asset.id).execute()
      for (let i = 0; i < 50 && (await alertOf()).length === 0; i++) await new Promise((r) => setTimeout(r, 100))
      expect(await alertOf()).toHaveLength(1)
    } finally {
      stop()
    }
  })

  it('filters the register by orders expiring within N days', async () => {
    const soon = await frozenFor(12, 'FRZ-12')
    const far = await frozenFor(100, 'FRZ-100')
    const res = await w.app.inject({ url: '/api/v1/assets?expiringWithinDays=30', headers: w.who.owner })
    const ids = res.json().items.map((a: { id: string }) => a.id)
    expect(ids).toContain(soon.id)
    expect(ids).not.toContain(far.id)
  })
})
