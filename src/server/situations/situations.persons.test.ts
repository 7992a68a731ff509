import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'

// PATCH /persons/{id}, on both databases: a person's role, case, name or description changes with
// a reason, through the visibility rule, audited in the same transaction; a refusal changes nothing.

let db: TestDb
let app: FastifyInstance
const who: Record<string, Record<string, string>> = {}
const ids: Record<string, string> = {}

async function post(url: string, payload: object) {
  const res = await app.inject({ method: 'POST', url, headers: who.officer, payload })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id as string
}
const patch = (id: string, payload: object, as = 'officer') =>
  app.inject({ method: 'PATCH', url: `/api/v1/persons/${id}`, headers: who[as], payload })
const read = async (id: string) => {
  const res = await app.inject({ url: `/api/v1/persons/${id}`, headers: who.officer })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}
const updates = async (id: string) =>
  (
    await db.db
      .selectFrom('audit_events')
      .select(['action', 'details', 'classification'])
      .where('record_id', '=', id)
      .where('action', '=', 'person.updated')
      .orderBy('id')
      .execute()
  ).map((e) => ({ ...e, details: typeof e.details === 'string' ? JSON.parse(e.details) : e.details }))

beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
  who.officer = (
    await createUserWithToken(db.db, { orgCode: 'ICC-OTP', role: 'officer', compartments: ['UPD-A'] })
  ).headers
  who.outsider = (
    await createUserWithToken(db.db, { orgCode: 'ICC-OTP', role: 'officer', compartments: ['UPD-B'] })
  ).headers
  who.state = (await createUserWithToken(db.db, { orgCode: 'NLD', role: 'focal-point' })).headers
  const inA = { classification: 'confidential', compartment: 'UPD-A' }
  ids.situation = await post('/api/v1/situations', {
    code: 'UPD-A',
    name: 'Situation in Updateland (fictional)',
    ...inA,
  })
  ids.other = await post('/api/v1/situations', { code: 'UPD-A-2', name: 'Another situation (fictional)', ...inA })
  ids.case = await post('/api/v1/cases', {
    situationId: ids.situation,
    code: 'UPD-CASE-1',
    name: 'The Prosecutor v. Updated (fictional)',
    ...inA,
  })
  ids.otherCase = await post('/api/v1/cases', {
    situationId: ids.other,
    code: 'UPD-CASE-2',
    name: 'The Prosecutor v. Elsewhere (fictional)',
    ...inA,
  })
  ids.person = await post('/api/v1/persons', {
    situationId: ids.situation,
    name: 'Updated Suspect (fictional)',
    roleInProceedings: 'suspect',
    ...inA,
  })
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

describe('PATCH /persons/{id}', () => {
  it('makes a suspect accused in a case, with the reason and each field before and after in the trail', async () => {
    const res = await patch(ids.person as string, {
      roleInProceedings: 'accused',
      caseId: ids.case,
      reason: 'Charges confirmed by Pre-Trial Chamber I (fictional decision)',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ id: ids.person, roleInProceedings: 'accused', caseId: ids.case })
    expect(await read(ids.person as string)).toMatchObject({ roleInProceedings: 'accused', caseId: ids.case })
    expect(await updates(ids.person as string)).toEqual([
      {
        action: 'person.updated',
        classification: 'confidential',
        details: {
          changes: {
            role_in_proceedings: { from: 'suspect', to: 'accused' },
            case_id: { from: null, to: ids.case },
          },
          reason: 'Charges confirmed by Pre-Trial Chamber I (fictional decision)',
        },
      },
    ])
  })

  it('records only what changes: a field given with its present value is left out', async () => {
    const res = await patch(ids.person as string, {
      roleInProceedings: 'accused',
      name: 'Updated Accused (fictional)',
      description: '  ',
      reason: 'Name as in the confirmation decision',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ name: 'Updated Accused (fictional)', description: null })
    const last = (await updates(ids.person as string)).at(-1)
    expect(last?.details).toEqual({
      changes: { name: { from: 'Updated Suspect (fictional)', to: 'Updated Accused (fictional)' } },
      reason: 'Name as in the confirmation decision',
    })
  })

  it('refuses, changing nothing: another situation’s case, an unknown case, no change, no reason, no field', async () => {
    const before = await read(ids.person as string)
    const entries = (await updates(ids.person as string)).length
    const refusals: [object, number, string][] = [
      [{ caseId: ids.otherCase, reason: 'Wrong case' }, 422, 'RECORD_INVALID'],
      [{ caseId: 'no-such-case', reason: 'Unknown case' }, 404, 'RECORD_NOT_FOUND'],
      [{ roleInProceedings: 'accused', reason: 'Already so' }, 422, 'RECORD_INVALID'],
      [{ roleInProceedings: 'witness' }, 400, 'VALIDATION_FAILED'],
      [{ reason: 'Nothing named' }, 400, 'VALIDATION_FAILED'],
      [{ roleInProceedings: 'judge', reason: 'Not a role' }, 400, 'VALIDATION_FAILED'],
    ]
    for (const [body, status, code] of refusals) {
      const res = await patch(ids.person as string, body)
      expect(res.statusCode, JSON.stringify(body)).toBe(status)
      expect(res.json().error.code).toBe(code)
    }
    expect(await read(ids.person as string)).toEqual(before)
    expect(await updates(ids.person as string)).toHaveLength(entries)
  })

  it('is 404 for Court staff without need-to-know and 403 for a State, and changes nothing', async () => {
    const before = await read(ids.person as string)
    const outsider = await patch(ids.person as string, { roleInProceedings: 'other', reason: 'Not mine' }, 'outsider')
    expect(outsider.statusCode, outsider.body).toBe(404)
    const state = await patch(ids.person as string, { roleInProceedings: 'other', reason: 'Not ours' }, 'state')
    expect(state.statusCode, state.body).toBe(403)
    expect(await read(ids.person as string)).toEqual(before)
  })
})
