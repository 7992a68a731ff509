import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { localInstant, parseDay, parseTime, showDay } from '../src/web/components/date-field.ts'

// The web's date field (src/web/components/DateField.tsx): what a person types, as the API's day.
// Pure functions: run once, not per database.

describe('the date field', () => {
  it('reads dd/mm/yyyy and yyyy-mm-dd as the same day, and writes it back as dd/mm/yyyy', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10)
          const [y, m, d] = iso.split('-') as [string, string, string]
          expect(parseDay(iso)).toBe(iso)
          expect(parseDay(`${d}/${m}/${y}`)).toBe(iso)
          expect(parseDay(` ${Number(d)}.${Number(m)}.${y} `)).toBe(iso)
          expect(showDay(iso)).toBe(`${d}/${m}/${y}`)
          expect(parseDay(showDay(iso))).toBe(iso)
        },
      ),
    )
  })

  it('refuses what is not a day, and takes empty text as no day', () => {
    for (const text of [
      '31/02/2027',
      '29/02/2027',
      '2027-13-01',
      '00/01/2027',
      '01/01/27',
      '1 March 2027',
      '12/2027',
      'x',
    ])
      expect(parseDay(text), text).toBeNull()
    expect(parseDay('29/02/2028')).toBe('2028-02-29')
    expect(parseDay('   ')).toBe('')
    expect(showDay('')).toBe('')
  })

  it('reads a time of day on a 24-hour clock, and refuses what is not one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const hhmm = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`
        expect(parseTime(hhmm)).toBe(hhmm)
        expect(parseTime(`${h}:${String(m).padStart(2, '0')}`)).toBe(hhmm)
        expect(parseTime(` ${h}h${String(m).padStart(2, '0')} `)).toBe(hhmm)
      }),
    )
    expect(parseTime('')).toBe('')
    for (const text of ['24:00', '12:60', '9:5', '9 am', '12', 'noon', '-1:00'])
      expect(parseTime(text), text).toBeNull()
  })

  it("names the instant of a day and time on the browser's clock; a period's end without a time is the day's end", () => {
    const local = (iso: string) => new Date(iso)
    expect(local(localInstant('2027-03-01', '', 'from')).getTime()).toBe(new Date(2027, 2, 1, 0, 0).getTime())
    expect(local(localInstant('2027-03-01', '09:30', 'from')).getTime()).toBe(new Date(2027, 2, 1, 9, 30).getTime())
    expect(local(localInstant('2027-03-01', '', 'until')).getTime()).toBe(
      new Date(2027, 2, 1, 23, 59, 59, 999).getTime(),
    )
    expect(local(localInstant('2027-03-01', '17:00', 'until')).getTime()).toBe(new Date(2027, 2, 1, 17, 0).getTime())
  })
})
