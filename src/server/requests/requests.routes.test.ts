import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'
import { REQUEST_STATUSES, TRANSITIONS, type TransitionAction } from './requests.lifecycle.ts'
import { verifyReceipt } from './requests.receipts.ts'

// The life cycle through the API, on both databases: every step × every state × every kind of
// caller (expected answers written here, independently of the table), four eyes, completeness,
// deadlines against a controllable clock, receipts, multi-State requests and need-to-know.

let db: TestDb
let app: FastifyInstance
let clock = new Date('2026-11-28T09:00:00.000Z')
type H = Record<string, string>
const who: Record<string, H> = {}
let situationId = ''
let caseId = ''
let personId = ''

async function user(label: string, spec: { orgCode: string; role: string; compartments?: string[] }) {
  const u = await createUserWithToken(db.db, spec)
  who[label] = u.headers
  return u.user
}

let delegatedOfficerId = ''
let nldFocalId = ''

beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db, now: () => clock })
  await db.db
    .insertInto('organisations')
    .values({ code: 'ICC-DEFENCE-RQ', kind: 'defence', name_en: 'Defence (test)', name_fr: 'Défense (test)' })
    .execute()
  const inCase = ['SIT-RQ', 'CASE-RQ']
  await user('chambersOfficer', { orgCode: 'ICC-CHAMBERS', role: 'officer', compartments: inCase })
  await user('chambersApprover', { orgCode: 'ICC-CHAMBERS', role: 'approver', compartments: inCase })
  await user('registryOfficer', { orgCode: 'ICC-REGISTRY', role: 'officer', compartments: inCase })
  await user('registryApprover', { orgCode: 'ICC-REGISTRY', role: 'approver', compartments: inCase })
  await user('otpOfficer', { orgCode: 'ICC-OTP', role: 'officer', compartments: inCase })
  await user('presidencyOfficer', { orgCode: 'ICC-PRESIDENCY', role: 'officer', compartments: inCase })
  await user('vwsOfficer', { orgCode: 'ICC-REGISTRY-VWS', role: 'officer', compartments: inCase })
  await user('tfvOfficer', { orgCode: 'ICC-TFV', role: 'officer', compartments: inCase })
  await user('chambersOutside', { orgCode: 'ICC-CHAMBERS', role: 'approver', compartments: ['CASE-OTHER'] })
  nldFocalId = (await user('nldFocal', { orgCode: 'NLD', role: 'focal-point' })).id
  delegatedOfficerId = (await user('nldDelegated', { orgCode: 'NLD', role: 'officer' })).id
  await user('nldOfficer', { orgCode: 'NLD', role: 'officer' })
  await user('kenFocal', { orgCode: 'KEN', role: 'focal-point' })
  await user('unFocal', { orgCode: 'IO-UN', role: 'focal-point' })
  await user('defence', { orgCode: 'ICC-DEFENCE-RQ', role: 'counsel' })
  await user('admin', { orgCode: 'ICC-REGISTRY', role: 'admin' })
  // The clock of some tests runs weeks ahead: the tokens must outlive it.
  await db.db.updateTable('api_tokens').set({ expires_at: '2099-01-01T00:00:00.000Z' }).execute()
  const post = async (url: string, payload: object) => {
    const res = await app.inject({ method: 'POST', url, headers: who.chambersOfficer, payload })
    expect(res.statusCode, res.body).toBe(201)
    return res.json().id as string
  }
  situationId = await post('/api/v1/situations', {
    code: 'SIT-RQ',
    name: 'Situation in the Republic of Testland (fictional)',
    classification: 'confidential',
    compartment: 'SIT-RQ',
  })
  caseId = await post('/api/v1/cases', {
    situationId,
    code: 'CASE-RQ',
    name: 'The Prosecutor v. Test Person (fictional)',
    classification: 'confidential',
    compartment: 'CASE-RQ',
    defenceOrgCode: 'ICC-DEFENCE-RQ',
  })
  personId = await post('/api/v1/persons', {
    situationId,
    caseId,
    name: 'Test Person (fictional)',
    roleInProceedings: 'suspect',
    classification: 'under_seal',
    compartment: 'CASE-RQ',
  })
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

const COMPLETE_ARREST = {
  requestType: 'ARREST_AND_SURRENDER',
  classification: 'confidential',
  summary: 'Arrest and surrender of the suspect (fictional)',
  facts: 'Fictional facts of the case.',
  legalBasis: 'Articles 58, 89 and 91',
  checklist: {
    answers: {
      '91(2)(a)': 'Description and probable location (fictional)',
      '91(2)(b)': 'Warrant ICC-01/99-01/26 (fictional)',
      '91(2)(c)': 'National requirements met (fictional)',
    },
  },
}

/** How many requests exist: a refused creation must leave it unchanged. */
async function countRequests() {
  const { n } = await db.db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  return Number(n)
}

async function draft(overrides: object = {}, as = 'chambersOfficer') {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: who[as],
    payload: { ...COMPLETE_ARREST, addressees: ['NLD'], caseId, personIds: [personId], ...overrides },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

/** Every page of the list for `query`, `limit` at a time, as the Chambers officer: the items in order. */
async function everyPage<T>(query: string, limit: number): Promise<T[]> {
  const items: T[] = []
  let cursor: string | null = null
  do {
    const url: string = `/api/v1/requests?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`
    const res = await app.inject({ url, headers: who.chambersOfficer })
    expect(res.statusCode, res.body).toBe(200)
    items.push(...res.json().items)
    cursor = res.json().nextCursor
  } while (cursor)
  return items
}

const step = (id: string, as: string, payload: object) =>
  app.inject({ method: 'POST', url: `/api/v1/requests/${id}/transitions`, headers: who[as], payload })
const get = (id: string, as: string) => app.inject({ url: `/api/v1/requests/${id}`, headers: who[as] })

/** A request put straight into `status`, with the need-to-know it would have there. */
async function requestIn(status: string) {
  const id = (await draft()).items[0].id as string
  const transmitted = !['draft', 'approved'].includes(status)
  await db.db
    .updateTable('requests')
    .set({ status, drafted_by: 'someone-else', transmitted_at: transmitted ? clock.toISOString() : null })
    .where('id', '=', id)
    .execute()
  await db.db
    .insertInto('record_delegations')
    .values({
      record_type: 'request',
      record_id: id,
      user_id: delegatedOfficerId,
      delegated_by: nldFocalId,
      delegated_at: clock.toISOString(),
    })
    .execute()
  return id
}

const BODIES: Record<TransitionAction, object> = {
  approve: { action: 'approve' },
  transmit: { action: 'transmit' },
  acknowledge: { action: 'acknowledge' },
  begin_execution: { action: 'begin_execution' },
  raise_consultation: { action: 'raise_consultation', issue: 'insufficient_information' },
  answer_consultation: { action: 'answer_consultation', note: 'Further information attached (fictional)' },
  postpone: { action: 'postpone', basis: '94', postponedUntil: '2027-03-01T00:00:00Z' },
  resume_execution: { action: 'resume_execution' },
  report_executed: { action: 'report_executed' },
  report_partially_executed: { action: 'report_partially_executed', note: 'Part of the records provided' },
  report_not_executed: { action: 'report_not_executed', ground: '98' },
  withdraw: { action: 'withdraw', note: 'No longer needed (fictional)' },
}

// This test's own reading of who may take each step (docs/requests.md), not the code's table.
const ADDRESSEE = ['nldFocal', 'nldDelegated']
const COURT_SIDE = ['chambersOfficer', 'chambersApprover', 'registryOfficer', 'registryApprover']
const MAY: Record<TransitionAction, string[]> = {
  approve: ['chambersApprover'],
  transmit: ['registryOfficer', 'registryApprover'],
  acknowledge: ADDRESSEE,
  begin_execution: ADDRESSEE,
  raise_consultation: ADDRESSEE,
  answer_consultation: COURT_SIDE,
  postpone: ADDRESSEE,
  resume_execution: [...ADDRESSEE, ...COURT_SIDE],
  report_executed: ADDRESSEE,
  report_partially_executed: ADDRESSEE,
  report_not_executed: ADDRESSEE,
  withdraw: ['chambersOfficer', 'chambersApprover'],
}
const CALLERS = [
  'chambersOfficer',
  'chambersApprover',
  'registryOfficer',
  'registryApprover',
  'otpOfficer',
  'chambersOutside',
  'nldFocal',
  'nldDelegated',
  'nldOfficer',
  'kenFocal',
  'unFocal',
  'defence',
  'admin',
]

describe('the life cycle', () => {
  it('allows every step exactly to whom the policy says, from exactly the states it says', async () => {
    const unexpected: string[] = []
    let cases = 0
    for (const action of Object.keys(TRANSITIONS) as TransitionAction[]) {
      const rule = TRANSITIONS[action]
      for (const status of REQUEST_STATUSES) {
        let id = await requestIn(status)
        for (const caller of CALLERS) {
          const res = await step(id, caller, BODIES[action])
          cases++
          const expected = (rule.from as readonly string[]).includes(status) && MAY[action].includes(caller)
          const ok = res.statusCode === 200 && res.json().status === rule.to
          const refusedRightly =
            res.statusCode === 404 ||
            (res.statusCode === 403 && res.json().error.code === 'FORBIDDEN') || // the route's policy
            (res.statusCode === 409 &&
              res.json().error.code === 'TRANSITION_NOT_ALLOWED' &&
              !res.json().error.details.allowed.includes(action))
          if (expected ? !ok : !refusedRightly)
            unexpected.push(`${action} from ${status} as ${caller}: ${res.statusCode}`)
          if (ok) id = await requestIn(status)
        }
      }
    }
    expect(unexpected.slice(0, 15)).toEqual([])
    expect(cases).toBeGreaterThan(1500)
  }, 240_000)

  it('goes from draft to executed with an event and an audit entry per step, and lists the next steps', async () => {
    const { items } = await draft()
    const id = items[0].id
    expect(items[0]).toMatchObject({ status: 'draft', reference: expect.stringMatching(/^ICC-CHAMBERS-2026-\d{6}$/) })
    for (const [as, body] of [
      ['chambersApprover', BODIES.approve],
      ['registryOfficer', BODIES.transmit],
      ['nldFocal', BODIES.acknowledge],
      ['nldFocal', BODIES.begin_execution],
      ['nldFocal', BODIES.raise_consultation],
      ['chambersOfficer', BODIES.answer_consultation],
      ['nldFocal', BODIES.postpone],
      ['nldFocal', BODIES.resume_execution],
      ['nldFocal', BODIES.report_executed],
    ] as const) {
      const res = await step(id, as, body)
      expect(res.statusCode, res.body).toBe(200)
    }
    const detail = (await get(id, 'chambersOfficer')).json()
    expect(detail.status).toBe('executed')
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual([
      'drafted',
      'approve',
      'transmit',
      'acknowledge',
      'begin_execution',
      'raise_consultation',
      'answer_consultation',
      'postpone',
      'resume_execution',
      'report_executed',
    ])
    expect(detail.allowedSteps).toEqual([])
    const audit = await db.db.selectFrom('audit_events').select('action').where('record_id', '=', id).execute()
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['request.drafted', 'request.report_executed']))
  })

  it('answers an invalid step with 409 and the steps the caller may take', async () => {
    const id = (await draft()).items[0].id
    const res = await step(id, 'chambersApprover', BODIES.transmit)
    expect(res.statusCode).toBe(409)
    expect(res.json().error).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      details: { allowed: ['approve', 'withdraw'] },
    })
    const steps = await app.inject({ url: `/api/v1/requests/${id}/transitions`, headers: who.chambersApprover })
    expect(steps.json().items.map((s: { action: string }) => s.action)).toEqual(['approve', 'withdraw'])
  })

  it('refuses approval by the drafter (four eyes), even an approver', async () => {
    const id = (await draft({}, 'chambersApprover')).items[0].id
    const res = await step(id, 'chambersApprover', BODIES.approve)
    expect(res.statusCode).toBe(409)
    expect(res.json().error.message).toContain('four eyes')
  })

  it('refuses approval while a required element of article 91 is missing, and says which and why', async () => {
    const id = (await draft({ checklist: { answers: { '91(2)(a)': 'Location' } }, personIds: [] })).items[0].id
    const detail = (await get(id, 'chambersApprover')).json()
    expect(detail.checklist.complete).toBe(false)
    const a = detail.checklist.items.find((i: { ref: string }) => i.ref === '91(2)(a)')
    expect(a).toMatchObject({ satisfied: false, missing: 'no person is linked to the request' })
    expect(a.statuteText).toMatch(/^Information describing the person sought/)
    expect(detail.allowedSteps.map((s: { action: string }) => s.action)).not.toContain('approve')
    const res = await step(id, 'chambersApprover', BODIES.approve)
    expect(res.statusCode).toBe(422)
    expect(res.json().error.details.missing.map((m: { ref: string }) => m.ref)).toEqual([
      '91(2)(a)',
      '91(2)(b)',
      '91(2)(c)',
    ])
  })

  it('uses the article 96(2) checklist for other assistance', async () => {
    const id = (await draft({ requestType: 'PROVIDE_RECORDS', checklist: { answers: {} }, assistanceSought: null }))
      .items[0].id
    const detail = (await get(id, 'chambersOfficer')).json()
    expect(detail.checklist.items.map((i: { ref: string }) => i.ref)).toEqual([
      '96(2)(a)',
      '96(2)(b)',
      '96(2)(c)',
      '96(2)(d)',
      '96(2)(e)',
      '96(2)(f)',
    ])
    expect(detail.checklist.items[0].missing).toBe('the assistance sought is empty')
  })
})

describe('need-to-know', () => {
  it('keeps a draft and an approved request from the addressee; shows it from transmission on', async () => {
    const id = (await draft()).items[0].id
    const listed = async (as: string) =>
      (await app.inject({ url: '/api/v1/requests?addressee=NLD&limit=200', headers: who[as] })).json()
    expect((await get(id, 'nldFocal')).statusCode).toBe(404)
    await step(id, 'chambersApprover', BODIES.approve)
    expect((await get(id, 'nldFocal')).statusCode).toBe(404)
    expect((await listed('nldFocal')).items.map((r: { id: string }) => r.id)).not.toContain(id)
    await step(id, 'registryOfficer', BODIES.transmit)
    expect((await get(id, 'nldFocal')).statusCode).toBe(200)
    expect((await listed('nldFocal')).items.map((r: { id: string }) => r.id)).toContain(id)
    for (const outsider of ['kenFocal', 'nldOfficer', 'chambersOutside', 'defence', 'admin', 'unFocal']) {
      expect((await get(id, outsider)).statusCode, outsider).toBe(404)
      const list = (await app.inject({ url: '/api/v1/requests?limit=200', headers: who[outsider] })).json()
      expect(list.items.map((r: { id: string }) => r.id)).not.toContain(id)
      const counts = (await app.inject({ url: '/api/v1/requests/counts', headers: who[outsider] })).json()
      // The counts agree with the list: the request is in neither.
      expect(list.nextCursor).toBeNull()
      expect(counts.total, outsider).toBe(list.items.length)
    }
  })

  it('shows an under-seal request to the addressee once transmitted', async () => {
    const id = (await draft({ classification: 'under_seal' })).items[0].id
    await step(id, 'chambersApprover', BODIES.approve)
    await step(id, 'registryOfficer', BODIES.transmit)
    expect((await get(id, 'nldFocal')).statusCode).toBe(200)
    expect((await get(id, 'kenFocal')).statusCode).toBe(404)
  })

  it('lets the Defence draft for its own case only; the Prosecution never sees it; the Registry approves it', async () => {
    const created = await draft(
      {
        requestType: 'PROVIDE_RECORDS',
        assistanceSought: 'Records',
        checklist: { answers: { '96(2)(b)': 'Archive X' } },
        personIds: [],
      },
      'defence',
    )
    const id = created.items[0].id
    expect(created.items[0]).toMatchObject({ originator: 'ICC-DEFENCE-RQ', routedThrough: 'ICC-REGISTRY' })
    expect((await get(id, 'chambersOfficer')).statusCode).toBe(404)
    expect((await get(id, 'registryApprover')).statusCode).toBe(200)
    expect((await step(id, 'registryApprover', BODIES.approve)).statusCode).toBe(200)
  })

  it('lets each organ draft only the types it originates, naming who does, and creates nothing otherwise', async () => {
    // Who originates what (reference.request-rules.ts): an arrest, a provisional arrest or a
    // transit by the Chambers or the Registry on the Chamber's warrant; enforcement by the
    // Presidency or the Registry; a preliminary examination by the Prosecutor alone; the rest by
    // the Prosecutor, the Chambers, the Registry and the Defence. A Registry section drafts as
    // the Registry; the Trust Fund for Victims originates none.
    const organs: Record<string, string | null> = {
      chambersOfficer: 'ICC-CHAMBERS',
      otpOfficer: 'ICC-OTP',
      registryOfficer: 'ICC-REGISTRY',
      vwsOfficer: 'ICC-REGISTRY',
      presidencyOfficer: 'ICC-PRESIDENCY',
      defence: 'defence',
      tfvOfficer: null,
    }
    const types = (await app.inject({ url: '/api/v1/reference/request-types' })).json().items as {
      code: string
      addressedTo: string
      originatedBy: string[]
      requestableByDefence: boolean
    }[]
    const by = (code: string) => types.find((t) => t.code === code)?.originatedBy
    expect(by('ARREST_AND_SURRENDER')).toEqual(['ICC-CHAMBERS', 'ICC-REGISTRY'])
    expect(by('ENFORCEMENT_OF_SENTENCE')).toEqual(['ICC-PRESIDENCY', 'ICC-REGISTRY'])
    expect(by('PRELIMINARY_EXAMINATION_INFORMATION')).toEqual(['ICC-OTP'])
    expect(by('TAKE_EVIDENCE')).toEqual(['ICC-CHAMBERS', 'ICC-OTP', 'ICC-REGISTRY', 'defence'])
    for (const t of types) expect(t.requestableByDefence, t.code).toBe(t.originatedBy.includes('defence'))
    const addressee = (t: { addressedTo: string }) =>
      t.addressedTo === 'organisation' ? 'IO-UN' : t.addressedTo === 'state_not_party' ? 'USA' : 'NLD'
    const wrong: string[] = []
    let refused = 0
    for (const t of types)
      for (const [as, organ] of Object.entries(organs)) {
        const before = await countRequests()
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/requests',
          headers: who[as],
          payload: { ...COMPLETE_ARREST, requestType: t.code, addressees: [addressee(t)], caseId, personIds: [] },
        })
        const may = organ !== null && t.originatedBy.includes(organ)
        if (may ? res.statusCode !== 201 : res.statusCode !== 422) wrong.push(`${t.code} by ${as}: ${res.statusCode}`)
        if (!may) {
          refused++
          expect(res.json().error).toMatchObject({ code: 'RECORD_INVALID', details: { originatedBy: t.originatedBy } })
          expect(await countRequests(), `${t.code} by ${as}`).toBe(before)
        }
      }
    expect(wrong).toEqual([])
    expect(refused).toBeGreaterThan(20)
    // The refusal names who originates the type and why; the Defence is told about 57(3)(b).
    const arrest = await app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: who.otpOfficer,
      payload: { ...COMPLETE_ARREST, addressees: ['NLD'], caseId, personIds: [personId] },
    })
    expect(arrest.json().error.message).toBe(
      'A request of type ARREST_AND_SURRENDER is originated by the Chambers or the Registry (articles 58(5), 89 and 92; rule 176(2)), not by the Office of the Prosecutor',
    )
    const transit = await app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: who.defence,
      payload: { ...COMPLETE_ARREST, requestType: 'TRANSIT', addressees: ['NLD'], caseId, personIds: [] },
    })
    expect(transit.json().error.message).toMatch(/not by the Defence; .*article 57\(3\)\(b\)/)
  })

  it('audits reads of non-public requests in the same transaction', async () => {
    const id = (await draft()).items[0].id
    await get(id, 'otpOfficer')
    const reads = await db.db
      .selectFrom('audit_events')
      .select('actor')
      .where('record_id', '=', id)
      .where('action', '=', 'request.read')
      .execute()
    expect(reads.some((r) => r.actor.startsWith('user:officer'))).toBe(true)
  })
})

describe('multi-State requests', () => {
  it('creates one linked request per addressee in one go, each with its own reference', async () => {
    const created = await draft({ addressees: ['NLD', 'KEN', 'FRA'] })
    expect(created.items).toHaveLength(3)
    expect(new Set(created.items.map((r: { groupId: string }) => r.groupId))).toEqual(new Set([created.groupId]))
    expect(new Set(created.items.map((r: { reference: string }) => r.reference)).size).toBe(3)
    const detail = (await get(created.items[0].id, 'chambersOfficer')).json()
    expect(detail.linkedRequests.map((l: { addressee: string }) => l.addressee).sort()).toEqual(['FRA', 'KEN'])
  })

  it('creates none when one addressee is not a State or an organisation', async () => {
    const before = await countRequests()
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: who.chambersOfficer,
      payload: { ...COMPLETE_ARREST, addressees: ['NLD', 'ICC-CHAMBERS'], caseId },
    })
    expect(res.statusCode).toBe(422)
    expect(await countRequests()).toBe(before)
  })
})

describe('whom a type of request can be addressed to (87(5)–(6))', () => {
  const attempt = (payload: object) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: who.chambersOfficer,
      payload: { ...COMPLETE_ARREST, caseId, personIds: [personId], ...payload },
    })

  it('refuses, naming the article, what Part IX does not ask of that addressee, and creates nothing', async () => {
    const before = await countRequests()
    for (const [payload, says] of [
      [
        { requestType: 'ARREST_AND_SURRENDER', addressees: ['IO-UN'] },
        /IO-UN is an intergovernmental organisation.*87\(6\)/,
      ],
      [
        { requestType: 'IGO_REQUEST', addressees: ['NLD'] },
        /IGO_REQUEST is a request to an intergovernmental organisation.*NLD is a State/,
      ],
      [{ requestType: 'NON_PARTY_AD_HOC', addressees: ['NLD'] }, /NLD is a State Party.*article 86.*87\(5\)\(a\)/],
      // One refused addressee of several: none of the linked requests is created.
      [{ requestType: 'NON_PARTY_AD_HOC', addressees: ['USA', 'KEN'] }, /KEN is a State Party/],
    ] as const) {
      const res = await attempt(payload)
      expect(res.statusCode, res.body).toBe(422)
      expect(res.json().error).toMatchObject({ code: 'RECORD_INVALID', message: expect.stringMatching(says) })
    }
    expect(await countRequests()).toBe(before)
  })

  it('accepts an organisation asked under 87(6), a State not party invited under 87(5)(a), and any State for the rest', async () => {
    for (const payload of [
      { requestType: 'IGO_REQUEST', addressees: ['IO-UN', 'IO-INTERPOL'] },
      { requestType: 'NON_PARTY_AD_HOC', addressees: ['USA'] },
      { requestType: 'ARREST_AND_SURRENDER', addressees: ['NLD', 'USA'] },
    ]) {
      const res = await attempt(payload)
      expect(res.statusCode, res.body).toBe(201)
      expect(res.json().items.map((r: { addressee: string }) => r.addressee)).toEqual(payload.addressees)
    }
  })

  it('is published with the catalogue, so a client offers only the addressees a type can have', async () => {
    const res = await app.inject({ url: '/api/v1/reference/request-types', headers: who.chambersOfficer })
    expect(res.statusCode, res.body).toBe(200)
    const of = (code: string) => res.json().items.find((t: { code: string }) => t.code === code)?.addressedTo
    expect([of('IGO_REQUEST'), of('NON_PARTY_AD_HOC'), of('ARREST_AND_SURRENDER'), of('TAKE_EVIDENCE')]).toEqual([
      'organisation',
      'state_not_party',
      'state',
      'state',
    ])
  })
})

describe('deadlines', () => {
  it('start at transmission, turn overdue with the clock, and are counted', async () => {
    clock = new Date('2026-12-01T09:00:00.000Z')
    const id = (await draft({ urgency: 'urgent' })).items[0].id
    await step(id, 'chambersApprover', BODIES.approve)
    const sent = (await step(id, 'registryOfficer', BODIES.transmit)).json()
    expect(sent).toMatchObject({
      acknowledgementDeadline: '2026-12-02T09:00:00.000Z',
      responseDeadline: '2026-12-31T09:00:00.000Z',
      isOverdue: false,
    })
    clock = new Date('2026-12-03T09:00:00.000Z')
    expect((await get(id, 'nldFocal')).json()).toMatchObject({ isAcknowledgementOverdue: true, isOverdue: true })
    const overdue = (await app.inject({ url: '/api/v1/requests?overdue=true&limit=200', headers: who.nldFocal })).json()
    expect(overdue.items.map((r: { id: string }) => r.id)).toContain(id)
    expect(overdue.items.every((r: { isOverdue: boolean }) => r.isOverdue)).toBe(true)
    await step(id, 'nldFocal', BODIES.acknowledge)
    expect((await get(id, 'nldFocal')).json()).toMatchObject({ isOverdue: false })
    clock = new Date('2027-01-05T09:00:00.000Z')
    expect((await get(id, 'nldFocal')).json()).toMatchObject({ isResponseOverdue: true })
    const counts = (await app.inject({ url: '/api/v1/requests/counts?addressee=NLD', headers: who.nldFocal })).json()
    expect(counts.byStatus.find((s: { status: string }) => s.status === 'acknowledged').overdue).toBeGreaterThan(0)
    // Extended with a reason: no longer overdue, and the history says who, when and why.
    const changed = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/deadline-changes`,
      headers: who.chambersOfficer,
      payload: { deadline: 'response', to: '2027-02-01T00:00:00Z', reason: 'Agreed with the focal point' },
    })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ isOverdue: false, responseDeadline: '2027-02-01T00:00:00.000Z' })
    expect(changed.json().deadlineChanges).toEqual([
      expect.objectContaining({ from: '2026-12-31T09:00:00.000Z', reason: 'Agreed with the focal point' }),
    ])
    const changeDeadline = (as: string, to: string, reason: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/requests/${id}/deadline-changes`,
        headers: who[as],
        payload: { deadline: 'response', to, reason },
      })
    const refused = await changeDeadline('nldFocal', '2027-06-01T00:00:00Z', 'We would like more time')
    expect(refused.statusCode).toBe(403)
    // The page tells each caller whether they may change the deadlines: the Court side while the
    // request is open, never the State.
    const may = async (as: string) => (await get(id, as)).json().mayChangeDeadlines
    expect([await may('chambersOfficer'), await may('registryOfficer'), await may('nldFocal')]).toEqual([
      true,
      true,
      false,
    ])
    await step(id, 'nldFocal', BODIES.begin_execution)
    await step(id, 'nldFocal', BODIES.report_executed)
    expect(await may('chambersOfficer')).toBe(false)
    const closed = await changeDeadline('chambersOfficer', '2027-03-01T00:00:00Z', 'Too late for that')
    expect(closed.statusCode).toBe(422)
    expect(closed.json().error.code).toBe('DEADLINE_INVALID')
    clock = new Date('2026-11-28T09:00:00.000Z')
  })
})

describe('receipts', () => {
  it('are issued on transmission and acknowledgement, verify offline, and a tampered one fails', async () => {
    const id = (await draft()).items[0].id
    await step(id, 'chambersApprover', BODIES.approve)
    await step(id, 'registryOfficer', BODIES.transmit)
    await step(id, 'nldFocal', BODIES.acknowledge)
    const res = await app.inject({ url: `/api/v1/requests/${id}/receipts`, headers: who.nldFocal })
    const { items, publicKeyPem } = res.json()
    expect(items.map((r: { kind: string }) => r.kind)).toEqual(['transmission', 'acknowledgement'])
    for (const receipt of items) expect(verifyReceipt(receipt, publicKeyPem)).toBe(true)
    expect(items[0].statement).toMatchObject({ addressee: 'NLD', documents: [], event: { action: 'transmit' } })
    const tampered = structuredClone(items[0])
    tampered.statement.event.occurredAt = '2026-01-01T00:00:00.000Z'
    expect(verifyReceipt(tampered, publicKeyPem)).toBe(false)
    expect(verifyReceipt({ ...items[1], signature: items[0].signature }, publicKeyPem)).toBe(false)
  })
})

describe('drafts', () => {
  it('are changed only while draft and only by the originating organ', async () => {
    const id = (await draft()).items[0].id
    const patch = (as: string, payload: object) =>
      app.inject({ method: 'PATCH', url: `/api/v1/requests/${id}`, headers: who[as], payload })
    expect((await patch('registryOfficer', { summary: 'Changed by the Registry' })).statusCode).toBe(409)
    const ok = await patch('chambersApprover', { summary: 'Changed by the Chambers', urgency: 'urgent' })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ summary: 'Changed by the Chambers', urgency: 'urgent' })
    await step(id, 'chambersApprover', BODIES.approve)
    expect((await patch('chambersOfficer', { summary: 'Too late' })).statusCode).toBe(409)
  })
})

describe('lists', () => {
  it('page with keyset cursors in the requested order without gaps or repeats', async () => {
    const all: string[] = []
    let cursor: string | null = null
    do {
      const q: string = `/api/v1/requests?sort=deadline&limit=7${cursor ? `&cursor=${cursor}` : ''}`
      const page = (await app.inject({ url: q, headers: who.chambersOfficer })).json()
      all.push(...page.items.map((r: { id: string }) => r.id))
      cursor = page.nextCursor
    } while (cursor)
    const total = (await app.inject({ url: '/api/v1/requests/counts', headers: who.chambersOfficer })).json().total
    expect(total).toBeGreaterThan(7)
    expect(all).toHaveLength(total)
    expect(new Set(all).size).toBe(total)
  })

  it('give one State’s requests in chosen statuses by deadline, page after page (the index walk on SQLite)', async () => {
    type Item = { id: string; addressee: string; status: string; responseDeadline: string | null }
    const pages = (query: string, limit: number) => everyPage<Item>(`${query}&sort=deadline`, limit)
    const statuses = ['draft', 'approved', 'transmitted', 'acknowledged']
    // Requests of this test, beside whatever the others left: two States, several statuses, and
    // deadlines that tie (the id decides) or are missing (last).
    for (const [i, status] of ['transmitted', 'acknowledged', 'transmitted', 'in_execution', 'draft'].entries()) {
      const id = await requestIn(status)
      const deadline = i === 4 ? null : i < 2 ? '2027-03-01T00:00:00.000Z' : `2027-0${i}-15T00:00:00.000Z`
      await db.db.updateTable('requests').set({ response_deadline: deadline }).where('id', '=', id).execute()
    }
    await draft({ addressees: ['KEN'] })
    const everything = await pages('', 100)
    /** NLD's requests in `chosen` statuses by deadline (missing last), ties by id: by hand. */
    const byDeadline = (items: Item[], chosen: string[]) =>
      items
        .filter((r) => r.addressee === 'NLD' && chosen.includes(r.status))
        .sort((a, b) => {
          const [x, y] = [
            a.responseDeadline ?? '9999-12-31T23:59:59.999Z',
            b.responseDeadline ?? '9999-12-31T23:59:59.999Z',
          ]
          return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1
        })
        .map((r) => r.id)
    const expected = byDeadline(everything, statuses)
    expect(expected.length).toBeGreaterThan(2)
    const got = await pages(`addressee=NLD&${statuses.map((s) => `status=${s}`).join('&')}`, 2)
    expect(got.map((r) => r.id)).toEqual(expected)
    // With a closed status among them (no longer only the index of open requests on SQLite).
    await requestIn('executed')
    const withClosed = ['in_execution', 'executed']
    const all = await pages('', 100)
    const expectedWithClosed = byDeadline(all, withClosed)
    expect(new Set(all.filter((r) => expectedWithClosed.includes(r.id)).map((r) => r.status))).toEqual(
      new Set(withClosed),
    )
    const gotWithClosed = await pages(`addressee=NLD&${withClosed.map((s) => `status=${s}`).join('&')}`, 2)
    expect(gotWithClosed.map((r) => r.id)).toEqual(expectedWithClosed)
  })

  it('give the whole list under a status, an organ, a classification, a type or a date range in every order, page after page (the sort-order walk and the narrow range on SQLite)', async () => {
    type Item = Record<'id' | 'status' | 'originator' | 'classification' | 'requestType', string> &
      Record<'responseDeadline' | 'createdAt' | 'updatedAt' | 'reference', string | null>
    const pages = (query: string, limit: number) => everyPage<Item>(query, limit)
    // Requests of this test, beside whatever the others left: each filter keeps some and not
    // others, with deadlines, creation and update times that tie (the id decides) or are missing.
    const kinds = [
      ['transmitted', 'ICC-CHAMBERS', 'confidential', 'ARREST_AND_SURRENDER'],
      ['draft', 'ICC-REGISTRY', 'public', 'ARREST_AND_SURRENDER'],
      ['executed', 'ICC-CHAMBERS', 'public', 'TRANSIT'],
      ['transmitted', 'ICC-REGISTRY', 'confidential', 'TRANSIT'],
    ]
    for (let i = 0; i < 12; i++) {
      const [status, originator, classification, type] = kinds[i % 4] as string[]
      const id = await requestIn(status as string)
      const at = `2027-0${1 + (i % 3)}-0${1 + (i % 5)}T00:00:00.000Z`
      await db.db
        .updateTable('requests')
        .set({
          originator,
          classification,
          request_type: type,
          response_deadline: i % 6 === 5 ? null : at,
          created_at: at,
          updated_at: `2027-0${1 + (i % 2)}-01T00:00:00.000Z`,
        })
        .where('id', '=', id)
        .execute()
    }
    const everything = await pages('sort=reference', 200)
    const field = {
      deadline: 'responseDeadline',
      created: 'createdAt',
      updated: 'updatedAt',
      reference: 'reference',
    } as const
    /** The filtered items in this order, ties by id, a missing deadline last in either direction: by hand. */
    const byHand = (keep: (r: Item) => boolean, key: keyof typeof field, desc: boolean) =>
      everything
        .filter(keep)
        .sort((a, b) => {
          const [x, y] = [a[field[key]], b[field[key]]]
          if (x === null || y === null) {
            if (x !== y) return x === null ? 1 : -1
          }
          const order = (x ?? '') < (y ?? '') ? -1 : (x ?? '') > (y ?? '') ? 1 : a.id < b.id ? -1 : 1
          return desc ? -order : order
        })
        .map((r) => r.id)
    const filters: [string, (r: Item) => boolean][] = [
      ['status=transmitted&status=draft', (r) => ['transmitted', 'draft'].includes(r.status)],
      ['organ=ICC-CHAMBERS', (r) => r.originator === 'ICC-CHAMBERS'],
      ['classification=confidential', (r) => r.classification === 'confidential'],
      ['type=ARREST_AND_SURRENDER', (r) => r.requestType === 'ARREST_AND_SURRENDER'],
      // By deadline, the range is written on the sort key (requests.repository.ts): the same rows.
      [
        'deadlineFrom=2027-01-02T00:00:00.000Z&deadlineTo=2027-02-03T00:00:00.000Z',
        (r) =>
          r.responseDeadline !== null &&
          r.responseDeadline >= '2027-01-02T00:00:00.000Z' &&
          r.responseDeadline <= '2027-02-03T00:00:00.000Z',
      ],
      [
        'deadlineTo=2027-02-03T00:00:00.000Z',
        (r) => r.responseDeadline !== null && r.responseDeadline <= '2027-02-03T00:00:00.000Z',
      ],
      // In another order than its own, a narrow date range is read through its index and sorted.
      ['updatedSince=2027-02-01T00:00:00.000Z', (r) => (r.updatedAt ?? '') >= '2027-02-01T00:00:00.000Z'],
      [
        'updatedSince=2027-02-01T00:00:00.000Z&deadlineFrom=2027-02-01T00:00:00.000Z',
        (r) =>
          (r.updatedAt ?? '') >= '2027-02-01T00:00:00.000Z' &&
          r.responseDeadline !== null &&
          r.responseDeadline >= '2027-02-01T00:00:00.000Z',
      ],
    ]
    let compared = 0
    for (const [query, keep] of filters)
      for (const key of Object.keys(field) as (keyof typeof field)[])
        for (const desc of [false, true]) {
          const expected = byHand(keep, key, desc)
          const got = await pages(`${query}&sort=${desc ? '-' : ''}${key}`, 5)
          expect(
            got.map((r) => r.id),
            `${query} ${desc ? '-' : ''}${key}`,
          ).toEqual(expected)
          if (expected.length > 5) compared++
        }
    // Not vacuous: most combinations span several pages.
    expect(compared).toBeGreaterThan(20)
  }, 90_000) // hundreds of pages through the API: 14 s on PostgreSQL when the machine is idle
})

describe('breakdowns (the workload by situation, organ and addressee)', () => {
  type Breakdown = {
    by: string
    total: number
    overdue: number
    groups: { key: string | null; total: number; overdue: number }[]
  }
  const breakdown = async (as: string, query: string) => {
    const res = await app.inject({ url: `/api/v1/requests/breakdown?${query}`, headers: who[as] })
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as Breakdown
  }
  const counts = async (as: string, query: string) => {
    const { total, overdue } = (await app.inject({ url: `/api/v1/requests/counts?${query}`, headers: who[as] })).json()
    return { total, overdue }
  }
  const FILTER = { situation: 'situation', organ: 'organ', addressee: 'addressee' } as const

  it('count what the list shows, group by group, through the visibility filter, most overdue first', async () => {
    // A request outside any situation, from another organ, to another State, transmitted so that
    // Kenya's focal point sees it.
    const other = (
      await draft(
        {
          requestType: 'PROVIDE_RECORDS',
          assistanceSought: 'Records',
          checklist: { answers: { '96(2)(b)': 'Archive X' } },
          caseId: undefined,
          compartment: 'SIT-RQ',
          personIds: [],
          addressees: ['KEN'],
        },
        'registryOfficer',
      )
    ).items[0].id
    expect((await step(other, 'registryApprover', BODIES.approve)).statusCode).toBe(200)
    expect((await step(other, 'registryOfficer', BODIES.transmit)).statusCode).toBe(200)
    let groupsCompared = 0
    for (const as of ['chambersOfficer', 'registryOfficer', 'kenFocal', 'nldFocal', 'chambersOutside'])
      for (const by of ['situation', 'organ', 'addressee'] as const) {
        const got = await breakdown(as, `by=${by}`)
        const all = await counts(as, '')
        expect(got.by).toBe(by)
        expect({ total: got.total, overdue: got.overdue }, `${as} by ${by}`).toEqual(all)
        expect(got.groups.reduce((n, g) => n + g.total, 0)).toBe(all.total)
        for (const [i, g] of got.groups.entries()) {
          const next = got.groups[i + 1]
          if (next) expect(g.overdue > next.overdue || (g.overdue === next.overdue && g.total >= next.total)).toBe(true)
          if (g.key === null) continue
          expect(await counts(as, `${FILTER[by]}=${g.key}`), `${as} by ${by}: ${g.key}`).toEqual({
            total: g.total,
            overdue: g.overdue,
          })
          groupsCompared++
        }
        // Kenya's focal point counts what was sent to Kenya and, of the rest, public requests only;
        // an officer outside the compartments, public requests only.
        if (as === 'kenFocal' && by === 'addressee') expect(got.groups.map((g) => g.key)).toContain('KEN')
        if ((as === 'kenFocal' || as === 'chambersOutside') && by === 'addressee')
          for (const g of got.groups.filter((g) => !(as === 'kenFocal' && g.key === 'KEN')))
            expect((await counts(as, `addressee=${g.key}&classification=public`)).total).toBe(g.total)
      }
    // The Court sees both addressees, both organs, and a request outside the situation.
    const court = await breakdown('registryOfficer', 'by=addressee')
    expect(court.groups.map((g) => g.key).sort()).toEqual(expect.arrayContaining(['KEN', 'NLD']))
    expect((await breakdown('registryOfficer', 'by=situation')).groups.map((g) => g.key)).toEqual(
      expect.arrayContaining([situationId, null]),
    )
    expect(groupsCompared).toBeGreaterThan(8)
  })

  it('apply the list filters', async () => {
    const onlyKen = await breakdown('registryOfficer', 'by=organ&addressee=KEN')
    expect({ total: onlyKen.total, overdue: onlyKen.overdue }).toEqual(await counts('registryOfficer', 'addressee=KEN'))
    expect(onlyKen.groups.map((g) => g.key)).toContain('ICC-REGISTRY')
    for (const g of onlyKen.groups)
      expect(await counts('registryOfficer', `addressee=KEN&organ=${g.key}`)).toEqual({
        total: g.total,
        overdue: g.overdue,
      })
    const onlyDrafts = await breakdown('registryOfficer', 'by=addressee&status=draft')
    expect(onlyDrafts.total).toBe((await counts('registryOfficer', 'status=draft')).total)
  })

  it('refuse an unknown or missing dimension with a 400 that names it', async () => {
    for (const query of ['by=colour', '', 'by=situation&by=organ']) {
      const res = await app.inject({ url: `/api/v1/requests/breakdown?${query}`, headers: who.chambersOfficer })
      expect(res.statusCode, query).toBe(400)
      expect(res.json().error.code).toBe('VALIDATION_FAILED')
      expect(res.json().error.message).toMatch(/by/)
    }
  })
})
