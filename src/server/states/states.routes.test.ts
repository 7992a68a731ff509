import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'

let db: TestDb
let app: FastifyInstance
beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

describe('GET /api/v1/states', () => {
  it('returns the 124 current States Parties with party=true', async () => {
    const res = await app.inject({ url: '/api/v1/states?party=true&limit=250' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.total).toBe(124)
    expect(body.items).toHaveLength(124)
    expect(body.nextCursor).toBeNull()
    expect(body.items.every((s: { romeStatus: string }) => s.romeStatus === 'party')).toBe(true)
    // Hungary's withdrawal took effect on 2026-06-02.
    expect(body.items.map((s: { iso3: string }) => s.iso3)).not.toContain('HUN')
  })

  it('pages with an opaque cursor', async () => {
    const first = (await app.inject({ url: '/api/v1/states?limit=10' })).json()
    expect(first.items).toHaveLength(10)
    const second = (await app.inject({ url: `/api/v1/states?limit=10&cursor=${first.nextCursor}` })).json()
    expect(second.items[0].nameEn > first.items[9].nameEn).toBe(true)
  })

  it('answers an unknown parameter with 400 VALIDATION_FAILED naming it', async () => {
    const res = await app.inject({ url: '/api/v1/states?partyy=true' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
    expect(res.json().error.message).toContain('partyy')
  })

  it('answers an out-of-range limit and a bad enum with 400', async () => {
    expect((await app.inject({ url: '/api/v1/states?limit=0' })).statusCode).toBe(400)
    expect((await app.inject({ url: '/api/v1/states?limit=100000' })).statusCode).toBe(400)
    expect((await app.inject({ url: '/api/v1/states?group=Martians' })).statusCode).toBe(400)
  })
})

describe('GET /api/v1/states/:iso3', () => {
  it('shows the Netherlands with every fact, its sources and verified flags', async () => {
    const res = await app.inject({ url: '/api/v1/states/NLD' })
    expect(res.statusCode).toBe(200)
    const nld = res.json()
    expect(nld).toMatchObject({ iso3: 'NLD', nameEn: 'Netherlands', nameFr: 'Pays-Bas', romeStatus: 'party' })
    const status = nld.facts.find((f: { key: string }) => f.key === 'rome_statute.status')
    expect(status.value).toBe('party')
    expect(status.sourceKeys.length).toBeGreaterThan(0)
    const sourceKeys = new Set(nld.sources.map((s: { key: string }) => s.key))
    for (const fact of nld.facts) for (const key of fact.sourceKeys) expect(sourceKeys.has(key)).toBe(true)
    expect(nld.facts.some((f: { verified: boolean }) => !f.verified)).toBe(true)
    expect(nld.agreements.map((a: { kind: string }) => a.kind)).toContain('headquarters_agreement')
  })

  it('accepts lower-case codes', async () => {
    expect((await app.inject({ url: '/api/v1/states/nld' })).json().iso3).toBe('NLD')
  })

  it('answers 404 STATE_NOT_FOUND for a code that is no State, and 400 for a malformed one', async () => {
    const missing = await app.inject({ url: '/api/v1/states/QQQ' })
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toEqual({ error: { code: 'STATE_NOT_FOUND', message: 'No State with code QQQ' } })
    expect((await app.inject({ url: '/api/v1/states/NL' })).statusCode).toBe(400)
  })
})

describe('GET /api/v1/states/statuses', () => {
  it('gives every State with its ISO numeric code for the map', async () => {
    const body = (await app.inject({ url: '/api/v1/states/statuses' })).json()
    expect(body.items.find((s: { iso3: string }) => s.iso3 === 'NLD')).toEqual({
      iso3: 'NLD',
      isoNumeric: '528',
      romeStatus: 'party',
    })
  })
})
