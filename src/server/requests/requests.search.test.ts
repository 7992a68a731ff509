import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'
import { parseSearchTerms } from './requests.search.ts'

// Full-text search through the API, on both databases: English and French words, accents folded,
// reference numbers, relevance pages, and never a request (nor a count) the caller cannot see.

let db: TestDb
let app: FastifyInstance
const who: Record<string, Record<string, string>> = {}
const ids: Record<string, { id: string; reference: string }> = {}

async function draft(as: string, compartment: string, fields: object) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: who[as],
    payload: {
      requestType: 'ARREST_AND_SURRENDER',
      classification: 'confidential',
      addressees: ['NLD'],
      compartment,
      ...fields,
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  const item = res.json().items[0]
  return { id: item.id as string, reference: item.reference as string }
}

const search = async (as: string, query: Record<string, string>) => {
  const res = await app.inject({ url: '/api/v1/requests', query, headers: who[as] })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { items: { id: string }[]; nextCursor: string | null }
}

beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
  who.a = (await createUserWithToken(db.db, { orgCode: 'ICC-OTP', role: 'officer', compartments: ['SRCH-A'] })).headers
  who.b = (await createUserWithToken(db.db, { orgCode: 'ICC-OTP', role: 'officer', compartments: ['SRCH-B'] })).headers
  ids.warrant = await draft('a', 'SRCH-A', {
    summary: "Mandat d'arrêt contre le suspect (fictif)",
    facts: 'Les faits se sont déroulés à Bunia en 2003.',
    assistanceSought: 'Arrest and surrender of the person to the Court.',
  })
  ids.assets = await draft('a', 'SRCH-A', {
    summary: 'Freezing of assets held in banks (fictional)',
    facts: 'Accounts opened under several names.',
  })
  ids.hidden = await draft('b', 'SRCH-B', { summary: 'Zanzibarquux operation (fictional, compartment B)' })
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

describe('full-text search (q)', () => {
  it('finds French words with or without accents', async () => {
    for (const q of ["mandat d'arret", "MANDAT D'ARRÊT", 'deroules bunia']) {
      const page = await search('a', { q })
      expect(
        page.items.map((i) => i.id),
        q,
      ).toEqual([ids.warrant?.id])
      expect(page.nextCursor).toBeNull()
    }
  })

  it('finds English words, as prefixes too', async () => {
    expect((await search('a', { q: 'surrender' })).items.map((i) => i.id)).toEqual([ids.warrant?.id])
    expect((await search('a', { q: 'bank freez' })).items.map((i) => i.id)).toEqual([ids.assets?.id])
  })

  it('finds a request by its reference number, first', async () => {
    const ref = ids.assets?.reference as string
    const page = await search('a', { q: ref })
    expect(page.items[0]?.id).toBe(ids.assets?.id)
    expect(page.items.map((i) => i.id)).not.toContain(ids.warrant?.id)
  })

  it('never returns nor counts a request the caller cannot see', async () => {
    const page = await search('a', { q: 'zanzibarquux' })
    expect(page).toMatchObject({ items: [], nextCursor: null })
    const counts = await app.inject({ url: '/api/v1/requests/counts', query: { q: 'zanzibarquux' }, headers: who.a })
    expect(counts.json()).toMatchObject({ total: 0, byStatus: [] })
    expect((await search('b', { q: 'zanzibarquux' })).items.map((i) => i.id)).toEqual([ids.hidden?.id])
    expect((await search('b', { q: 'mandat' })).items).toEqual([])
  })

  it('keeps the index in step with a changed draft', async () => {
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/requests/${ids.assets?.id}`,
      headers: who.a,
      payload: { summary: 'Gel des avoirs détenus (fictif)' },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect((await search('a', { q: 'avoirs detenus' })).items.map((i) => i.id)).toEqual([ids.assets?.id])
    expect((await search('a', { q: 'freezing' })).items).toEqual([])
  })

  it('combines q with the list filters and pages through results by relevance', async () => {
    expect((await search('a', { q: 'fictif', addressee: 'KEN' })).items).toEqual([])
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: Awaited<ReturnType<typeof search>> = await search('a', {
        q: 'fictif',
        limit: '1',
        ...(cursor ? { cursor } : {}),
      })
      seen.push(...page.items.map((i) => i.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen.sort()).toEqual([ids.warrant?.id, ids.assets?.id].sort())
  })

  it('never fails on hostile input: query syntax of either engine is only text', async () => {
    const hostile = [
      '"',
      '*',
      'NEAR(',
      'NEAR(a b)',
      'OR',
      'a OR',
      '-',
      '-mandat',
      ':',
      'reference:mandat',
      "'",
      '(((',
      '!&|',
      'mandat:*',
      '^',
      '\\',
      '{}',
      'AND NOT',
      '%_',
      'é́́́',
      '🙂',
      'a'.repeat(500),
    ]
    for (const q of hostile) {
      const res = await app.inject({ url: '/api/v1/requests', query: { q }, headers: who.a })
      expect(res.statusCode, `${q}: ${res.body}`).toBe(200)
      const counts = await app.inject({ url: '/api/v1/requests/counts', query: { q }, headers: who.a })
      expect(counts.statusCode, `${q}: ${counts.body}`).toBe(200)
    }
  })
})

describe('full-text search over messages', () => {
  // Every user who may see a request reads its whole thread (messages.service.ts): a message's
  // words make the request match exactly for those, and for no one else.
  let requestId = ''
  const post = async (as: string, body: string) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${requestId}/messages`,
      headers: who[as],
      payload: { body },
    })
    expect(res.statusCode, res.body).toBe(201)
  }
  const step = async (as: string, action: string) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${requestId}/transitions`,
      headers: who[as],
      payload: { action },
    })
    expect(res.statusCode, res.body).toBe(200)
  }
  const found = async (as: string, q: string) => (await search(as, { q })).items.map((i) => i.id)

  beforeAll(async () => {
    who.approver = (
      await createUserWithToken(db.db, { orgCode: 'ICC-OTP', role: 'approver', compartments: ['SRCH-A'] })
    ).headers
    who.registry = (
      await createUserWithToken(db.db, { orgCode: 'ICC-REGISTRY', role: 'officer', compartments: ['SRCH-A'] })
    ).headers
    who.nldFocal = (await createUserWithToken(db.db, { orgCode: 'NLD', role: 'focal-point' })).headers
    who.nldOfficer = (await createUserWithToken(db.db, { orgCode: 'NLD', role: 'officer' })).headers
    who.kenFocal = (await createUserWithToken(db.db, { orgCode: 'KEN', role: 'focal-point' })).headers
    requestId = (
      await draft('a', 'SRCH-A', {
        requestType: 'PROVIDE_RECORDS',
        summary: 'Records of a registry office (fictional)',
        facts: 'Fictional facts.',
        assistanceSought: 'Copies of the records.',
        legalBasis: 'Article 93(1)(i)',
      })
    ).id
  })

  it("finds a request by its messages' English and French words, accents folded", async () => {
    await post('a', 'The witness statements were couriered to the embassy in Quxtonburg (fictional).')
    await post('a', 'Les pièces ont été déposées au greffe de Zébrovnik (fictif).')
    for (const q of ['couriered embass', 'quxtonburg', 'zebrovnik', 'ZÉBROVNIK', 'pieces deposees greffe'])
      expect(await found('a', q), q).toEqual([requestId])
  })

  it('never lets a message make a request match for someone who cannot read the thread', async () => {
    // Before transmission the thread is the Court's: the addressee sees neither it nor the request.
    for (const as of ['b', 'nldFocal', 'nldOfficer', 'kenFocal']) {
      expect(await found(as, 'quxtonburg'), as).toEqual([])
      const thread = await app.inject({ url: `/api/v1/requests/${requestId}/messages`, headers: who[as] })
      expect(thread.statusCode, as).toBe(404)
    }
    await step('approver', 'approve')
    await step('registry', 'transmit')
    // Transmitted: the focal point reads the thread, so the words find the request for it.
    const thread = await app.inject({ url: `/api/v1/requests/${requestId}/messages`, headers: who.nldFocal })
    expect(thread.statusCode).toBe(200)
    expect(await found('nldFocal', 'quxtonburg')).toEqual([requestId])
    await post('nldFocal', 'Nous avons transmis les dossiers demandés à Yverqualm (fictif).')
    expect(await found('a', 'yverqualm dossiers')).toEqual([requestId])
    // Still nothing for another compartment, another State, or a State officer without delegation.
    for (const as of ['b', 'kenFocal', 'nldOfficer']) {
      expect(await found(as, 'quxtonburg'), as).toEqual([])
      expect(await found(as, 'yverqualm'), as).toEqual([])
      const counts = await app.inject({ url: '/api/v1/requests/counts', query: { q: 'yverqualm' }, headers: who[as] })
      expect(counts.json().total, as).toBe(0)
    }
  })
})

describe('parseSearchTerms', () => {
  it('keeps letters and digits, folds case and accents', () => {
    expect(parseSearchTerms("Mandat d'ARRÊT")).toEqual(['mandat', 'd', 'arret'])
    expect(parseSearchTerms('ICC-OTP-2026-000123')).toEqual(['icc', 'otp', '2026', '000123'])
    expect(parseSearchTerms('"* NEAR( : -')).toEqual(['near'])
    expect(parseSearchTerms('Œuvre')).toEqual(['oeuvre'])
  })
})
