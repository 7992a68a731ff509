import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'

// The warrants a request for arrest and surrender, provisional arrest or transit carries out
// (articles 58, 89, 91(2)(b), 91(3)(a), 92(2)(c)), on both databases: only warrants of arrest the
// drafter may see, still to be carried out, on those types only; their persons are linked too; a
// linked warrant satisfies the checklist's warrant elements; GET /requests?warrantId= finds the
// requests carrying one out, through the visibility filter. A refused link changes nothing.

const CASE = 'CASE-WRT-A'
let db: TestDb
let app: FastifyInstance
const who: Record<string, Record<string, string>> = {}
const ids: Record<string, string> = {}

async function call(method: 'GET' | 'POST' | 'PATCH', url: string, as: string, payload?: object) {
  return app.inject({ method, url, headers: who[as], ...(payload ? { payload } : {}) })
}
async function created(url: string, as: string, payload: object) {
  const res = await call('POST', url, as, payload)
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}
const count = async (table: 'requests' | 'request_warrants') =>
  Number(
    (
      await db.db
        .selectFrom(table)
        .select(({ fn }) => fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

function warrantBody(personId: string, kind: 'arrest_warrant' | 'summons_to_appear') {
  return {
    personId,
    kind,
    issuingChamber: 'Pre-Trial Chamber IX (fictional)',
    issuedOn: '2025-05-02',
    charges: [{ category: 'war_crimes', counts: 2 }],
    classification: 'under_seal',
    compartment: CASE,
  }
}

beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
  const user = async (name: string, orgCode: string, role: string, compartments: string[]) => {
    who[name] = (await createUserWithToken(db.db, { orgCode, role, compartments })).headers
  }
  await user('chambers', 'ICC-CHAMBERS', 'officer', [CASE, 'CASE-WRT-B'])
  await user('approver', 'ICC-CHAMBERS', 'approver', [CASE, 'CASE-WRT-B'])
  await user('outside', 'ICC-CHAMBERS', 'officer', ['CASE-WRT-B'])
  await user('registry', 'ICC-REGISTRY', 'officer', [CASE])
  await user('nld', 'NLD', 'focal-point', [])
  await user('ken', 'KEN', 'focal-point', [])
  const situationId = (
    await created('/api/v1/situations', 'chambers', {
      code: 'WRT-A',
      name: 'Situation in Warrantland (fictional)',
      classification: 'confidential',
      compartment: CASE,
    })
  ).id
  ids.situation = situationId
  for (const name of ['sought', 'summoned', 'withdrawn', 'later', 'named']) {
    ids[name] = (
      await created('/api/v1/persons', 'chambers', {
        situationId,
        name: `Person ${name} (fictional)`,
        roleInProceedings: 'suspect',
        classification: 'confidential',
        compartment: CASE,
      })
    ).id
  }
  ids.warrant = (await created('/api/v1/warrants', 'chambers', warrantBody(ids.sought as string, 'arrest_warrant'))).id
  ids.summons = (
    await created('/api/v1/warrants', 'chambers', warrantBody(ids.summoned as string, 'summons_to_appear'))
  ).id
  ids.withdrawnWarrant = (
    await created('/api/v1/warrants', 'chambers', warrantBody(ids.withdrawn as string, 'arrest_warrant'))
  ).id
  const change = await call('POST', `/api/v1/warrants/${ids.withdrawnWarrant}/status-changes`, 'chambers', {
    status: 'warrant_withdrawn',
    occurredOn: '2025-06-01',
  })
  expect(change.statusCode, change.body).toBe(200)
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

const arrestDraft = (extra: object) => ({
  requestType: 'ARREST_AND_SURRENDER',
  addressees: ['NLD'],
  classification: 'under_seal',
  compartment: CASE,
  situationId: ids.situation,
  legalBasis: 'Articles 89(1) and 91 of the Rome Statute',
  summary: 'Arrest and surrender of the person sought (fictional)',
  facts: 'Fictional facts for a test.',
  ...extra,
})
type ChecklistItem = { ref: string; satisfied: boolean; reasons: { code: string }[] }
const item = (detail: { checklist: { items: ChecklistItem[] } }, ref: string) =>
  detail.checklist.items.find((i) => i.ref === ref) as ChecklistItem

describe('a request resting on a warrant of arrest', () => {
  it('is of the three types the catalogue says rest on a warrant', async () => {
    const types = (await app.inject({ url: '/api/v1/reference/request-types' })).json().items as {
      code: string
      restsOnWarrant: boolean
    }[]
    expect(types.filter((t) => t.restsOnWarrant).map((t) => t.code)).toEqual(
      expect.arrayContaining(['ARREST_AND_SURRENDER', 'PROVISIONAL_ARREST', 'TRANSIT']),
    )
    expect(types.filter((t) => t.restsOnWarrant)).toHaveLength(3)
  })

  it('links the warrant and its person, satisfies 91(2)(b) with it, and is found by warrantId', async () => {
    const [request] = (await created('/api/v1/requests', 'chambers', arrestDraft({ warrantIds: [ids.warrant] }))).items
    expect(request.warrantIds).toEqual([ids.warrant])
    expect(request.personIds).toEqual([ids.sought])
    expect(item(request, '91(2)(b)')).toMatchObject({ satisfied: true, reasons: [] })
    // The page read again (kept or not) says the same.
    const page = (await call('GET', `/api/v1/requests/${request.id}`, 'chambers')).json()
    expect(page.warrantIds).toEqual([ids.warrant])

    const found = await call(
      'GET',
      `/api/v1/requests?warrantId=${encodeURIComponent(ids.warrant as string)}`,
      'chambers',
    )
    expect(found.statusCode, found.body).toBe(200)
    expect(found.json().items.map((r: { id: string }) => r.id)).toEqual([request.id])
    const counts = (
      await call('GET', `/api/v1/requests/counts?warrantId=${encodeURIComponent(ids.warrant as string)}`, 'chambers')
    ).json()
    expect(counts.total).toBe(1)
    // The filter narrows what the caller may see; it reveals nothing to someone outside the case.
    const outside = await call(
      'GET',
      `/api/v1/requests?warrantId=${encodeURIComponent(ids.warrant as string)}`,
      'outside',
    )
    expect(outside.statusCode).toBe(200)
    expect(outside.json().items).toEqual([])

    // The rest of 91(2) answered, an approver of the Chambers approves it: the warrant stood for (b).
    const answered = await call('PATCH', `/api/v1/requests/${request.id}`, 'chambers', {
      checklist: {
        answers: { '91(2)(a)': 'Description and probable location (fictional).', '91(2)(c)': 'Surrender documents.' },
      },
    })
    expect(answered.statusCode, answered.body).toBe(200)
    expect(answered.json().checklist.complete).toBe(true)
    const approved = await call('POST', `/api/v1/requests/${request.id}/transitions`, 'approver', { action: 'approve' })
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json().status).toBe('approved')
  })

  it('lists the warrants of a situation’s persons, for the drafter to choose from', async () => {
    const list = async (situationId: string, as = 'chambers') => {
      const res = await call('GET', `/api/v1/warrants?situationId=${encodeURIComponent(situationId)}`, as)
      expect(res.statusCode, res.body).toBe(200)
      return (res.json().items as { id: string }[]).map((w) => w.id).sort()
    }
    expect(await list(ids.situation as string)).toEqual([ids.warrant, ids.summons, ids.withdrawnWarrant].sort())
    expect(await list('no-such-situation')).toEqual([])
    // Sealed warrants of a case the caller does not hold stay out.
    expect(await list(ids.situation as string, 'outside')).toEqual([])
  })

  it('without a warrant, 91(2)(b) needs an answer (a warrant not recorded here), and says so', async () => {
    const [request] = (await created('/api/v1/requests', 'chambers', arrestDraft({ personIds: [ids.sought] }))).items
    expect(request.warrantIds).toEqual([])
    expect(item(request, '91(2)(b)')).toMatchObject({ satisfied: false, reasons: [{ code: 'warrant_not_linked' }] })
    const approve = await call('POST', `/api/v1/requests/${request.id}/transitions`, 'approver', { action: 'approve' })
    expect(approve.statusCode).toBe(422)
    const answered = await call('PATCH', `/api/v1/requests/${request.id}`, 'chambers', {
      checklist: { answers: { '91(2)(b)': 'Copy of the warrant attached (issued under seal, not recorded here).' } },
    })
    expect(item(answered.json(), '91(2)(b)')).toMatchObject({ satisfied: true })
    // A provisional arrest's statement that a warrant exists (92(2)(c)) is satisfied by the link.
    const [provisional] = (
      await created(
        '/api/v1/requests',
        'chambers',
        arrestDraft({ requestType: 'PROVISIONAL_ARREST', urgency: 'urgent', warrantIds: [ids.warrant] }),
      )
    ).items
    expect(item(provisional, '92(2)(c)')).toMatchObject({ satisfied: true })
  })

  it('refuses a warrant on another type, a summons, a warrant no longer to carry out, one not visible: nothing created', async () => {
    const before = { requests: await count('requests'), links: await count('request_warrants') }
    const refusals: [object, number, string][] = [
      [
        arrestDraft({ requestType: 'TAKE_EVIDENCE', warrantIds: [ids.warrant] }),
        422,
        'rests on no warrant: only a request for arrest and surrender, provisional arrest or transit',
      ],
      [arrestDraft({ warrantIds: [ids.summons] }), 422, 'is a summons to appear (article 58(7))'],
      [arrestDraft({ warrantIds: [ids.withdrawnWarrant] }), 422, 'is warrant_withdrawn: a request carries out'],
      [arrestDraft({ warrantIds: ['no-such-warrant'] }), 404, 'No warrant no-such-warrant'],
    ]
    for (const [body, status, message] of refusals) {
      const res = await call('POST', '/api/v1/requests', 'chambers', body)
      expect(res.statusCode, res.body).toBe(status)
      expect(res.json().error.message).toContain(message)
    }
    const withdrawn = await call(
      'POST',
      '/api/v1/requests',
      'chambers',
      arrestDraft({ warrantIds: [ids.withdrawnWarrant] }),
    )
    expect(withdrawn.json().error.details).toEqual({
      warrantStatus: 'warrant_withdrawn',
      allowed: ['at_large', 'arrested'],
    })
    // The sealed warrant of a case the drafter does not hold is not found, as if it did not exist.
    const hidden = await call(
      'POST',
      '/api/v1/requests',
      'outside',
      arrestDraft({ compartment: 'CASE-WRT-B', situationId: null, warrantIds: [ids.warrant] }),
    )
    expect(hidden.statusCode, hidden.body).toBe(404)
    expect(hidden.json().error.message).toBe(`No warrant ${ids.warrant}`)
    expect({ requests: await count('requests'), links: await count('request_warrants') }).toEqual(before)
  })

  it('changes a draft’s warrants (its persons stay), and refuses them on a draft of another type unchanged', async () => {
    const [request] = (await created('/api/v1/requests', 'chambers', arrestDraft({}))).items
    const linked = await call('PATCH', `/api/v1/requests/${request.id}`, 'chambers', { warrantIds: [ids.warrant] })
    expect(linked.statusCode, linked.body).toBe(200)
    expect(linked.json()).toMatchObject({ warrantIds: [ids.warrant], personIds: [ids.sought] })
    const unlinked = await call('PATCH', `/api/v1/requests/${request.id}`, 'chambers', { warrantIds: [] })
    expect(unlinked.json()).toMatchObject({ warrantIds: [], personIds: [ids.sought] })
    expect(item(unlinked.json(), '91(2)(b)').satisfied).toBe(false)

    const [evidence] = (
      await created('/api/v1/requests', 'chambers', arrestDraft({ requestType: 'TAKE_EVIDENCE', summary: 'Evidence' }))
    ).items
    const events = (await call('GET', `/api/v1/requests/${evidence.id}`, 'chambers')).json().events.length
    const refused = await call('PATCH', `/api/v1/requests/${evidence.id}`, 'chambers', { warrantIds: [ids.warrant] })
    expect(refused.statusCode, refused.body).toBe(422)
    const after = (await call('GET', `/api/v1/requests/${evidence.id}`, 'chambers')).json()
    expect(after).toMatchObject({ warrantIds: [], personIds: [] })
    expect(after.events.length).toBe(events)
  })
  it('leaves the Court only while its warrants stand: approval and transmission refused once one no longer does', async () => {
    const warrant = (await created('/api/v1/warrants', 'chambers', warrantBody(ids.later as string, 'arrest_warrant')))
      .id
    const move = async (status: string) => {
      const res = await call('POST', `/api/v1/warrants/${warrant}/status-changes`, 'chambers', {
        status,
        occurredOn: '2025-07-01',
      })
      expect(res.statusCode, res.body).toBe(200)
    }
    const answers = {
      '91(2)(a)': 'Description and probable location (fictional).',
      '91(2)(c)': 'Surrender documents (fictional).',
    }
    const draft = async () =>
      (await created('/api/v1/requests', 'chambers', arrestDraft({ warrantIds: [warrant], checklist: { answers } })))
        .items[0] as { id: string }
    const step = (id: string, as: string, action: string) =>
      call('POST', `/api/v1/requests/${id}/transitions`, as, { action })
    const offered = async (id: string, as: string) =>
      (await call('GET', `/api/v1/requests/${id}/transitions`, as))
        .json()
        .items.map((i: { action: string }) => i.action)
    const events = async (id: string) => (await call('GET', `/api/v1/requests/${id}`, 'chambers')).json().events.length

    const first = await draft()
    const second = await draft()
    // Arrested (not yet surrendered): the warrant still stands, the first is approved.
    await move('arrested')
    expect((await step(first.id, 'approver', 'approve')).statusCode).toBe(200)
    expect(await offered(first.id, 'registry')).toContain('transmit')
    expect(await offered(second.id, 'approver')).toContain('approve')
    // Surrendered: the second is not approved, the first not transmitted; nothing is written.
    await move('surrendered')
    const before = { first: await events(first.id), second: await events(second.id) }
    const approve = await step(second.id, 'approver', 'approve')
    expect(approve.statusCode, approve.body).toBe(409)
    expect(approve.json().error).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      details: { status: 'draft', action: 'approve', allowed: ['withdraw'] },
    })
    expect(approve.json().error.message).toContain(`The status of warrant ${warrant} is now surrendered`)
    // The steps offered now say so.
    expect(await offered(second.id, 'approver')).toEqual(['withdraw'])
    const held = (await call('GET', `/api/v1/requests/${second.id}/transitions`, 'approver')).json().heldBack
    expect(held).toEqual([{ action: 'approve', warrantId: warrant, warrantStatus: 'surrendered' }])
    expect(await offered(first.id, 'registry')).not.toContain('transmit')
    const transmit = await step(first.id, 'registry', 'transmit')
    expect(transmit.statusCode, transmit.body).toBe(409)
    expect(transmit.json().error.details).toMatchObject({ status: 'approved', action: 'transmit' })
    expect({ first: await events(first.id), second: await events(second.id) }).toEqual(before)
    const statuses = await Promise.all(
      [first.id, second.id].map(async (id) => (await call('GET', `/api/v1/requests/${id}`, 'chambers')).json().status),
    )
    expect(statuses).toEqual(['approved', 'draft'])
    // Withdrawing stays possible.
    const withdraw = await call('POST', `/api/v1/requests/${first.id}/transitions`, 'chambers', {
      action: 'withdraw',
      note: 'The person was surrendered meanwhile (fictional).',
    })
    expect(withdraw.statusCode, withdraw.body).toBe(200)
  })
  it('on transmission, names the addressee on the sealed warrant it carries out and on its person, audited', async () => {
    const warrant = (await created('/api/v1/warrants', 'chambers', warrantBody(ids.named as string, 'arrest_warrant')))
      .id
    const [request] = (
      await created(
        '/api/v1/requests',
        'chambers',
        arrestDraft({
          warrantIds: [warrant],
          checklist: { answers: { '91(2)(a)': 'Description (fictional).', '91(2)(c)': 'Documents (fictional).' } },
        }),
      )
    ).items
    const sees = async (as: string) => ({
      warrant: (await call('GET', `/api/v1/warrants/${encodeURIComponent(warrant)}`, as)).statusCode,
      person: (await call('GET', `/api/v1/persons/${encodeURIComponent(ids.named as string)}`, as)).statusCode,
    })
    expect(await sees('nld')).toEqual({ warrant: 404, person: 404 })
    const step = async (as: string, action: string) => {
      const res = await call('POST', `/api/v1/requests/${request.id}/transitions`, as, { action })
      expect(res.statusCode, res.body).toBe(200)
    }
    await step('approver', 'approve')
    expect(await sees('nld')).toEqual({ warrant: 404, person: 404 })
    await step('registry', 'transmit')
    // The State asked to arrest sees the warrant and its person; another State still does not.
    expect(await sees('nld')).toEqual({ warrant: 200, person: 200 })
    expect(await sees('ken')).toEqual({ warrant: 404, person: 404 })
    const page = (await call('GET', `/api/v1/requests/${request.id}`, 'nld')).json()
    expect(page.warrantIds).toEqual([warrant])
    const trail = await db.db
      .selectFrom('audit_events')
      .select(['action', 'record_id', 'details'])
      .where('action', '=', 'warrant.recipient_named')
      .where('record_id', '=', warrant)
      .execute()
    expect(trail).toHaveLength(1)
    expect(JSON.stringify(trail[0]?.details)).toContain(request.id)
  })
})
