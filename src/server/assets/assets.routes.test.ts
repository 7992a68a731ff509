import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AssetsWorld,
  createAsset,
  createAssetsWorld,
  destroyAssetsWorld,
  orderExpiringIn,
  step,
} from '../../../test/assets-world.ts'
import { ASSET_STAGES, LATER_ACTIONS, STEPS, type StepAction } from './assets.lifecycle.ts'
import type { AssetStage } from './assets.table.ts'

// The life cycle through the API on both databases: every step from every stage (expected
// answers written here, independently of the table), the request each step rests on, the order
// and its expiry, renewals kept in history, valuations, claims and need-to-know.

let w: AssetsWorld
beforeAll(async () => {
  w = await createAssetsWorld()
})
afterAll(async () => destroyAssetsWorld(w))

// Written out by hand from docs/assets.md, not derived from STEPS.
const EXPECTED: Record<AssetStage, StepAction[]> = {
  identified: ['trace', 'freeze'],
  traced: ['freeze', 'seize'],
  frozen: ['seize', 'renew', 'forfeit', 'release'],
  seized: ['renew', 'forfeit', 'release'],
  forfeited: [],
  released: [],
}

/** A valid body for `action` on an asset in NLD. */
function bodyFor(action: StepAction) {
  const rule = STEPS[action]
  const requestId = action === 'forfeit' ? w.requests.forfeitureNld : w.requests.assetsNld
  // A renewal extends the order in force (90 days from the path's freezing or seizure).
  const order = orderExpiringIn(w, action === 'renew' ? 180 : 90, `ORD-${action}`)
  return {
    action,
    requestId,
    ...(rule.isOrderRequired ? { order: rule.isExpiryRequired ? order : { ...order, expiresOn: null } } : {}),
  }
}

/** An asset put in `stage` by its steps (all valid). */
async function assetIn(stage: AssetStage): Promise<string> {
  const asset = await createAsset(w)
  const path: Record<AssetStage, StepAction[]> = {
    identified: [],
    traced: ['trace'],
    frozen: ['freeze'],
    seized: ['trace', 'seize'],
    forfeited: ['freeze', 'forfeit'],
    released: ['freeze', 'release'],
  }
  for (const action of path[stage]) {
    const res = await step(w, asset.id, bodyFor(action))
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200)
  }
  return asset.id
}

describe('recording an asset (identification)', () => {
  it('records it confidential in the case compartment, identified, with its first step and valuation', async () => {
    const asset = await createAsset(w, {
      valuation: { amount: '1250000.50', currency: 'EUR', valuedOn: '2026-11-01', basis: 'Bank statement (fictional)' },
    })
    expect(asset).toMatchObject({
      stage: 'identified',
      classification: 'confidential',
      compartment: 'CASE-AS',
      purposes: ['reparations', 'forfeiture'],
      value: { amount: '1250000.50', currency: 'EUR', valuedOn: '2026-11-01' },
    })
    expect(asset.steps).toEqual([expect.objectContaining({ action: 'identify', toStage: 'identified', request: null })])
    expect(asset.allowedSteps.map((s: { action: string }) => s.action)).toEqual(EXPECTED.identified)
  })

  it('may rest identification on a 93(1)(k) request, checked like any step', async () => {
    const ok = await createAsset(w, { identification: { requestId: w.requests.assetsNld } })
    expect(ok.steps[0].request).toMatchObject({
      id: w.requests.assetsNld,
      requestType: 'ASSETS_IDENTIFY_TRACE_FREEZE_SEIZE',
    })
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/v1/assets',
      headers: w.who.owner,
      payload: {
        caseId: w.caseId,
        kind: 'cash',
        description: 'Cash (fictional)',
        jurisdiction: 'NLD',
        identification: { requestId: w.requests.arrestNld },
      },
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('ASSET_REQUEST_INVALID')
  })

  it('refuses a jurisdiction that is not a State, an amount with too many decimals and a float', async () => {
    const base = { caseId: w.caseId, kind: 'cash', description: 'Cash (fictional)' }
    const post = (payload: object) =>
      w.app.inject({ method: 'POST', url: '/api/v1/assets', headers: w.who.owner, payload: { ...base, ...payload } })
    const noState = await post({ jurisdiction: 'ZZZ' })
    expect([noState.statusCode, noState.json().error.code]).toEqual([422, 'RECORD_INVALID'])
    const decimals = await post({
      jurisdiction: 'NLD',
      valuation: { amount: '10.5', currency: 'JPY', valuedOn: '2026-11-01', basis: 'Estimate (fictional)' },
    })
    expect([decimals.statusCode, decimals.json().error.code]).toEqual([422, 'AMOUNT_INVALID'])
    const float = await post({
      jurisdiction: 'NLD',
      valuation: { amount: 10.5, currency: 'EUR', valuedOn: '2026-11-01', basis: 'Estimate (fictional)' },
    })
    expect(float.statusCode).toBe(400)
  })

  it('refuses the case of another compartment as not found, and non-Court callers by policy', async () => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/v1/assets',
      headers: w.who.owner,
      payload: { caseId: w.otherCaseId, kind: 'cash', description: 'Cash (fictional)', jurisdiction: 'NLD' },
    })
    expect(res.statusCode).toBe(404)
    const focal = await w.app.inject({
      method: 'POST',
      url: '/api/v1/assets',
      headers: w.who.nldFocal,
      payload: { caseId: w.caseId, kind: 'cash', description: 'Cash (fictional)', jurisdiction: 'NLD' },
    })
    expect(focal.statusCode).toBe(403)
  })
})

describe('life-cycle steps', () => {
  for (const stage of ASSET_STAGES) {
    for (const action of LATER_ACTIONS) {
      const isAllowed = EXPECTED[stage].includes(action)
      it(`${stage} + ${action} → ${isAllowed ? 'allowed' : '409 with the allowed steps'}`, async () => {
        const id = await assetIn(stage)
        const res = await step(w, id, bodyFor(action))
        if (isAllowed) {
          expect(res.statusCode, res.body).toBe(200)
          const asset = res.json()
          expect(asset.stage).toBe(action === 'renew' ? stage : STEPS[action].to)
          expect(asset.steps.at(-1)).toMatchObject({ action, fromStage: stage })
        } else {
          expect(res.statusCode).toBe(409)
          expect(res.json().error).toMatchObject({
            code: 'ASSET_STEP_NOT_ALLOWED',
            details: { stage, allowed: EXPECTED[stage] },
          })
          expect((await w.app.inject({ url: `/api/v1/assets/${id}`, headers: w.who.owner })).json().stage).toBe(stage)
        }
      })
    }
  }

  it('records the request and the order of a freezing, and the order in force with its expiry', async () => {
    const id = await assetIn('identified')
    const order = orderExpiringIn(w, 120, 'FRZ-2026-7')
    const res = await step(w, id, {
      action: 'freeze',
      requestId: w.requests.assetsNld,
      order,
      note: 'Fictional freezing',
    })
    expect(res.statusCode).toBe(200)
    const asset = res.json()
    expect(asset).toMatchObject({ stage: 'frozen', orderExpiresOn: order.expiresOn, daysToExpiry: 120 })
    expect(asset.steps.at(-1)).toMatchObject({
      request: { id: w.requests.assetsNld, addressee: 'NLD', requestType: 'ASSETS_IDENTIFY_TRACE_FREEZE_SEIZE' },
      order: {
        issuingAuthority: order.issuingAuthority,
        reference: 'FRZ-2026-7',
        date: order.date,
        expiresOn: order.expiresOn,
      },
    })
  })

  it('refuses a step on a request of another type, invisible, untransmitted or addressed to another State', async () => {
    const id = await assetIn('identified')
    const order = orderExpiringIn(w, 90)
    const cases: [string | undefined, RegExp][] = [
      [undefined, /give its requestId/],
      [w.requests.arrestNld, /ARREST_AND_SURRENDER request/],
      [w.requests.assetsOtherCase, /that you may see/],
      ['no-such-request', /that you may see/],
      [w.requests.assetsNldDraft, /not been transmitted/],
      [w.requests.assetsKen, /addressed to KEN/],
      [w.requests.forfeitureNld, /FINES_FORFEITURE_REPARATIONS_ENFORCEMENT request/],
    ]
    for (const [requestId, message] of cases) {
      const res = await step(w, id, { action: 'freeze', ...(requestId ? { requestId } : {}), order })
      expect(res.statusCode, String(requestId)).toBe(422)
      expect(res.json().error.code).toBe('ASSET_REQUEST_INVALID')
      expect(res.json().error.message).toMatch(message)
    }
    expect((await w.app.inject({ url: `/api/v1/assets/${id}`, headers: w.who.owner })).json().stage).toBe('identified')
  })

  it('accepts an article 109 request for forfeiture', async () => {
    const id = await assetIn('seized')
    const res = await step(w, id, { ...bodyFor('forfeit'), requestId: w.requests.forfeitureNld })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ stage: 'forfeited', orderExpiresOn: null })
  })

  it('requires the order, its expiry for freezing and seizure, and no expiry for forfeiture', async () => {
    const id = await assetIn('identified')
    const noOrder = await step(w, id, { action: 'freeze', requestId: w.requests.assetsNld })
    expect(noOrder.json().error.code).toBe('ASSET_STEP_INVALID')
    const noExpiry = await step(w, id, {
      action: 'freeze',
      requestId: w.requests.assetsNld,
      order: { ...orderExpiringIn(w, 10), expiresOn: null },
    })
    expect([noExpiry.statusCode, noExpiry.json().error.message]).toEqual([422, expect.stringMatching(/expiry date/)])
    const before = await step(w, id, {
      action: 'freeze',
      requestId: w.requests.assetsNld,
      order: { ...orderExpiringIn(w, 10), expiresOn: '2020-01-01' },
    })
    expect(before.statusCode).toBe(422)
    const frozen = await assetIn('frozen')
    const forfeitWithExpiry = await step(w, frozen, {
      action: 'forfeit',
      requestId: w.requests.assetsNld,
      order: orderExpiringIn(w, 10),
    })
    expect([forfeitWithExpiry.statusCode, forfeitWithExpiry.json().error.code]).toEqual([422, 'ASSET_STEP_INVALID'])
  })

  it('keeps every renewal in the history and refuses one that does not extend the order', async () => {
    const id = await assetIn('identified')
    await step(w, id, { action: 'freeze', requestId: w.requests.assetsNld, order: orderExpiringIn(w, 20, 'FRZ-1') })
    const shorter = await step(w, id, {
      action: 'renew',
      requestId: w.requests.assetsNld,
      order: orderExpiringIn(w, 10, 'FRZ-2'),
    })
    expect([shorter.statusCode, shorter.json().error.code]).toEqual([422, 'ASSET_STEP_INVALID'])
    const renewed = await step(w, id, {
      action: 'renew',
      requestId: w.requests.assetsNld,
      order: orderExpiringIn(w, 200, 'FRZ-2'),
    })
    expect(renewed.statusCode).toBe(200)
    const asset = renewed.json()
    expect(asset.stage).toBe('frozen')
    expect(asset.daysToExpiry).toBe(200)
    expect(
      asset.steps.map((s: { action: string; order: { reference: string } | null }) => [
        s.action,
        s.order?.reference ?? null,
      ]),
    ).toEqual([
      ['identify', null],
      ['freeze', 'FRZ-1'],
      ['renew', 'FRZ-2'],
    ])
  })

  it('a release lifts the order: no order in force, no step after it', async () => {
    const id = await assetIn('seized')
    const res = await step(w, id, { ...bodyFor('release'), note: 'Bona fide third party claim upheld (fictional)' })
    expect(res.json()).toMatchObject({ stage: 'released', orderExpiresOn: null, allowedSteps: [] })
  })

  it('lets only the compartment record steps; others get 404 or 403', async () => {
    const id = await assetIn('identified')
    expect((await step(w, id, bodyFor('trace'), w.who.outsider)).statusCode).toBe(404)
    expect((await step(w, id, bodyFor('trace'), w.who.nldFocal)).statusCode).toBe(403)
    expect((await step(w, id, bodyFor('trace'), w.who.approver)).statusCode).toBe(200)
  })
})

describe('valuations and third-party claims', () => {
  it('keeps the valuation history and shows the latest by date as the value', async () => {
    const asset = await createAsset(w)
    const value = (amount: string, valuedOn: string, currency = 'EUR') =>
      w.app.inject({
        method: 'POST',
        url: `/api/v1/assets/${asset.id}/valuations`,
        headers: w.who.owner,
        payload: { amount, currency, valuedOn, basis: 'Expert valuation (fictional)' },
      })
    expect((await value('100000', '2026-10-01')).statusCode).toBe(200)
    expect((await value('98000.25', '2026-11-15')).statusCode).toBe(200)
    const late = await value('50000', '2026-09-01')
    expect(late.json().value).toEqual({ amount: '98000.25', currency: 'EUR', valuedOn: '2026-11-15' })
    expect(late.json().valuations.map((v: { amount: string }) => v.amount)).toEqual([
      '50000.00',
      '100000.00',
      '98000.25',
    ])
    expect((await value('1', '2027-01-01')).statusCode).toBe(422)
  })

  it('records a claim as pending and its decision', async () => {
    const asset = await createAsset(w)
    const lodged = await w.app.inject({
      method: 'POST',
      url: `/api/v1/assets/${asset.id}/claims`,
      headers: w.who.owner,
      payload: {
        claimant: 'Fictional Bank plc',
        nature: 'Mortgage (bona fide)',
        amount: '40000',
        currency: 'EUR',
        lodgedOn: '2026-11-20',
      },
    })
    expect(lodged.statusCode).toBe(200)
    const claim = lodged.json().claims[0]
    expect(claim).toMatchObject({ status: 'pending', amount: '40000.00', currency: 'EUR' })
    const decided = await w.app.inject({
      method: 'PATCH',
      url: `/api/v1/assets/${asset.id}/claims/${claim.id}`,
      headers: w.who.owner,
      payload: { status: 'upheld', note: 'Decision of the Chamber (fictional)' },
    })
    expect(decided.json().claims[0]).toMatchObject({
      status: 'upheld',
      statusNote: 'Decision of the Chamber (fictional)',
    })
    const halfAmount = await w.app.inject({
      method: 'POST',
      url: `/api/v1/assets/${asset.id}/claims`,
      headers: w.who.owner,
      payload: { claimant: 'X (fictional)', nature: 'Ownership', amount: '5', lodgedOn: '2026-11-20' },
    })
    expect([halfAmount.statusCode, halfAmount.json().error.code]).toEqual([422, 'AMOUNT_INVALID'])
  })
})

describe('need-to-know', () => {
  it('lists and reads assets through the visibility rule; invisible is not found', async () => {
    const asset = await createAsset(w, { description: 'Villa on a fictional coast (fictional)', kind: 'real_estate' })
    const mine = await w.app.inject({ url: `/api/v1/assets?caseId=${w.caseId}&kind=real_estate`, headers: w.who.owner })
    expect(mine.json().items.map((a: { id: string }) => a.id)).toContain(asset.id)
    for (const who of [w.who.outsider, w.who.nldFocal, w.who.admin]) {
      const list = await w.app.inject({ url: '/api/v1/assets?kind=real_estate', headers: who })
      expect(list.statusCode).toBe(200)
      expect(list.json().items).toEqual([])
      expect((await w.app.inject({ url: `/api/v1/assets/${asset.id}`, headers: who })).statusCode).toBe(404)
    }
    expect((await w.app.inject({ url: '/api/v1/assets' })).statusCode).toBe(401)
  })

  it('lets an organisation named on the asset (the Trust Fund for Victims) know it, not record its life', async () => {
    const named = await createAsset(w, { description: 'Named to the TFV (fictional)', namedOrganisations: ['ICC-TFV'] })
    const other = await createAsset(w, { description: 'Not named (fictional)' })
    const list = (await w.app.inject({ url: '/api/v1/assets?limit=200', headers: w.who.tfv })).json()
    expect(list.items.map((a: { id: string }) => a.id)).toEqual([named.id])
    const read = await w.app.inject({ url: `/api/v1/assets/${named.id}`, headers: w.who.tfv })
    expect(read.json()).toMatchObject({ canRecord: false, allowedSteps: [] })
    expect((await w.app.inject({ url: `/api/v1/assets/${other.id}`, headers: w.who.tfv })).statusCode).toBe(404)
    expect((await step(w, named.id, bodyFor('trace'), w.who.tfv)).statusCode).toBe(403)
    expect((await w.app.inject({ url: '/api/v1/assets/alerts', headers: w.who.tfv })).json().items).toEqual([])
    const unknown = await w.app.inject({
      method: 'POST',
      url: '/api/v1/assets',
      headers: w.who.owner,
      payload: {
        caseId: w.caseId,
        kind: 'cash',
        description: 'Cash (fictional)',
        jurisdiction: 'NLD',
        namedOrganisations: ['NO-SUCH-ORG'],
      },
    })
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([422, 'RECORD_INVALID'])
  })

  it('audits the read of a non-public asset', async () => {
    const asset = await createAsset(w)
    await w.app.inject({ url: `/api/v1/assets/${asset.id}`, headers: w.who.owner })
    const events = await w.db.db.selectFrom('audit_events').select('action').where('record_id', '=', asset.id).execute()
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['asset.created', 'asset.read']))
  })

  it('filters by stage, purpose and jurisdiction and pages by keyset without repeats', async () => {
    const ids = new Set<string>()
    let cursor: string | null = null
    do {
      const url: string = `/api/v1/assets?limit=3&jurisdiction=NLD${cursor ? `&cursor=${cursor}` : ''}`
      const res = await w.app.inject({ url, headers: w.who.owner })
      expect(res.statusCode).toBe(200)
      for (const a of res.json().items) {
        expect(ids.has(a.id)).toBe(false)
        ids.add(a.id)
      }
      cursor = res.json().nextCursor
    } while (cursor)
    expect(ids.size).toBeGreaterThan(10)
    const frozen = await w.app.inject({ url: '/api/v1/assets?stage=frozen&purpose=reparations', headers: w.who.owner })
    for (const a of frozen.json().items) {
      expect(a.stage).toBe('frozen')
      expect(a.purposes).toContain('reparations')
    }
    const bad = await w.app.inject({ url: '/api/v1/assets?cursor=garbage', headers: w.who.owner })
    expect(bad.statusCode).toBe(400)
  })
})
