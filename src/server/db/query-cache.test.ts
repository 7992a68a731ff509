import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../../test/db.ts'
import { executeCached, ID_VALUE, NOW_VALUE, placeholder } from './query-cache.ts'

let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => db.destroy())

// States that joined before a date, by ISO3: the date and the id are filled in per execution.
const joinedBefore = (key: unknown[], now: string, id?: string) =>
  executeCached(
    db.db,
    key,
    () => {
      let q = db.db.selectFrom('states').select('iso3').where('iso3', '<', NOW_VALUE).orderBy('iso3')
      if (id !== undefined) q = q.where('iso3', '=', ID_VALUE)
      return q
    },
    { now, ...(id === undefined ? {} : { id }) },
  )

describe('executeCached', () => {
  it('fills in this execution’s values, not those of the execution that compiled it', async () => {
    const first = await joinedBefore(['k1'], 'B')
    const second = await joinedBefore(['k1'], 'D')
    expect(first.every((r) => r.iso3 < 'B')).toBe(true)
    expect(second.some((r) => r.iso3.startsWith('C'))).toBe(true)
    expect(await joinedBefore(['k2'], 'Z', 'NLD')).toEqual([{ iso3: 'NLD' }])
    expect(await joinedBefore(['k2'], 'Z', 'FRA')).toEqual([{ iso3: 'FRA' }])
  })

  it('compiles once per key: a different query under the same key is the caller’s mistake, and shows', async () => {
    await joinedBefore(['k3'], 'Z', 'NLD')
    // Same key, different builder: the cached statement runs (that is what the key promises).
    const rows = await executeCached(db.db, ['k3'], () => db.db.selectFrom('states').select('iso3'), {
      now: 'Z',
      id: 'FRA',
    })
    expect(rows).toEqual([{ iso3: 'FRA' }])
  })

  it('refuses to run a cached query without the values it stands for', async () => {
    await expect(joinedBefore(['k4'], undefined as unknown as string)).rejects.toThrow(/uses "now" but no value/)
  })

  it('fills named placeholders, a null included, and refuses one left out', async () => {
    const byName = (values: Record<string, unknown>) =>
      executeCached(
        db.db,
        ['k5'],
        () =>
          db.db
            .selectFrom('states')
            .select('iso3')
            .where((eb) =>
              eb.or([
                eb('iso3', '=', placeholder('first')),
                eb('iso3', '=', eb.fn.coalesce(eb.val(placeholder('second')), eb.val('FRA'))),
              ]),
            )
            .orderBy('iso3'),
        values,
      )
    expect(await byName({ first: 'NLD', second: 'DEU' })).toEqual([{ iso3: 'DEU' }, { iso3: 'NLD' }])
    expect(await byName({ first: 'NLD', second: null })).toEqual([{ iso3: 'FRA' }, { iso3: 'NLD' }])
    await expect(byName({ first: 'NLD' })).rejects.toThrow(/uses "second" but no value/)
  })
})
