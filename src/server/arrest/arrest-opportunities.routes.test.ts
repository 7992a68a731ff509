import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { systemCtx } from '../../../test/context.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { insertProtectedAgreement } from '../agreements/agreements.repository.ts'
import { buildApp } from '../app.ts'
import { loadUserActor } from '../identity/identity.service.ts'
import { listOutcomesOfRequests } from './arrest-opportunities.service.ts'

// An arrest opportunity through the API on both databases: reported, hidden from everyone
// without need-to-know (the State concerned included), turned into a proposal that says whether
// the State is bound and why, then into a request *draft* that still goes through the requests
// feature's four-eyes approval; outcomes appended with the request they concern.

const CASE = 'CASE-AO'
let db: TestDb
let app: FastifyInstance
let clock = new Date('2026-11-28T09:00:00.000Z')
type H = Record<string, string>
const who: Record<string, H> = {}
let personId = ''

const userIds: Record<string, string> = {}
async function user(label: string, spec: { orgCode: string; role: string; compartments?: string[] }) {
  const created = await createUserWithToken(db.db, spec)
  who[label] = created.headers
  userIds[label] = created.user.id
}
const get = (url: string, label?: string) => app.inject({ method: 'GET', url, headers: label ? (who[label] as H) : {} })
const post = (url: string, label: string, payload: object) =>
  app.inject({ method: 'POST', url, headers: who[label] as H, payload })
const patch = (url: string, label: string, payload: object) =>
  app.inject({ method: 'PATCH', url, headers: who[label] as H, payload })

const REPORT = {
  kind: 'travel',
  sourceDescription: 'Human source HS-12 (fictional), met in person',
  sourceReliability: 'B',
  informationCredibility: '2',
  place: 'Dakar, Blaise Diagne airport',
  fromDate: '2026-12-03',
  toDate: '2026-12-05',
}

async function report(iso3: string, extra: object = {}, label = 'otpOfficer') {
  const res = await post('/api/v1/arrest-opportunities', label, { ...REPORT, personId, iso3, ...extra })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id as string
}

beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db, now: () => clock })
  await user('otpOfficer', { orgCode: 'ICC-OTP', role: 'officer', compartments: [CASE] })
  // The Chamber's approvers: the Court requests an arrest on the Chamber's warrant, so they draft
  // and approve it from an opportunity the Prosecution reported (reference.request-rules.ts).
  await user('approverA', { orgCode: 'ICC-CHAMBERS', role: 'approver', compartments: [CASE] })
  await user('approverB', { orgCode: 'ICC-CHAMBERS', role: 'approver', compartments: [CASE] })
  await user('otpOutside', { orgCode: 'ICC-OTP', role: 'approver', compartments: ['CASE-OTHER'] })
  await user('senFocalPoint', { orgCode: 'SEN', role: 'focal-point' })
  await user('admin', { orgCode: 'ICC-REGISTRY', role: 'admin', compartments: [CASE] })
  await user('auditor', { orgCode: 'ICC-REGISTRY', role: 'auditor', compartments: [CASE] })
  await db.db.updateTable('api_tokens').set({ expires_at: '2099-01-01T00:00:00.000Z' }).execute()
  // Senegal declared French and the diplomatic channel under article 87(1)-(2) (test data).
  await db.db
    .insertInto('state_cooperation_profiles')
    .values({ iso3: 'SEN', channel: 'diplomatic', languages: JSON.stringify(['fr']), is_demo: 0 })
    .execute()
  const create = async (url: string, payload: object) => {
    const res = await post(url, 'otpOfficer', payload)
    expect(res.statusCode, res.body).toBe(201)
    return res.json().id as string
  }
  const situationId = await create('/api/v1/situations', {
    code: 'SIT-AO',
    name: 'Situation in Testland (fictional)',
    classification: 'confidential',
    compartment: CASE,
  })
  const caseId = await create('/api/v1/cases', {
    situationId,
    code: CASE,
    name: 'The Prosecutor v. Person AO (fictional)',
    classification: 'confidential',
    compartment: CASE,
  })
  personId = await create('/api/v1/persons', {
    situationId,
    caseId,
    name: 'Person Sought AO (fictional)',
    roleInProceedings: 'suspect',
    classification: 'under_seal',
    compartment: CASE,
  })
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

describe('reporting an opportunity', () => {
  let id = ''
  it('records it under seal in the person’s compartment, pending, with the Admiralty grading', async () => {
    id = await report('SEN')
    const res = await get(`/api/v1/arrest-opportunities/${id}`, 'approverA')
    expect(res.json()).toMatchObject({
      personName: 'Person Sought AO (fictional)',
      iso3: 'SEN',
      classification: 'under_seal',
      compartment: CASE,
      outcome: 'pending',
      sourceReliability: 'B',
      informationCredibility: '2',
      requestId: null,
      outcomes: [],
    })
  })

  it('is unknown to everyone without need-to-know, the State concerned included', async () => {
    for (const label of ['otpOutside', 'senFocalPoint', 'admin', 'auditor']) {
      const list = await get('/api/v1/arrest-opportunities', label)
      expect(list.json(), label).toEqual({ items: [], nextCursor: null, total: 0 })
      expect((await get(`/api/v1/arrest-opportunities/${id}`, label)).statusCode, label).toBe(404)
      expect((await get(`/api/v1/arrest-opportunities/${id}/proposal`, label)).statusCode, label).toBe(404)
      const outcome = await post(`/api/v1/arrest-opportunities/${id}/outcome`, label, {
        outcome: 'arrested',
        date: '2026-11-27',
      })
      expect([403, 404], label).toContain(outcome.statusCode)
    }
    expect((await get('/api/v1/arrest-opportunities')).statusCode).toBe(401)
  })

  it('refuses bad input with a clear 4xx and records nothing', async () => {
    const before = (await db.db.selectFrom('arrest_opportunities').select('id').execute()).length
    const cases: [object, number, string][] = [
      [{ iso3: 'SEN', toDate: '2026-12-01' }, 422, 'RECORD_INVALID'],
      [{ iso3: 'ZZZ' }, 404, 'STATE_NOT_FOUND'],
      [{ iso3: 'SEN', sourceReliability: 'G' }, 400, 'VALIDATION_FAILED'],
      [{ iso3: 'SEN', informationCredibility: '7' }, 400, 'VALIDATION_FAILED'],
      [{ iso3: 'SEN', classification: 'public' }, 400, 'VALIDATION_FAILED'],
      [{ iso3: 'SEN', compartment: 'CASE-OTHER' }, 422, 'RECORD_INVALID'],
      [{ iso3: 'sen' }, 400, 'VALIDATION_FAILED'],
    ]
    for (const [extra, status, code] of cases) {
      const res = await post('/api/v1/arrest-opportunities', 'otpOfficer', { ...REPORT, personId, ...extra })
      expect(res.statusCode, JSON.stringify(extra)).toBe(status)
      expect(res.json().error.code).toBe(code)
    }
    const unseen = await post('/api/v1/arrest-opportunities', 'otpOutside', { ...REPORT, personId, iso3: 'SEN' })
    expect(unseen.statusCode).toBe(404)
    expect((await db.db.selectFrom('arrest_opportunities').select('id').execute()).length).toBe(before)
  })
})

describe('the proposal', () => {
  it('for a State Party: bound under 86 and 89(1), arrest and surrender, reminder in its language (French)', async () => {
    const id = await report('SEN')
    const res = await get(`/api/v1/arrest-opportunities/${id}/proposal`, 'otpOfficer')
    expect(res.statusCode, res.body).toBe(200)
    const p = res.json()
    expect(p.binding).toMatchObject({ isBound: true, basis: 'state_party', arrangement: null })
    expect(p.binding.articles).toEqual(expect.arrayContaining(['86', '89(1)']))
    expect(p.draft).toMatchObject({
      requestType: 'ARREST_AND_SURRENDER',
      addressee: 'SEN',
      personIds: [personId],
      classification: 'under_seal',
      compartment: CASE,
      language: 'fr',
      channel: 'diplomatic',
      channelSource: 'declared',
      urgency: 'normal',
    })
    expect(p.draft.legalBasis).toContain('89(1)')
    expect(p.draft.facts).toContain('Dakar, Blaise Diagne airport')
    expect(p.draft.checklistAnswers['91(2)(a)']).toContain('Dakar')
    // The source stays with the Court: it is never copied into what the State will read.
    expect(JSON.stringify(p.draft)).not.toContain('HS-12')
    expect(p.reminder.language).toBe('fr')
    expect(p.reminder.note).toContain('anglais')
    const refs = p.reminder.items.map((i: { ref: string }) => i.ref)
    expect(refs).toEqual(expect.arrayContaining(['86', '89(1)', '59(1)']))
    expect(refs).not.toContain('92(1)')
    const art86 = p.reminder.items.find((i: { ref: string }) => i.ref === '86')
    expect(art86.heading).toBe('Obligation générale de coopérer')
    expect(art86.text).toMatch(
      /^States Parties shall, in accordance with the provisions of this Statute, cooperate fully/,
    )
  })

  it('for an urgent report: a provisional arrest under 92, reminder in English with 92, channel not declared', async () => {
    const id = await report('NLD', { urgency: 'urgent', place: 'The Hague' })
    const p = (await get(`/api/v1/arrest-opportunities/${id}/proposal`, 'otpOfficer')).json()
    expect(p.draft).toMatchObject({ requestType: 'PROVISIONAL_ARREST', urgency: 'urgent', channelSource: 'default' })
    expect(p.draft.checklistAnswers['92(2)(a)']).toContain('The Hague')
    expect(p.reminder.language).toBe('en')
    expect(p.reminder.note).toBeNull()
    expect(p.reminder.items.map((i: { ref: string }) => i.ref)).toEqual(expect.arrayContaining(['92(1)', '92(3)']))
  })

  it('rests on the warrant of arrest: warns while none is recorded, then states it (92(2)(c))', async () => {
    const id = await report('NLD', { urgency: 'urgent' })
    const before = (await get(`/api/v1/arrest-opportunities/${id}/proposal`, 'otpOfficer')).json()
    expect(before.draft.warrantId).toBeNull()
    expect(before.draft.typeReason.en).toContain('No warrant of arrest is recorded')
    expect(before.draft.checklistAnswers['92(2)(c)']).toBeUndefined()
    const warrant = await post('/api/v1/warrants', 'otpOfficer', {
      personId,
      kind: 'arrest_warrant',
      issuingChamber: 'Pre-Trial Chamber IX (fictional)',
      issuedOn: '2025-05-02',
      charges: [{ category: 'war_crimes', counts: 3 }],
      classification: 'under_seal',
      compartment: CASE,
    })
    expect(warrant.statusCode, warrant.body).toBe(201)
    const after = (await get(`/api/v1/arrest-opportunities/${id}/proposal`, 'otpOfficer')).json()
    expect(after.draft.warrantId).toBe(warrant.json().id)
    expect(after.draft.typeReason.en).not.toContain('No warrant')
    expect(after.draft.checklistAnswers['92(2)(c)']).toBe(
      'A warrant of arrest was issued against the person sought by Pre-Trial Chamber IX (fictional) on 2025-05-02.',
    )
  })

  it('for a State not party: not bound, unless an ad hoc arrangement the caller may see binds it (87(5))', async () => {
    const id = await report('IND')
    const before = (await get(`/api/v1/arrest-opportunities/${id}/proposal`, 'otpOfficer')).json()
    expect(before.binding).toMatchObject({ isBound: false, basis: 'none', arrangement: null })
    expect(before.binding.explanation.en).toContain('87(5)(a)')
    expect(before.draft.legalBasis).toContain('invitation')
    await insertProtectedAgreement(db.db, {
      id: 'test:ad_hoc:IND',
      iso3: 'IND',
      kind: 'ad_hoc_arrangement',
      title: 'Ad hoc arrangement on an arrest (fictional)',
      status: 'signed',
      dateSigned: '2026-01-10',
      notes: null,
      classification: 'under_seal',
      compartmentCode: CASE,
      exParteParty: null,
      recipients: [{ kind: 'named', orgCode: 'IND' }],
    })
    const after = (await get(`/api/v1/arrest-opportunities/${id}/proposal`, 'otpOfficer')).json()
    expect(after.binding).toMatchObject({ isBound: true, basis: 'ad_hoc_arrangement' })
    expect(after.binding.arrangement.id).toBe('test:ad_hoc:IND')
    expect(after.reminder.items.map((i: { ref: string }) => i.ref)).toEqual(
      expect.arrayContaining(['87(5)(a)', '87(5)(b)']),
    )
  })

  it('for a State that withdrew: not bound as a State Party, with article 127(2) named', async () => {
    const id = await report('BDI')
    const p = (await get(`/api/v1/arrest-opportunities/${id}/proposal`, 'otpOfficer')).json()
    expect(p.binding).toMatchObject({ isBound: false, basis: 'withdrawn' })
    expect(p.binding.articles).toContain('127(2)')
    expect(p.state.romeStatus).toBe('withdrawn')
  })
})

describe('turning an opportunity into a request', () => {
  let opportunityId = ''
  let requestId = ''

  it('creates a draft through the requests feature and links it; a second draft is refused', async () => {
    opportunityId = await report('SEN')
    // The Prosecution reports the opportunity but does not request the arrest: refused, no draft.
    const byOtp = await post(`/api/v1/arrest-opportunities/${opportunityId}/request-draft`, 'otpOfficer', {})
    expect(byOtp.statusCode, byOtp.body).toBe(422)
    expect(byOtp.json().error.details.originatedBy).toEqual(['ICC-CHAMBERS', 'ICC-REGISTRY'])
    expect((await get(`/api/v1/arrest-opportunities/${opportunityId}`, 'otpOfficer')).json().requestId).toBeNull()
    const res = await post(`/api/v1/arrest-opportunities/${opportunityId}/request-draft`, 'approverA', {})
    expect(res.statusCode, res.body).toBe(201)
    const body = res.json()
    requestId = body.request.id
    expect(body.request.status).toBe('draft')
    expect(body.opportunity.requestId).toBe(requestId)
    const request = (await get(`/api/v1/requests/${requestId}`, 'approverA')).json()
    expect(request).toMatchObject({
      status: 'draft',
      requestType: 'ARREST_AND_SURRENDER',
      addressee: 'SEN',
      classification: 'under_seal',
      compartment: CASE,
      language: 'fr',
      personIds: [personId],
    })
    // It carries out the person's warrant recorded above, which stands for 91(2)(b).
    const proposal = (await get(`/api/v1/arrest-opportunities/${opportunityId}/proposal`, 'approverA')).json()
    expect(proposal.draft.warrantId).not.toBeNull()
    expect(request.warrantIds).toEqual([proposal.draft.warrantId])
    expect(request.checklist.items.find((i: { ref: string }) => i.ref === '91(2)(b)').satisfied).toBe(true)
    expect(request.checklist.complete).toBe(false)
    const again = await post(`/api/v1/arrest-opportunities/${opportunityId}/request-draft`, 'otpOfficer', {})
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('ARREST_OPPORTUNITY_REQUEST_EXISTS')
    // A draft is internal to the Court: the State concerned does not know of it yet.
    expect((await get(`/api/v1/requests/${requestId}`, 'senFocalPoint')).statusCode).toBe(404)
  })

  it('still needs approval: refused to the drafter, refused while incomplete, given by another approver', async () => {
    const approve = (label: string) => post(`/api/v1/requests/${requestId}/transitions`, label, { action: 'approve' })
    const byDrafter = await approve('approverA')
    expect(byDrafter.statusCode).toBe(409)
    expect(byDrafter.json().error.code).toBe('TRANSITION_NOT_ALLOWED')
    const incomplete = await approve('approverB')
    expect(incomplete.statusCode).toBe(422)
    expect(incomplete.json().error.code).toBe('REQUEST_INCOMPLETE')
    const completed = await patch(`/api/v1/requests/${requestId}`, 'approverA', {
      checklist: {
        answers: {
          '91(2)(a)': 'Person Sought AO (fictional), described in annex A; probable location Dakar.',
          '91(2)(b)': 'Copy of the warrant of arrest attached (fictional).',
          '91(2)(c)': 'Documents for the surrender process in Senegal attached (fictional).',
        },
      },
    })
    expect(completed.statusCode, completed.body).toBe(200)
    expect(completed.json().checklist.complete).toBe(true)
    const approved = await approve('approverB')
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json().status).toBe('approved')
  })

  it('appends outcomes, each keeping the request it concerns, for non-cooperation later', async () => {
    const url = `/api/v1/arrest-opportunities/${opportunityId}/outcome`
    const future = await post(url, 'otpOfficer', { outcome: 'arrested', date: '2026-12-30' })
    expect(future.statusCode).toBe(422)
    const silent = await post(url, 'otpOfficer', { outcome: 'no_response', date: '2026-11-28', note: 'No answer' })
    expect(silent.statusCode, silent.body).toBe(200)
    expect(silent.json()).toMatchObject({ outcome: 'no_response', outcomeDate: '2026-11-28' })
    const twice = await post(url, 'otpOfficer', { outcome: 'no_response', date: '2026-11-28' })
    expect(twice.json().error.code).toBe('RECORD_INVALID')
    clock = new Date('2026-12-10T09:00:00.000Z')
    const left = await post(url, 'approverB', { outcome: 'person_left', date: '2026-12-06' })
    expect(left.json().outcomes).toEqual([
      expect.objectContaining({ seq: 1, outcome: 'no_response', requestId, note: 'No answer' }),
      expect.objectContaining({ seq: 2, outcome: 'person_left', requestId }),
    ])
    const rows = await db.db
      .selectFrom('arrest_opportunity_outcomes')
      .select(['outcome', 'request_id'])
      .where('opportunity_id', '=', opportunityId)
      .orderBy('seq')
      .execute()
    expect(rows).toEqual([
      { outcome: 'no_response', request_id: requestId },
      { outcome: 'person_left', request_id: requestId },
    ])
  })

  it('answers non-cooperation with the outcomes behind a request, to those who may see them only', async () => {
    const ctx = async (label: string) => {
      const actor = await loadUserActor(db.db, userIds[label] as string, {
        via: 'token',
        sessionId: null,
        scopes: ['read'],
      })
      return systemCtx(db.db, actor ?? undefined, () => clock)
    }
    const seen = await listOutcomesOfRequests(await ctx('approverB'), [requestId])
    expect(seen.map((o) => [o.outcome, o.requestId, o.iso3])).toEqual([
      ['no_response', requestId, 'SEN'],
      ['person_left', requestId, 'SEN'],
    ])
    expect(await listOutcomesOfRequests(await ctx('otpOutside'), [requestId])).toEqual([])
  })

  it('lists with filters: person, State, outcome, pending only', async () => {
    const ids = async (query: string) =>
      (await get(`/api/v1/arrest-opportunities${query}`, 'otpOfficer')).json().items.map((i: { id: string }) => i.id)
    expect(await ids('?outcome=person_left')).toEqual([opportunityId])
    expect(await ids('?pending=true')).not.toContain(opportunityId)
    expect((await ids('?pending=false')).length).toBe(1)
    expect((await ids('?iso3=BDI')).length).toBe(1)
    expect((await ids(`?personId=${personId}&limit=200`)).length).toBeGreaterThan(4)
    const page = (await get('/api/v1/arrest-opportunities?limit=2', 'otpOfficer')).json()
    expect(page.items).toHaveLength(2)
    const next = (await get(`/api/v1/arrest-opportunities?limit=2&cursor=${page.nextCursor}`, 'otpOfficer')).json()
    expect(next.items.map((i: { id: string }) => i.id)).not.toContain(page.items[0].id)
    expect(page.total).toBe(next.total)
  })

  it('writes every act and read on the audit trail', async () => {
    const actions = (
      await db.db.selectFrom('audit_events').select('action').where('record_type', '=', 'arrest_opportunity').execute()
    ).map((r) => r.action)
    for (const action of [
      'arrest_opportunity.reported',
      'arrest_opportunity.read',
      'arrest_opportunity.listed',
      'arrest_opportunity.proposal_read',
      'arrest_opportunity.request_drafted',
      'arrest_opportunity.outcome_recorded',
    ]) {
      expect(actions).toContain(action)
    }
  })
})
