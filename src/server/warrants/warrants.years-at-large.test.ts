import { describe, expect, it } from 'vitest'
import { approximateDate, computeYearsAtLarge, type WarrantForYears } from './warrants.years-at-large.ts'

const today = new Date('2026-11-28T12:00:00Z')
const warrant = (w: Partial<WarrantForYears>): WarrantForYears => ({
  kind: 'arrest_warrant',
  status: 'at_large',
  issuedOn: null,
  issuedText: null,
  history: [],
  ...w,
})

describe('years at large', () => {
  it('counts from the warrant to today while the person is at large', () => {
    const y = computeYearsAtLarge([warrant({ issuedOn: '2016-11-28' })], today)
    expect(y).toEqual({
      years: 10,
      since: '2016-11-28',
      until: null,
      isAtLarge: true,
      isApplicable: true,
      isApproximate: false,
    })
  })

  it('uses 1 January of the year, and says so, when the source gives only a year', () => {
    const y = computeYearsAtLarge([warrant({ issuedText: '2005 (July 2005 per Channel 4)' })], today)
    expect(y.since).toBe('2005-01-01')
    expect(y.isApproximate).toBe(true)
    expect(y.years).toBe(21.9)
    expect(approximateDate(null, 'June 2011')).toEqual({ date: '2011-01-01', isApproximate: true })
  })

  it('starts at the earliest of several warrants', () => {
    const y = computeYearsAtLarge([warrant({ issuedOn: '2010-07-12' }), warrant({ issuedOn: '2009-03-04' })], today)
    expect(y.since).toBe('2009-03-04')
  })

  it('stops at the arrest, surrender or death', () => {
    const y = computeYearsAtLarge(
      [
        warrant({
          issuedOn: '2020-01-01',
          status: 'surrendered',
          history: [
            { status: 'at_large', occurredOn: '2020-01-01', occurredText: null },
            { status: 'arrested', occurredOn: '2022-07-01', occurredText: null },
            { status: 'surrendered', occurredOn: null, occurredText: 'December 2022' },
          ],
        }),
      ],
      today,
    )
    // The arrest ends the count, not the later surrender (known only to the year).
    expect(y).toMatchObject({ until: '2022-07-01', isAtLarge: false, isApproximate: false, years: 2.4 })
  })

  it('counts again from the start after an escape: the end is the last arrest', () => {
    const y = computeYearsAtLarge(
      [
        warrant({
          issuedOn: '2010-01-01',
          status: 'arrested',
          history: [
            { status: 'at_large', occurredOn: '2010-01-01', occurredText: null },
            { status: 'arrested', occurredOn: '2012-01-01', occurredText: null },
            { status: 'at_large', occurredOn: '2012-06-01', occurredText: null },
            { status: 'arrested', occurredOn: '2020-01-01', occurredText: null },
          ],
        }),
      ],
      today,
    )
    // Ten calendar years are 3,652 days: 9.99 years, rounded down to tenths.
    expect(y).toMatchObject({ since: '2010-01-01', until: '2020-01-01', years: 9.9 })
  })

  it('is still counting while any arrest warrant remains at large', () => {
    const y = computeYearsAtLarge(
      [
        warrant({ issuedOn: '2015-01-01', status: 'warrant_withdrawn', history: [] }),
        warrant({ issuedOn: '2018-01-01' }),
      ],
      today,
    )
    expect(y).toMatchObject({ since: '2015-01-01', until: null, isAtLarge: true })
  })

  it('gives no figure rather than a guess when a date is unknown', () => {
    expect(computeYearsAtLarge([warrant({})], today).years).toBeNull()
    const endUnknown = computeYearsAtLarge(
      [
        warrant({
          issuedOn: '2015-01-01',
          status: 'deceased',
          history: [{ status: 'deceased', occurredOn: null, occurredText: null }],
        }),
      ],
      today,
    )
    expect(endUnknown).toMatchObject({ years: null, since: '2015-01-01', isAtLarge: false })
  })

  it('does not count summonses to appear (a summoned person is not sought by arrest)', () => {
    const y = computeYearsAtLarge(
      [warrant({ kind: 'summons_to_appear', status: 'summoned', issuedOn: '2020-01-01' })],
      today,
    )
    expect(y).toMatchObject({ years: null, isAtLarge: false, isApplicable: false })
  })

  it('never goes negative for a warrant dated after its end', () => {
    const y = computeYearsAtLarge(
      [
        warrant({
          issuedOn: '2025-07-10',
          status: 'arrested',
          history: [{ status: 'arrested', occurredOn: '2025-07-01', occurredText: null }],
        }),
      ],
      today,
    )
    expect(y.years).toBe(0)
  })
})
