import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'

// An arrest strategy is known to its cell and to nobody else: not to Court staff of another
// compartment (even the person's own case team, when it is not the cell), administrators,
// auditors, States, organisations, the Assembly, the Defence or the anonymous public. For all of
// them every way in (list, count, search, export, single read, the person's own answers) says
// exactly what it would say if no strategy existed.

const CELL = 'CELL-TRACK-AS'
const CASE = 'CASE-AS'
const SECRET = 'Kestrel-7741' // a word that appears only in the strategy

let db: TestDb
let app: FastifyInstance
type H = Record<string, string>
const who: Record<string, H> = {}
let personId = ''
let publicPersonId = ''
let strategyId = ''

async function user(label: string, spec: { orgCode: string; role: string; compartments?: string[] }) {
  who[label] = (await createUserWithToken(db.db, spec)).headers
}

const get = (url: string, headers: H = {}) => app.inject({ method: 'GET', url, headers })

beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
  await db.db
    .insertInto('organisations')
    .values({ code: 'ICC-DEFENCE-AS', kind: 'defence', name_en: 'Defence (test)', name_fr: 'Défense (test)' })
    .execute()
  await user('cellOfficer', { orgCode: 'ICC-OTP', role: 'officer', compartments: [CELL, CASE] })
  await user('cellApprover', { orgCode: 'ICC-OTP', role: 'approver', compartments: [CELL] })
  await user('caseTeam', { orgCode: 'ICC-OTP', role: 'officer', compartments: [CASE] })
  await user('chambersInCase', { orgCode: 'ICC-CHAMBERS', role: 'officer', compartments: [CASE] })
  await user('otherCompartment', { orgCode: 'ICC-REGISTRY', role: 'officer', compartments: ['CASE-ELSEWHERE'] })
  await user('admin', { orgCode: 'ICC-REGISTRY', role: 'admin', compartments: [CELL] })
  await user('auditor', { orgCode: 'ICC-REGISTRY', role: 'auditor', compartments: [CELL] })
  await user('stateFocalPoint', { orgCode: 'KEN', role: 'focal-point' })
  await user('defence', { orgCode: 'ICC-DEFENCE-AS', role: 'counsel', compartments: [CELL, CASE] })
  await user('asp', { orgCode: 'ASP', role: 'officer' })
  const post = async (url: string, payload: object) => {
    const res = await app.inject({ method: 'POST', url, headers: who.cellOfficer, payload })
    expect(res.statusCode, res.body).toBe(201)
    return res.json().id as string
  }
  const situationId = await post('/api/v1/situations', {
    code: 'SIT-AS',
    name: 'Situation in Testland (fictional)',
    classification: 'public',
  })
  personId = await post('/api/v1/persons', {
    situationId,
    name: 'Person Sought AS (fictional)',
    roleInProceedings: 'suspect',
    classification: 'confidential',
    compartment: CASE,
  })
  publicPersonId = await post('/api/v1/persons', {
    situationId,
    name: 'Public Person Sought AS (fictional)',
    roleInProceedings: 'suspect',
    classification: 'public',
  })
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

const OUTSIDERS = [
  'anonymous',
  'caseTeam',
  'chambersInCase',
  'otherCompartment',
  'admin',
  'auditor',
  'stateFocalPoint',
  'defence',
  'asp',
]
const headersOf = (label: string) => (label === 'anonymous' ? {} : (who[label] as H))

describe('the answers outsiders get, before and after a strategy exists', () => {
  const urls = () => [
    '/api/v1/arrest-strategies',
    `/api/v1/arrest-strategies?personId=${publicPersonId}`,
    `/api/v1/arrest-strategies?q=${SECRET}`,
    '/api/v1/arrest-strategies/counts',
    `/api/v1/arrest-strategies/counts?personId=${publicPersonId}`,
    '/api/v1/arrest-strategies/export.csv',
    `/api/v1/persons/${publicPersonId}`,
    `/api/v1/persons?limit=200`,
    `/api/v1/persons-sought/${publicPersonId}`,
    '/api/v1/persons-sought?limit=200',
  ]
  const before = new Map<string, string>()

  it('are recorded before the strategy is written', async () => {
    for (const label of OUTSIDERS) {
      for (const url of urls()) {
        const res = await get(url, headersOf(label))
        before.set(`${label} ${url}`, `${res.statusCode} ${stripVolatile(res.body)}`)
      }
    }
  })

  it('lets a member of the cell write a strategy for a public person sought', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/arrest-strategies',
      headers: who.cellOfficer,
      payload: {
        personId: publicPersonId,
        cell: CELL,
        title: 'Tracking plan (fictional)',
        body: `Operation ${SECRET}: watch the border crossings.`,
        reviewDate: '2027-01-15',
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    const body = res.json()
    strategyId = body.id
    expect(body).toMatchObject({ cell: CELL, classification: 'under_seal', status: 'active', version: 1 })
    expect(body.versions).toHaveLength(1)
  })

  it('are exactly the same after: empty lists, zero counts, no search hit, an export without the row', async () => {
    for (const label of OUTSIDERS) {
      for (const url of urls()) {
        const res = await get(url, headersOf(label))
        expect(`${res.statusCode} ${stripVolatile(res.body)}`, `${label} GET ${url}`).toBe(
          before.get(`${label} ${url}`),
        )
        expect(res.body).not.toContain(SECRET)
        expect(res.body).not.toContain(strategyId)
      }
    }
    const list = await get('/api/v1/arrest-strategies', who.admin)
    expect(list.json()).toEqual({ items: [], nextCursor: null, total: 0 })
    expect((await get('/api/v1/arrest-strategies/counts', who.caseTeam)).json()).toEqual({ total: 0, byPerson: [] })
    const csv = await get('/api/v1/arrest-strategies/export.csv', who.auditor)
    expect(csv.statusCode).toBe(200)
    expect(csv.body.trim().split('\r\n')).toHaveLength(1) // the header line only
  })

  it('answers 404 on the id to every outsider, as for an id that does not exist (anonymous: 401 either way)', async () => {
    for (const label of OUTSIDERS) {
      const real = await get(`/api/v1/arrest-strategies/${strategyId}`, headersOf(label))
      const missing = await get('/api/v1/arrest-strategies/00000000-0000-4000-8000-000000000000', headersOf(label))
      expect(real.statusCode, label).toBe(label === 'anonymous' ? 401 : 404)
      expect(real.json().error.code).toBe(missing.json().error.code)
      expect(real.body).not.toContain(SECRET)
    }
  })

  it('refuses an outsider who tries to change it exactly as for a missing strategy', async () => {
    for (const label of ['caseTeam', 'otherCompartment']) {
      const res = await app.inject({
        method: 'PATCH',
        url: `/api/v1/arrest-strategies/${strategyId}`,
        headers: who[label],
        payload: { version: 1, title: 'Hijacked' },
      })
      expect(res.statusCode, label).toBe(404)
    }
  })
})

describe('the cell', () => {
  it('lists, counts, finds (case and accents ignored) and exports its strategy', async () => {
    for (const label of ['cellOfficer', 'cellApprover']) {
      const list = await get(`/api/v1/arrest-strategies?personId=${publicPersonId}`, who[label])
      expect(list.json().total, label).toBe(1)
      expect(list.json().items[0].title).toBe('Tracking plan (fictional)')
    }
    const hit = await get(`/api/v1/arrest-strategies?q=${encodeURIComponent('KESTREL-7741 wàtch')}`, who.cellOfficer)
    expect(hit.json().items.map((s: { id: string }) => s.id)).toEqual([strategyId])
    const miss = await get('/api/v1/arrest-strategies?q=submarine', who.cellOfficer)
    expect(miss.json().total).toBe(0)
    const counts = await get('/api/v1/arrest-strategies/counts', who.cellApprover)
    expect(counts.json()).toEqual({ total: 1, byPerson: [{ personId: publicPersonId, total: 1, active: 1 }] })
    const csv = await get('/api/v1/arrest-strategies/export.csv', who.cellOfficer)
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.body).toContain(SECRET)
  })

  it('keeps every version, refuses a stale version with 409, and a superseded strategy stays as it was', async () => {
    const patch = (payload: object) =>
      app.inject({
        method: 'PATCH',
        url: `/api/v1/arrest-strategies/${strategyId}`,
        headers: who.cellApprover,
        payload,
      })
    const changed = await patch({ version: 1, body: `Operation ${SECRET}: airports too.`, note: 'New route reported' })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json().version).toBe(2)
    expect(changed.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1])
    expect(changed.json().versions[0].note).toBe('New route reported')
    const stale = await patch({ version: 1, title: 'Late edit' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error.code).toBe('ARREST_STRATEGY_VERSION_CONFLICT')
    // A new strategy for the same person in the same cell supersedes the current one.
    const next = await app.inject({
      method: 'POST',
      url: '/api/v1/arrest-strategies',
      headers: who.cellOfficer,
      payload: { personId: publicPersonId, cell: CELL, title: 'Second plan (fictional)', body: 'Revised approach.' },
    })
    expect(next.statusCode).toBe(201)
    const old = await get(`/api/v1/arrest-strategies/${strategyId}`, who.cellOfficer)
    expect(old.json()).toMatchObject({ status: 'superseded', version: 3 })
    const frozen = await patch({ version: 3, title: 'Too late' })
    expect(frozen.json().error.code).toBe('ARREST_STRATEGY_NOT_EDITABLE')
    const active = await get(`/api/v1/arrest-strategies?personId=${publicPersonId}&status=active`, who.cellOfficer)
    expect(active.json().items.map((s: { title: string }) => s.title)).toEqual(['Second plan (fictional)'])
  })

  it('audits every read of a strategy: single reads, lists, counts and exports', async () => {
    const actions = (
      await db.db.selectFrom('audit_events').select('action').where('record_type', '=', 'arrest_strategy').execute()
    ).map((r) => r.action)
    for (const action of [
      'arrest_strategy.created',
      'arrest_strategy.updated',
      'arrest_strategy.read',
      'arrest_strategy.listed',
      'arrest_strategy.counted',
      'arrest_strategy.exported',
    ]) {
      expect(actions).toContain(action)
    }
  })

  it('refuses a strategy for a cell its author is not in, or for a person they cannot see', async () => {
    const notMember = await app.inject({
      method: 'POST',
      url: '/api/v1/arrest-strategies',
      headers: who.caseTeam,
      payload: { personId, cell: CELL, title: 'Plan', body: 'Body' },
    })
    expect(notMember.statusCode).toBe(422)
    expect(notMember.json().error.code).toBe('RECORD_INVALID')
    const unseen = await app.inject({
      method: 'POST',
      url: '/api/v1/arrest-strategies',
      headers: who.cellApprover, // in the cell, not in the person's case compartment
      payload: { personId, cell: CELL, title: 'Plan', body: 'Body' },
    })
    expect(unseen.statusCode).toBe(404)
    const none = await db.db.selectFrom('arrest_strategies').select('id').where('person_id', '=', personId).execute()
    expect(none).toEqual([])
  })

  it('answers bad input with a 4xx naming the problem, and changes nothing', async () => {
    const count = async () => (await db.db.selectFrom('arrest_strategies').select('id').execute()).length
    const n = await count()
    for (const payload of [
      {},
      { personId: publicPersonId, cell: CELL, title: '', body: 'x' },
      { personId: publicPersonId, cell: 'lower-case', title: 'T', body: 'x' },
      { personId: publicPersonId, cell: CELL, title: 'T', body: 'x', reviewDate: '2027-13-45' },
      { personId: publicPersonId, cell: CELL, title: 'T', body: 'x', extra: true },
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/arrest-strategies',
        headers: who.cellOfficer,
        payload,
      })
      expect(res.statusCode, JSON.stringify(payload)).toBe(400)
      expect(res.json().error.code).toBe('VALIDATION_FAILED')
    }
    expect((await get('/api/v1/arrest-strategies?cursor=bogus', who.cellOfficer)).statusCode).toBe(400)
    expect(await count()).toBe(n)
  })
})

/** Parts of an answer that differ between two identical reads (request ids, timestamps). */
function stripVolatile(body: string) {
  return body.replace(/"requestId":"[^"]*"/g, '')
}
