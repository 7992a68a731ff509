import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'

// GET /requests?personId= (the requests concerning a person), on both databases: the filter only
// narrows what the caller may see, counts and exports follow it, and saved views keep it.

let db: TestDb
let app: FastifyInstance
const who: Record<string, Record<string, string>> = {}
const person: Record<string, string> = {}
const req: Record<string, string> = {}

async function post(url: string, payload: object, as = 'a') {
  const res = await app.inject({ method: 'POST', url, headers: who[as], payload })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
  who.a = (await createUserWithToken(db.db, { orgCode: 'ICC-OTP', role: 'officer', compartments: ['PRS-A'] })).headers
  who.b = (await createUserWithToken(db.db, { orgCode: 'ICC-OTP', role: 'officer', compartments: ['PRS-B'] })).headers
  const situationId = (
    await post('/api/v1/situations', {
      code: 'PRS-A',
      name: 'Situation in Personland (fictional)',
      classification: 'confidential',
      compartment: 'PRS-A',
    })
  ).id
  for (const name of ['first', 'second']) {
    person[name] = (
      await post('/api/v1/persons', {
        situationId,
        name: `Person ${name} (fictional)`,
        roleInProceedings: 'suspect',
        classification: 'confidential',
        compartment: 'PRS-A',
      })
    ).id
  }
  const draft = async (summary: string, personIds: string[]) =>
    (
      await post('/api/v1/requests', {
        requestType: 'IDENTIFY_LOCATE',
        classification: 'confidential',
        addressees: ['NLD'],
        situationId,
        personIds,
        summary,
      })
    ).items[0].id as string
  req.first = await draft('Whereabouts of the first person (fictional)', [person.first as string])
  req.both = await draft('Whereabouts of both persons (fictional)', [person.first as string, person.second as string])
  req.none = await draft('Location of archives (fictional)', [])
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

const list = async (as: string, query: Record<string, string>) => {
  const res = await app.inject({ url: '/api/v1/requests', query, headers: who[as] })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { items: { id: string }[]; nextCursor: string | null }
}

describe('GET /requests?personId=', () => {
  it('lists and counts the requests linked to the person, with the other filters and q', async () => {
    const first = await list('a', { personId: person.first as string })
    expect(first.items.map((i) => i.id).sort()).toEqual([req.first, req.both].sort())
    expect((await list('a', { personId: person.second as string })).items.map((i) => i.id)).toEqual([req.both])
    expect((await list('a', { personId: person.first as string, q: 'both' })).items.map((i) => i.id)).toEqual([
      req.both,
    ])
    expect((await list('a', { personId: person.first as string, addressee: 'KEN' })).items).toEqual([])
    expect((await list('a', { personId: 'no-such-person' })).items).toEqual([])
    const counts = await app.inject({
      url: '/api/v1/requests/counts',
      query: { personId: person.second as string },
      headers: who.a,
    })
    expect(counts.json().total).toBe(1)
  })

  it('never widens visibility: another compartment finds nothing about the person', async () => {
    expect(await list('b', { personId: person.first as string })).toMatchObject({ items: [], nextCursor: null })
  })

  it('is followed by the exports and kept by saved views', async () => {
    const csv = await app.inject({
      url: '/api/v1/requests/export.csv',
      query: { personId: person.second as string },
      headers: who.a,
    })
    expect(csv.statusCode, csv.body).toBe(200)
    expect(csv.headers['x-total-count']).toBe('1')
    expect(csv.body).toContain('Whereabouts of both persons (fictional)')
    expect(csv.body).not.toContain('Whereabouts of the first person')
    const view = await app.inject({
      method: 'POST',
      url: '/api/v1/requests/views',
      headers: who.a,
      payload: { name: 'Person two', filters: { personId: person.second } },
    })
    expect(view.statusCode, view.body).toBe(201)
    expect(view.json().filters).toMatchObject({ personId: person.second })
  })
})
