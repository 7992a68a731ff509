import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemCtx } from '../../../test/context.ts'
import { createTestDb, type TestDb } from '../../../test/db.ts'
import { correctStateFact, getStateByIso3 } from '../states/states.service.ts'
import { listPublicWarrants, listRequestTypes, loadReferenceData } from './reference.service.ts'

let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => db.destroy())

async function tableCounts() {
  const count = async (
    table:
      | 'states'
      | 'state_facts'
      | 'agreements'
      | 'reference_sources'
      | 'public_warrants'
      | 'request_types'
      | 'statute_articles',
  ) =>
    Number(
      (
        await db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  return {
    states: await count('states'),
    facts: await count('state_facts'),
    agreements: await count('agreements'),
    sources: await count('reference_sources'),
    warrants: await count('public_warrants'),
    requestTypes: await count('request_types'),
    articles: await count('statute_articles'),
  }
}

describe('loadReferenceData', () => {
  it('loads every State of the world with its Rome Statute status', async () => {
    const parties = await db.db.selectFrom('states').select('iso3').where('rome_status', '=', 'party').execute()
    expect(parties).toHaveLength(124)
    const all = await db.db.selectFrom('states').select(['iso3', 'rome_status']).execute()
    expect(all.length).toBeGreaterThanOrEqual(195)
    // Non-party States are addressable too (article 87(5)).
    expect(all.find((s) => s.iso3 === 'USA')?.rome_status).toBe('signatory')
    expect(all.find((s) => s.iso3 === 'CHN')?.rome_status).toBe('non_party')
    expect(all.find((s) => s.iso3 === 'HUN')?.rome_status).toBe('withdrawn')
  })

  it('never duplicates anything when run again', async () => {
    const before = await tableCounts()
    await loadReferenceData(systemCtx(db.db))
    expect(await tableCounts()).toEqual(before)
  })

  it('keeps an administrator correction through a later reload', async () => {
    const ctx = systemCtx(db.db, { kind: 'operator', name: 'registry-admin' })
    await correctStateFact(ctx, {
      iso3: 'NLD',
      factKey: 'apic.ratification_date',
      value: '2008-07-25',
      note: 'UNTC record',
    })
    await loadReferenceData(systemCtx(db.db))
    const nld = await getStateByIso3(ctx, 'NLD')
    const fact = nld.facts.find((f) => f.key === 'apic.ratification_date')
    expect(fact).toMatchObject({
      value: '2008-07-25',
      origin: 'admin',
      correction: { by: 'registry-admin', note: 'UNTC record' },
    })
  })

  it('records the load in the audit trail', async () => {
    const events = await db.db.selectFrom('audit_events').selectAll().where('action', '=', 'reference.loaded').execute()
    expect(events.length).toBeGreaterThanOrEqual(1)
  })

  it('loads the request types of the Statute and the public warrants with their sources', async () => {
    const ctx = systemCtx(db.db)
    const types = await listRequestTypes(ctx)
    expect(types.map((t) => t.code)).toEqual(expect.arrayContaining(['ARREST_AND_SURRENDER', 'IDENTIFY_LOCATE']))
    expect(types.find((t) => t.ref === '93(1)(k)')).toBeDefined()
    const warrants = await listPublicWarrants(ctx)
    const kony = warrants.find((w) => w.personName === 'Joseph Kony')
    expect(kony?.isAtLarge).toBe(true)
    expect(kony?.sources.length).toBeGreaterThan(0)
    expect(warrants.some((w) => !w.verified)).toBe(true)
  })
})
