import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEntriesOf } from '../../../test/audit-entries.ts'
import { createUserWithToken } from '../../../test/auth.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'

// POST /situations|cases|persons/{id}/reclassification, on both databases: an approver of the
// owning compartment lifts a seal or seals a record on a decision, kept in its classification
// history and the trail in one transaction; who may see the record changes at once; every refusal
// changes nothing.

let db: TestDb
let app: FastifyInstance
const who: Record<string, Record<string, string>> = {}
const ids: Record<string, string> = {}
const DECISION = 'Pre-Trial Chamber I, decision of 12 May 2026 lifting the seal (fictional)'

async function post(url: string, payload: object, as = 'officer') {
  const res = await app.inject({ method: 'POST', url, headers: who[as], payload })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id as string
}
const reclassify = (collection: string, id: string, payload: object, as = 'approver') =>
  app.inject({ method: 'POST', url: `/api/v1/${collection}/${id}/reclassification`, headers: who[as], payload })
const readAs = (collection: string, id: string, as: string) =>
  app.inject({ url: `/api/v1/${collection}/${id}`, headers: who[as] ?? {} })
const history = (id: string) =>
  db.db
    .selectFrom('classification_history')
    .select(['record_type', 'from_classification', 'to_classification', 'legal_basis', 'decided_by'])
    .where('record_id', '=', id)
    .orderBy('decided_at')
    .execute()
const trail = async (id: string) =>
  (await auditEntriesOf(db.db, id, '%.reclassified')).map(({ action, details }) => ({ action, details }))

beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
  const users = {
    officer: { orgCode: 'ICC-OTP', role: 'officer', compartments: ['RCL-A'] },
    approver: { orgCode: 'ICC-OTP', role: 'approver', compartments: ['RCL-A'] },
    elsewhere: { orgCode: 'ICC-OTP', role: 'approver', compartments: ['RCL-B'] },
    state: { orgCode: 'NLD', role: 'focal-point' },
  }
  for (const [label, spec] of Object.entries(users)) {
    const created = await createUserWithToken(db.db, spec)
    who[label] = created.headers
    ids[label] = created.user.email
  }
  const inA = { classification: 'confidential', compartment: 'RCL-A' }
  ids.situation = await post('/api/v1/situations', {
    code: 'RCL-A',
    name: 'Situation in Reclassia (fictional)',
    ...inA,
  })
  ids.case = await post('/api/v1/cases', {
    situationId: ids.situation,
    code: 'RCL-CASE-1',
    name: 'The Prosecutor v. Sealed (fictional)',
    ...inA,
  })
  ids.person = await post('/api/v1/persons', {
    situationId: ids.situation,
    caseId: ids.case,
    name: 'Sealed Suspect (fictional)',
    roleInProceedings: 'suspect',
    classification: 'under_seal',
    compartment: 'RCL-A',
  })
  ids.exParte = await post('/api/v1/persons', {
    situationId: ids.situation,
    name: 'Ex Parte Witness (fictional)',
    roleInProceedings: 'witness',
    classification: 'ex_parte',
    compartment: 'RCL-A',
    exParteParty: 'ICC-OTP',
  })
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

describe('reclassification of situations, cases and persons', () => {
  it('lifts a seal on a decision: kept in the history and the trail, and the public sees the record at once', async () => {
    expect((await readAs('persons', ids.person as string, 'anonymous')).statusCode).toBe(404)
    const res = await reclassify('persons', ids.person as string, { to: 'public', legalBasis: DECISION })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ id: ids.person, classification: 'public' })
    const seen = await readAs('persons', ids.person as string, 'anonymous')
    expect(seen.statusCode).toBe(200)
    expect(seen.json().name).toBe('Sealed Suspect (fictional)')
    // The record shows the decision, not who recorded it (that is in the trail).
    expect(seen.json().classificationHistory).toEqual([
      { from: 'under_seal', to: 'public', legalBasis: DECISION, decidedAt: expect.any(String) },
    ])
    expect(await history(ids.person as string)).toEqual([
      {
        record_type: 'person',
        from_classification: 'under_seal',
        to_classification: 'public',
        legal_basis: DECISION,
        decided_by: ids.approver,
      },
    ])
    expect(await trail(ids.person as string)).toEqual([
      {
        action: 'person.reclassified',
        details: { changes: { classification: { from: 'under_seal', to: 'public' } }, reason: DECISION },
      },
    ])
  })

  it('seals a case and a situation: whoever saw them through their classification no longer does', async () => {
    for (const [collection, id, action] of [
      ['cases', ids.case, 'case.reclassified'],
      ['situations', ids.situation, 'situation.reclassified'],
    ] as const) {
      const lifted = await reclassify(collection, id as string, { to: 'public', legalBasis: DECISION })
      expect(lifted.statusCode, lifted.body).toBe(200)
      expect((await readAs(collection, id as string, 'state')).statusCode).toBe(200)
      const sealed = await reclassify(collection, id as string, {
        to: 'under_seal',
        legalBasis: 'Trial Chamber, order to seal of 3 June 2026 (fictional)',
      })
      expect(sealed.statusCode, sealed.body).toBe(200)
      expect((await readAs(collection, id as string, 'state')).statusCode).toBe(404)
      expect((await readAs(collection, id as string, 'officer')).json().classification).toBe('under_seal')
      expect((await history(id as string)).map((h) => [h.from_classification, h.to_classification])).toEqual([
        ['confidential', 'public'],
        ['public', 'under_seal'],
      ])
      expect((await trail(id as string)).map((e) => e.action)).toEqual([action, action])
    }
  })

  it('refuses, changing nothing: an officer, an approver of another compartment, the same classification, ex parte, bad input', async () => {
    const id = ids.case as string
    const before = { history: await history(id), trail: await trail(id) }
    const refusals: [Record<string, unknown>, string, number, string][] = [
      [{ to: 'confidential', legalBasis: DECISION }, 'officer', 403, 'FORBIDDEN'],
      [{ to: 'confidential', legalBasis: DECISION }, 'state', 403, 'FORBIDDEN'],
      // Sealed and of another compartment: it does not exist for them.
      [{ to: 'confidential', legalBasis: DECISION }, 'elsewhere', 404, 'RECORD_NOT_FOUND'],
      [{ to: 'under_seal', legalBasis: DECISION }, 'approver', 422, 'RECLASSIFICATION_INVALID'],
      [{ to: 'ex_parte', legalBasis: DECISION }, 'approver', 400, 'VALIDATION_FAILED'],
      [{ to: 'public', legalBasis: 'no' }, 'approver', 400, 'VALIDATION_FAILED'],
      [{ to: 'public' }, 'approver', 400, 'VALIDATION_FAILED'],
    ]
    for (const [body, as, status, code] of refusals) {
      const res = await reclassify('cases', id, body, as)
      expect([res.statusCode, res.json().error?.code], `${as} ${JSON.stringify(body)}`).toEqual([status, code])
    }
    expect({ history: await history(id), trail: await trail(id) }).toEqual(before)
    expect((await readAs('cases', id, 'officer')).json().classification).toBe('under_seal')

    const exParte = await reclassify('persons', ids.exParte as string, { to: 'confidential', legalBasis: DECISION })
    expect([exParte.statusCode, exParte.json().error.code]).toEqual([422, 'RECLASSIFICATION_INVALID'])
    expect(await history(ids.exParte as string)).toEqual([])
    const missing = await reclassify('situations', 'no-such-situation', { to: 'public', legalBasis: DECISION })
    expect(missing.statusCode).toBe(404)
  })
})
