import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemCtx } from '../../../test/context.ts'
import { createTestDb, type TestDb } from '../../../test/db.ts'
import { AppError } from '../errors.ts'
import { ListStatesQuery } from './states.schemas.ts'
import { correctStateFact, getStateByIso3, listStates } from './states.service.ts'

let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => db.destroy())

const query = (q: Record<string, unknown>) => ListStatesQuery.parse(q)

describe('correctStateFact', () => {
  it('updates the filterable columns and writes the audit event in the same transaction', async () => {
    const ctx = systemCtx(db.db, { kind: 'operator', name: 'admin' })
    await correctStateFact(ctx, {
      iso3: 'kir',
      factKey: 'regional_group',
      value: 'Asia-Pacific',
      note: 'UN groups 2026',
    })
    const page = await listStates(ctx, query({ group: 'Asia-Pacific', q: 'kiribati' }))
    expect(page.items.map((s) => s.iso3)).toEqual(['KIR'])
    const audit = await db.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'state.fact_corrected')
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actor: 'operator:admin', record_type: 'state', record_id: 'KIR' })
  })

  it('refuses a value that does not fit the fact and changes nothing', async () => {
    const ctx = systemCtx(db.db)
    const before = await getStateByIso3(ctx, 'FRA')
    await expect(
      correctStateFact(ctx, { iso3: 'FRA', factKey: 'rome_statute.ratification_date', value: '2000-13-45', note: 'x' }),
    ).rejects.toMatchObject({ code: 'FACT_VALUE_INVALID' })
    await expect(
      correctStateFact(ctx, { iso3: 'FRA', factKey: 'capital', value: 'Paris', note: 'x' }),
    ).rejects.toMatchObject({
      code: 'FACT_NOT_FOUND',
    })
    await expect(
      correctStateFact(ctx, { iso3: 'XXX', factKey: 'regional_group', value: null, note: 'x' }),
    ).rejects.toBeInstanceOf(AppError)
    expect(await getStateByIso3(ctx, 'FRA')).toEqual(before)
  })
})

describe('listStates', () => {
  it('walks every State exactly once through keyset pages, in both languages', async () => {
    const ctx = systemCtx(db.db)
    const total = (await listStates(ctx, query({ limit: 1 }))).total
    for (const lang of ['en', 'fr'] as const) {
      const seen: string[] = []
      let cursor: string | undefined
      do {
        const page = await listStates(ctx, query({ lang, limit: 37, ...(cursor ? { cursor } : {}) }))
        seen.push(...page.items.map((s) => s.iso3))
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      expect(seen).toHaveLength(total)
      expect(new Set(seen).size).toBe(total)
    }
  })

  it('sorts French names without letting accents push them to the end', async () => {
    const page = await listStates(systemCtx(db.db), query({ lang: 'fr', q: 'e', limit: 250 }))
    const names = page.items.map((s) => s.nameFr)
    expect(names.indexOf('Égypte')).toBeGreaterThan(-1)
    expect(names.indexOf('Égypte')).toBeLessThan(names.indexOf('Zambie'))
  })

  it('finds States by either language, ignoring accents and case', async () => {
    const ctx = systemCtx(db.db)
    expect((await listStates(ctx, query({ q: 'pays-bas' }))).items.map((s) => s.iso3)).toEqual(['NLD'])
    expect((await listStates(ctx, query({ q: 'COTE D IVOIRE' }))).items.map((s) => s.iso3)).toEqual(['CIV'])
    expect((await listStates(ctx, query({ q: 'Allemagne' }))).items.map((s) => s.iso3)).toEqual(['DEU'])
  })

  it('treats LIKE wildcards in a search as plain characters', async () => {
    const ctx = systemCtx(db.db)
    expect((await listStates(ctx, query({ q: '%' }))).total).toBe(0)
    expect((await listStates(ctx, query({ q: '_' }))).total).toBe(0)
  })

  it('filters by agreement kind, APIC status and party status together', async () => {
    const ctx = systemCtx(db.db)
    const page = await listStates(ctx, query({ agreement: 'interim_release', limit: 250 }))
    expect(page.items.map((s) => s.iso3)).toContain('BEL')
    expect(page.items.every((s) => s.agreementKinds.includes('interim_release'))).toBe(true)
    const notParties = await listStates(ctx, query({ party: 'false', limit: 250 }))
    expect(notParties.items.every((s) => s.romeStatus !== 'party')).toBe(true)
    const apicParties = await listStates(ctx, query({ apic: 'party', party: 'true', limit: 250 }))
    expect(apicParties.total).toBeGreaterThan(50)
    expect(apicParties.items.every((s) => s.apicStatus === 'party' && s.romeStatus === 'party')).toBe(true)
  })

  it('rejects a cursor it did not issue', async () => {
    await expect(listStates(systemCtx(db.db), query({ cursor: 'bm90LWEtY3Vyc29y' }))).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    })
  })
})
