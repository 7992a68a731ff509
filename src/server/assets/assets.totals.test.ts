import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AssetsWorld, createAsset, createAssetsWorld, destroyAssetsWorld } from '../../../test/assets-world.ts'

// Totals by case and currency, on both databases: exact sums, conversion only with recorded
// rates (each line states its rate, date and source), unconverted currencies listed, never
// dropped, and only the caller's visible assets counted.

let w: AssetsWorld
beforeAll(async () => {
  w = await createAssetsWorld()
  const valued = (amount: string, currency: string, extra: object = {}) =>
    createAsset(w, {
      description: `Asset worth ${amount} ${currency} (fictional)`,
      valuation: { amount, currency, valuedOn: '2026-11-01', basis: 'Valuation (fictional)' },
      ...extra,
    })
  // EUR: 0.10 + 0.20 + 1,000,000.00 (exact; floats would give 1000000.3000000001)
  await valued('0.10', 'EUR')
  await valued('0.20', 'EUR')
  await valued('1000000', 'EUR')
  await valued('150000', 'USD')
  await valued('2500000', 'KES')
  await valued('3000000', 'JPY')
  await createAsset(w, { description: 'Not yet valued (fictional)' })
})
afterAll(async () => destroyAssetsWorld(w))

const totals = async (query: string, as = w.who.owner) => {
  const res = await w.app.inject({ url: `/api/v1/assets/totals?${query}`, headers: as })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}
const rate = (payload: object, as = w.who.owner) =>
  w.app.inject({ method: 'POST', url: '/api/v1/exchange-rates', headers: as, payload })

describe('totals by case and currency', () => {
  it('sums each currency exactly and counts unvalued assets apart', async () => {
    const t = await totals(`caseId=${w.caseId}`)
    expect(t.cases).toHaveLength(1)
    expect(t.cases[0]).toMatchObject({
      caseId: w.caseId,
      unvaluedCount: 1,
      converted: null,
      byCurrency: [
        { currency: 'EUR', amount: '1000000.30', assetCount: 3 },
        { currency: 'JPY', amount: '3000000', assetCount: 1 },
        { currency: 'KES', amount: '2500000.00', assetCount: 1 },
        { currency: 'USD', amount: '150000.00', assetCount: 1 },
      ],
    })
  })

  it('converts only with recorded rates, stating each rate and date; a missing rate leaves the currency unconverted', async () => {
    expect(
      (await rate({ from: 'USD', to: 'EUR', rate: '0.9215', asOf: '2026-11-20', source: 'Fictional central bank' }))
        .statusCode,
    ).toBe(201)
    expect(
      (await rate({ from: 'USD', to: 'EUR', rate: '0.9300', asOf: '2026-11-25', source: 'Fictional central bank' }))
        .statusCode,
    ).toBe(201)
    expect(
      (await rate({ from: 'JPY', to: 'EUR', rate: '0.0062', asOf: '2026-11-25', source: 'Fictional central bank' }))
        .statusCode,
    ).toBe(201)
    // An inverse rate is not used: KES→EUR stays unconverted though EUR→KES is recorded.
    expect(
      (await rate({ from: 'EUR', to: 'KES', rate: '140.5', asOf: '2026-11-25', source: 'Fictional central bank' }))
        .statusCode,
    ).toBe(201)

    const t = await totals(`caseId=${w.caseId}&currency=EUR`)
    const converted = t.cases[0].converted
    expect(converted.currency).toBe('EUR')
    expect(converted.lines).toEqual([
      { from: { amount: '1000000.30', currency: 'EUR' }, to: { amount: '1000000.30', currency: 'EUR' }, rate: null },
      {
        from: { amount: '3000000', currency: 'JPY' },
        to: { amount: '18600.00', currency: 'EUR' },
        rate: expect.objectContaining({ rate: '0.0062', asOf: '2026-11-25', source: 'Fictional central bank' }),
      },
      {
        from: { amount: '150000.00', currency: 'USD' },
        to: { amount: '139500.00', currency: 'EUR' },
        rate: expect.objectContaining({ rate: '0.93', asOf: '2026-11-25' }),
      },
    ])
    expect(converted.unconverted).toEqual([
      {
        amount: '2500000.00',
        currency: 'KES',
        reason: expect.stringMatching(/No KES→EUR rate recorded on or before 2026-11-28/),
      },
    ])
    expect(converted.total).toBe('1158100.30')
  })

  it('uses the latest rate on or before the date asked, and none recorded later', async () => {
    const t = await totals(`caseId=${w.caseId}&currency=EUR&asOf=2026-11-22`)
    const lines = t.cases[0].converted.lines
    expect(lines.find((l: { from: { currency: string } }) => l.from.currency === 'USD')).toMatchObject({
      to: { amount: '138225.00' },
      rate: { rate: '0.9215', asOf: '2026-11-20' },
    })
    expect(t.cases[0].converted.unconverted.map((u: { currency: string }) => u.currency)).toEqual(['JPY', 'KES'])
  })

  it('counts only the assets the caller may see', async () => {
    const outsider = await totals(`caseId=${w.caseId}&currency=EUR`, w.who.outsider)
    expect(outsider.cases).toEqual([])
    const focal = await totals('', w.who.nldFocal)
    expect(focal.cases).toEqual([])
  })
})

describe('exchange rates', () => {
  it('keeps the rate exact, refuses a second rate for the same pair and date, and same-currency pairs', async () => {
    const first = await rate({
      from: 'GBP',
      to: 'EUR',
      rate: '1.1850',
      asOf: '2026-11-27',
      source: 'Fictional central bank',
    })
    expect(first.json()).toMatchObject({
      rate: '1.185',
      from: 'GBP',
      to: 'EUR',
      recordedBy: expect.stringContaining('@'),
    })
    const again = await rate({ from: 'GBP', to: 'EUR', rate: '1.19', asOf: '2026-11-27', source: 'Other' })
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'EXCHANGE_RATE_EXISTS'])
    expect((await rate({ from: 'EUR', to: 'EUR', rate: '1', asOf: '2026-11-27', source: 'x y' })).statusCode).toBe(422)
    expect((await rate({ from: 'GBP', to: 'USD', rate: '0', asOf: '2026-11-27', source: 'x y' })).statusCode).toBe(422)
    expect((await rate({ from: 'GBP', to: 'USD', rate: 1.2, asOf: '2026-11-27', source: 'x y' })).statusCode).toBe(400)
    const list = await w.app.inject({ url: '/api/v1/exchange-rates?from=GBP', headers: w.who.owner })
    expect(list.json().items.map((r: { rate: string }) => r.rate)).toEqual(['1.185'])
    expect((await w.app.inject({ url: '/api/v1/exchange-rates', headers: w.who.nldFocal })).statusCode).toBe(403)
  })
})
