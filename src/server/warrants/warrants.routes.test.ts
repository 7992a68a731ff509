import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'

// Warrants through the API: the life cycle and its refusals, sealed warrants hidden from everyone
// without need-to-know (lists, totals, search, single reads), and the seal lifted with its legal
// basis. The persons are created through the situations API, as Court staff do.

type H = Record<string, string>
let db: TestDb
let app: FastifyInstance
const who: Record<string, H> = { anonymous: {} }
let situationId: string
let publicPersonId: string
let sealedPersonId: string
let sealedWarrantId: string
const SEALED_NAME = 'Sealed Suspect Zeta-7Q (fictional)'

async function post(url: string, headers: H, payload: object) {
  return app.inject({ method: 'POST', url, headers, payload })
}
async function created(url: string, payload: object, headers: H = who.otpOfficer as H) {
  const res = await post(url, headers, payload)
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id as string
}

beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
  const inCase = ['SIT-W', 'CASE-W']
  for (const [label, spec] of Object.entries({
    otpOfficer: { orgCode: 'ICC-OTP', role: 'officer', compartments: inCase },
    otpApprover: { orgCode: 'ICC-OTP', role: 'approver', compartments: inCase },
    otpOutside: { orgCode: 'ICC-OTP', role: 'approver', compartments: ['CASE-ELSEWHERE'] },
    kenFocal: { orgCode: 'KEN', role: 'focal-point' },
    argFocal: { orgCode: 'ARG', role: 'focal-point' },
    admin: { orgCode: 'ICC-REGISTRY', role: 'admin' },
  })) {
    who[label] = (await createUserWithToken(db.db, spec)).headers
  }
  situationId = await created('/api/v1/situations', {
    code: 'SIT-W',
    name: 'Situation in Warrantland (fictional)',
    classification: 'public',
  })
  publicPersonId = await created('/api/v1/persons', {
    situationId,
    name: 'Public Person W (fictional)',
    roleInProceedings: 'suspect',
    classification: 'public',
  })
  sealedPersonId = await created('/api/v1/persons', {
    situationId,
    name: SEALED_NAME,
    roleInProceedings: 'suspect',
    classification: 'under_seal',
    compartment: 'CASE-W',
  })
  sealedWarrantId = await created('/api/v1/warrants', {
    personId: sealedPersonId,
    kind: 'arrest_warrant',
    issuingChamber: 'Pre-Trial Chamber II',
    issuedOn: '2020-02-03',
    charges: [{ category: 'war_crimes', counts: 4 }],
    classification: 'under_seal',
    compartment: 'CASE-W',
    namedRecipients: ['KEN'],
  })
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

describe('warrant life cycle', () => {
  it('starts at large, moves along the table, and refuses other moves with 409 naming the allowed ones', async () => {
    const id = await created('/api/v1/warrants', {
      personId: publicPersonId,
      kind: 'arrest_warrant',
      issuingChamber: 'Pre-Trial Chamber I',
      issuedOn: '2019-05-06',
      charges: [{ category: 'crimes_against_humanity', counts: 3 }],
      classification: 'public',
    })
    const w = (await app.inject({ url: `/api/v1/warrants/${id}`, headers: who.otpOfficer })).json()
    expect(w.status).toBe('at_large')
    expect(w.allowedNextStatuses).toEqual(expect.arrayContaining(['arrested', 'surrendered', 'deceased']))
    const move = (status: string, occurredOn = '2024-01-02') =>
      post(`/api/v1/warrants/${id}/status-changes`, who.otpOfficer as H, {
        status,
        occurredOn,
        sources: ['Press release'],
      })

    const refused = await move('in_custody')
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.code).toBe('TRANSITION_NOT_ALLOWED')
    expect(refused.json().error.details.allowed).toEqual(expect.arrayContaining(['arrested', 'surrendered']))
    expect((await move('arrested')).statusCode).toBe(200)
    expect((await move('surrendered', '2024-02-01')).statusCode).toBe(200)
    expect((await move('arrested')).statusCode).toBe(409)
    const done = await move('in_custody', '2024-02-02')
    expect(done.statusCode).toBe(200)
    expect(done.json().history.map((h: { status: string }) => h.status)).toEqual([
      'at_large',
      'arrested',
      'surrendered',
      'in_custody',
    ])
    expect(done.json().history[1].sources[0].title).toBe('Press release')
    // A change cannot precede the warrant, nor come from outside Court staff.
    expect((await move('deceased', '2010-01-01')).statusCode).toBe(422)
    const byState = await post(`/api/v1/warrants/${id}/status-changes`, who.kenFocal as H, {
      status: 'deceased',
      occurredOn: '2025-01-01',
    })
    expect(byState.statusCode).toBe(403)
    // The public sees the history without the names of the staff who recorded it.
    const anon = (await app.inject({ url: `/api/v1/warrants/${id}` })).json()
    expect(anon.history[1].recordedBy).toBeNull()
    expect(anon.allowedNextStatuses).toEqual([])
  })

  it('gives summonses to appear their own life: summoned, appeared; never arrested', async () => {
    const id = await created('/api/v1/warrants', {
      personId: publicPersonId,
      kind: 'summons_to_appear',
      issuingChamber: 'Pre-Trial Chamber I',
      issuedOn: '2021-01-01',
      charges: [{ category: 'article_70_offences', counts: null }],
      classification: 'public',
    })
    const move = (status: string) =>
      post(`/api/v1/warrants/${id}/status-changes`, who.otpOfficer as H, { status, occurredOn: '2021-03-01' })
    expect((await move('arrested')).statusCode).toBe(409)
    const appeared = await move('appeared')
    expect(appeared.statusCode).toBe(200)
    expect(appeared.json().status).toBe('appeared')
  })

  it('refuses bad input with a 4xx and changes nothing', async () => {
    const before = (await app.inject({ url: `/api/v1/warrants/${sealedWarrantId}`, headers: who.otpOfficer })).json()
    for (const payload of [
      { status: 'teleported', occurredOn: '2024-01-01' },
      { status: 'arrested', occurredOn: 'yesterday' },
      { status: 'arrested', occurredOn: '2999-01-01' },
      { status: 'arrested', occurredOn: '2024-01-01', extra: 1 },
    ]) {
      const res = await post(`/api/v1/warrants/${sealedWarrantId}/status-changes`, who.otpOfficer as H, payload)
      expect(res.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400)
      expect(res.statusCode).toBeLessThan(500)
    }
    const after = (await app.inject({ url: `/api/v1/warrants/${sealedWarrantId}`, headers: who.otpOfficer })).json()
    expect(after.history).toEqual(before.history)
    const noCharges = await post('/api/v1/warrants', who.otpOfficer as H, {
      personId: publicPersonId,
      kind: 'arrest_warrant',
      issuingChamber: 'Pre-Trial Chamber I',
      issuedOn: '2021-01-01',
      charges: [],
      classification: 'public',
    })
    expect(noCharges.statusCode).toBe(400)
  })
})

describe('sealed warrants', () => {
  it('are invisible to outsiders: lists, totals, search, single reads', async () => {
    for (const label of ['anonymous', 'otpOutside', 'argFocal', 'admin']) {
      const headers = who[label] as H
      const list = await app.inject({ url: '/api/v1/persons-sought?limit=200', headers })
      expect(list.statusCode).toBe(200)
      expect(list.body, label).not.toContain(SEALED_NAME)
      expect(list.body).not.toContain(sealedWarrantId)
      const all = list.json().total
      const search = await app.inject({ url: '/api/v1/persons-sought?q=Zeta-7Q', headers })
      expect(search.json(), label).toMatchObject({ items: [], total: 0 })
      expect((await app.inject({ url: `/api/v1/persons-sought/${sealedPersonId}`, headers })).statusCode).toBe(404)
      expect((await app.inject({ url: `/api/v1/warrants/${sealedWarrantId}`, headers })).statusCode).toBe(404)
      const warrants = await app.inject({ url: '/api/v1/warrants?limit=200', headers })
      expect(warrants.body).not.toContain(sealedWarrantId)
      // The total counts only what the caller may see: the insider's is larger.
      const insider = await app.inject({ url: '/api/v1/persons-sought?limit=1', headers: who.otpOfficer })
      expect(insider.json().total).toBeGreaterThan(all)
    }
  })

  it('are seen by the compartment and by the organisation named on them, marked sealed', async () => {
    for (const label of ['otpOfficer', 'kenFocal']) {
      const search = await app.inject({ url: '/api/v1/persons-sought?q=zeta-7q', headers: who[label] })
      expect(search.json().items, label).toHaveLength(1)
      expect(search.json().items[0]).toMatchObject({ name: SEALED_NAME, isSealed: true, isAtLarge: true })
    }
    const page = await app.inject({ url: `/api/v1/persons-sought/${sealedPersonId}`, headers: who.kenFocal })
    expect(page.statusCode).toBe(200)
    expect(page.json().canEdit).toBe(false)
  })

  it('a public person sought by a sealed warrant only is not listed as sought', async () => {
    const id = await created('/api/v1/persons', {
      situationId,
      name: 'Public Person Sealed-Only (fictional)',
      roleInProceedings: 'suspect',
      classification: 'public',
    })
    const warrantId = await created('/api/v1/warrants', {
      personId: id,
      kind: 'arrest_warrant',
      issuingChamber: 'Pre-Trial Chamber II',
      issuedOn: '2022-02-02',
      charges: [{ category: 'genocide', counts: 1 }],
      classification: 'under_seal',
      compartment: 'CASE-W',
    })
    expect((await app.inject({ url: `/api/v1/persons-sought/${id}` })).statusCode).toBe(404)
    // Unsealing: the approver, on a Chamber's decision; officers may not.
    const body = { decisionReference: 'ICC-99/26-01/22-15 (fictional)', unsealedOn: '2026-01-10' }
    expect((await post(`/api/v1/warrants/${warrantId}/unsealing`, who.otpOfficer as H, body)).statusCode).toBe(403)
    expect((await post(`/api/v1/warrants/${warrantId}/unsealing`, who.otpOutside as H, body)).statusCode).toBe(404)
    const noBasis = await post(`/api/v1/warrants/${warrantId}/unsealing`, who.otpApprover as H, {
      unsealedOn: '2026-01-10',
    })
    expect(noBasis.statusCode).toBe(400)
    const unsealed = await post(`/api/v1/warrants/${warrantId}/unsealing`, who.otpApprover as H, body)
    expect(unsealed.statusCode, unsealed.body).toBe(200)
    expect(unsealed.json()).toMatchObject({
      classification: 'public',
      unsealing: { unsealedOn: '2026-01-10', decisionReference: body.decisionReference },
      classificationHistory: [{ from: 'under_seal', to: 'public', legalBasis: body.decisionReference }],
    })
    const again = await post(`/api/v1/warrants/${warrantId}/unsealing`, who.otpApprover as H, body)
    expect(again.statusCode).toBe(422)
    const now = await app.inject({ url: `/api/v1/persons-sought/${id}` })
    expect(now.statusCode).toBe(200)
    expect(now.json().warrants[0].unsealing.decisionReference).toBe(body.decisionReference)
    const trail = await db.db
      .selectFrom('audit_events')
      .select(['action'])
      .where('record_id', '=', warrantId)
      .where('action', '=', 'warrant.unsealed')
      .execute()
    expect(trail).toHaveLength(1)
  })

  it('reads of sealed records are audited', async () => {
    await app.inject({ url: `/api/v1/warrants/${sealedWarrantId}`, headers: who.kenFocal })
    const reads = await db.db
      .selectFrom('audit_events')
      .select(['action'])
      .where('record_id', '=', sealedWarrantId)
      .where('action', '=', 'warrant.read')
      .execute()
    expect(reads.length).toBeGreaterThan(0)
    const pageReads = () =>
      db.db
        .selectFrom('audit_events')
        .select(['action', 'actor'])
        .where('record_id', '=', sealedPersonId)
        .where('action', '=', 'person.read')
        .execute()
    const before = (await pageReads()).length
    await app.inject({ url: `/api/v1/persons-sought/${sealedPersonId}`, headers: who.kenFocal })
    const after = await pageReads()
    expect(after).toHaveLength(before + 1)
    expect(after.at(-1)?.actor).toMatch(/^user:focal-point/)
  })
})
