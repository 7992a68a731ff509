import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEntriesOf } from '../../../test/audit-entries.ts'
import { createUserWithToken } from '../../../test/auth.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'

// PATCH /situations/{id}, /cases/{id} and /persons/{id}, on both databases: a record changes with a
// reason, through the visibility rule, audited in the same transaction (each column before and
// after); a case's Defence team is named on it and the former one no longer is; a refusal changes
// nothing.

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
const read = async (id: string, collection = 'persons', as = 'officer') => {
  const res = await app.inject({ url: `/api/v1/${collection}/${id}`, headers: who[as] })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}
const updates = (id: string, action = 'person.updated') => auditEntriesOf(db.db, id, action)

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
  for (const code of ['ICC-DEFENCE-UPD-1', 'ICC-DEFENCE-UPD-2'])
    await db.db
      .insertInto('organisations')
      .values({ code, kind: 'defence', name_en: `Defence ${code} (test)`, name_fr: `Défense ${code} (test)` })
      .execute()
  who.defence1 = (await createUserWithToken(db.db, { orgCode: 'ICC-DEFENCE-UPD-1', role: 'counsel' })).headers
  who.defence2 = (await createUserWithToken(db.db, { orgCode: 'ICC-DEFENCE-UPD-2', role: 'counsel' })).headers
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

const change = (collection: string, id: string, payload: object, as = 'officer') =>
  app.inject({ method: 'PATCH', url: `/api/v1/${collection}/${id}`, headers: who[as], payload })
const sees = async (as: string, collection: string, id: string) =>
  (await app.inject({ url: `/api/v1/${collection}/${id}`, headers: who[as] })).statusCode

describe('PATCH /cases/{id}', () => {
  it('appoints a Defence team, then replaces it: the new team sees the case, the former no longer', async () => {
    const id = ids.case as string
    expect(await sees('defence1', 'cases', id)).toBe(404)
    const appointed = await change('cases', id, { defenceOrgCode: 'ICC-DEFENCE-UPD-1', reason: 'Counsel assigned' })
    expect(appointed.statusCode, appointed.body).toBe(200)
    expect(appointed.json()).toMatchObject({ defenceOrgCode: 'ICC-DEFENCE-UPD-1' })
    expect(await sees('defence1', 'cases', id)).toBe(200)
    const replaced = await change('cases', id, { defenceOrgCode: 'ICC-DEFENCE-UPD-2', reason: 'Counsel replaced' })
    expect(replaced.statusCode, replaced.body).toBe(200)
    expect(await sees('defence1', 'cases', id)).toBe(404)
    expect(await sees('defence2', 'cases', id)).toBe(200)
    expect((await updates(id, 'case.updated')).map((e) => e.details)).toEqual([
      { changes: { defence_org_code: { from: null, to: 'ICC-DEFENCE-UPD-1' } }, reason: 'Counsel assigned' },
      {
        changes: { defence_org_code: { from: 'ICC-DEFENCE-UPD-1', to: 'ICC-DEFENCE-UPD-2' } },
        reason: 'Counsel replaced',
      },
    ])
    const removed = await change('cases', id, { defenceOrgCode: null, reason: 'Counsel withdrew' })
    expect(removed.statusCode, removed.body).toBe(200)
    expect(await sees('defence2', 'cases', id)).toBe(404)
  })

  it('refuses, changing nothing: not a Defence team, an unknown one, no change, a caller without need-to-know', async () => {
    const id = ids.case as string
    const before = await read(id, 'cases')
    const entries = (await updates(id, 'case.updated')).length
    const refusals: [object, string, number][] = [
      [{ defenceOrgCode: 'ICC-OTP', reason: 'Not counsel' }, 'officer', 422],
      [{ defenceOrgCode: 'ICC-DEFENCE-NONE', reason: 'No such team' }, 'officer', 422],
      [{ name: before.name, reason: 'Same name' }, 'officer', 422],
      [{ reason: 'Nothing named' }, 'officer', 400],
      [{ name: 'A new name (fictional)', reason: 'Not mine' }, 'outsider', 404],
      [{ name: 'A new name (fictional)', reason: 'Not ours' }, 'state', 403],
    ]
    for (const [body, as, status] of refusals) {
      const res = await change('cases', id, body, as)
      expect(res.statusCode, `${as} ${JSON.stringify(body)}`).toBe(status)
    }
    expect(await read(id, 'cases')).toEqual(before)
    expect(await updates(id, 'case.updated')).toHaveLength(entries)
  })
})

describe('PATCH /situations/{id}', () => {
  it('corrects the name and clears the description, with the reason in the trail', async () => {
    const id = ids.other as string
    const res = await change('situations', id, {
      name: 'Situation in Elsewhere (fictional)',
      description: '',
      reason: 'Name as in the Presidency decision',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ name: 'Situation in Elsewhere (fictional)', description: null })
    expect((await updates(id, 'situation.updated')).map((e) => e.details)).toEqual([
      {
        changes: { name: { from: 'Another situation (fictional)', to: 'Situation in Elsewhere (fictional)' } },
        reason: 'Name as in the Presidency decision',
      },
    ])
    const outsider = await change('situations', id, { name: 'Hidden (fictional)', reason: 'Not mine' }, 'outsider')
    expect(outsider.statusCode).toBe(404)
    expect((await read(id, 'situations')).name).toBe('Situation in Elsewhere (fictional)')
  })
})

describe('a change written against what it read', () => {
  it('is not written when the row no longer holds the value it was read with, so the trail never names a value already gone', async () => {
    const { updateIfUnchanged } = await import('./situations.repository.ts')
    const id = ids.person as string
    const before = await read(id)
    const stale = { name: { from: 'A name read before another change (fictional)', to: 'Lost update (fictional)' } }
    expect(await updateIfUnchanged(db.db, 'persons', id, stale, new Date().toISOString())).toBe(0)
    expect(await read(id)).toEqual(before)
    const current = { name: { from: before.name, to: `${before.name} ` } }
    expect(await updateIfUnchanged(db.db, 'persons', id, current, before.updatedAt)).toBe(1)
    // A null read is matched as null (`is`, not `=`, which no row would match).
    expect(before.description).toBeNull()
    const nulls = { description: { from: null, to: 'Described (fictional)' } }
    expect(await updateIfUnchanged(db.db, 'persons', id, nulls, before.updatedAt)).toBe(1)
    expect(await read(id)).toMatchObject({ name: `${before.name} `, description: 'Described (fictional)' })
  })
})
