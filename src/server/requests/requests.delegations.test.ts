import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'

// Delegation inside the requested State, through the API on both databases: the focal point hands
// a request to one of its own officers, who then sees it and acts as the addressee; revoking takes
// it away. Nobody else delegates, and never to someone outside the State's active officers.

let db: TestDb
let app: FastifyInstance
const who: Record<string, Record<string, string>> = {}
const ids: Record<string, string> = {}

async function user(label: string, spec: { orgCode: string; role: string; compartments?: string[] }) {
  const u = await createUserWithToken(db.db, spec)
  who[label] = u.headers
  ids[label] = u.user.id
}

async function transmittedRequest(classification = 'confidential') {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: who.otpOfficer,
    payload: {
      requestType: 'PROVIDE_RECORDS',
      classification,
      addressees: ['NLD'],
      compartment: 'DLG-A',
      summary: 'Records of a land registry (fictional)',
      facts: 'Fictional facts.',
      assistanceSought: 'Certified copies.',
      legalBasis: 'Article 93(1)(i)',
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  const id = res.json().items[0].id as string
  for (const [as, action] of [
    ['otpApprover', 'approve'],
    ['registryOfficer', 'transmit'],
  ] as const) {
    const step = await transitionAs(id, as, action)
    expect(step.statusCode, step.body).toBe(200)
  }
  return id
}

const transitionAs = (id: string, as: string, action: string) =>
  app.inject({ method: 'POST', url: `/api/v1/requests/${id}/transitions`, headers: who[as], payload: { action } })
const delegate = (id: string, as: string, userId: string) =>
  app.inject({ method: 'POST', url: `/api/v1/requests/${id}/delegations`, headers: who[as], payload: { userId } })
const revoke = (id: string, as: string, userId: string) =>
  app.inject({ method: 'DELETE', url: `/api/v1/requests/${id}/delegations/${userId}`, headers: who[as] })
const delegations = (id: string, as: string) =>
  app.inject({ url: `/api/v1/requests/${id}/delegations`, headers: who[as] })
const read = (id: string, as: string) => app.inject({ url: `/api/v1/requests/${id}`, headers: who[as] })
const listed = async (as: string) =>
  (await app.inject({ url: '/api/v1/requests?limit=200', headers: who[as] }))
    .json()
    .items.map((r: { id: string }) => r.id)
const audited = async (id: string, action: string) =>
  (
    await db.db
      .selectFrom('audit_events')
      .select(['actor', 'details'])
      .where('record_id', '=', id)
      .where('action', '=', action)
      .execute()
  ).length
const delegationRows = async () =>
  Number(
    (
      await db.db
        .selectFrom('record_delegations')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
  await user('otpOfficer', { orgCode: 'ICC-OTP', role: 'officer', compartments: ['DLG-A'] })
  await user('otpApprover', { orgCode: 'ICC-OTP', role: 'approver', compartments: ['DLG-A'] })
  await user('registryOfficer', { orgCode: 'ICC-REGISTRY', role: 'officer', compartments: ['DLG-A'] })
  await user('nldFocal', { orgCode: 'NLD', role: 'focal-point' })
  await user('nldFocal2', { orgCode: 'NLD', role: 'focal-point' })
  await user('nldOfficer', { orgCode: 'NLD', role: 'officer' })
  await user('nldOfficer2', { orgCode: 'NLD', role: 'officer' })
  await user('nldDisabled', { orgCode: 'NLD', role: 'officer' })
  await db.db
    .updateTable('users')
    .set({ status: 'disabled' })
    .where('id', '=', ids.nldDisabled as string)
    .execute()
  await user('kenFocal', { orgCode: 'KEN', role: 'focal-point' })
  await user('kenOfficer', { orgCode: 'KEN', role: 'officer' })
  await user('unFocal', { orgCode: 'IO-UN', role: 'focal-point' })
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

describe('delegation by the focal point of the requested State', () => {
  it('grants the officer visibility and the addressee steps; revocation removes both', async () => {
    const id = await transmittedRequest()
    const officer = ids.nldOfficer as string
    expect((await read(id, 'nldOfficer')).statusCode).toBe(404)
    expect(await listed('nldOfficer')).not.toContain(id)

    const res = await delegate(id, 'nldFocal', officer)
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().items).toEqual([expect.objectContaining({ userId: officer, delegatedAt: expect.any(String) })])
    expect(await audited(id, 'request.delegated')).toBe(1)

    expect((await read(id, 'nldOfficer')).statusCode).toBe(200)
    expect(await listed('nldOfficer')).toContain(id)
    expect((await app.inject({ url: `/api/v1/requests/${id}/messages`, headers: who.nldOfficer })).statusCode).toBe(200)
    expect((await read(id, 'nldOfficer2')).statusCode).toBe(404)
    // The delegated officer acts as the addressee (requests.lifecycle.ts).
    expect((await transitionAs(id, 'nldOfficer', 'acknowledge')).statusCode).toBe(200)

    // Twice is harmless: no second row, no second audit entry.
    const again = await delegate(id, 'nldFocal', officer)
    expect(again.statusCode).toBe(200)
    expect(again.json().items).toHaveLength(1)
    expect(await audited(id, 'request.delegated')).toBe(1)

    const revoked = await revoke(id, 'nldFocal', officer)
    expect(revoked.statusCode).toBe(200)
    expect(revoked.json().items).toEqual([])
    expect(await audited(id, 'request.delegation_revoked')).toBe(1)
    expect((await read(id, 'nldOfficer')).statusCode).toBe(404)
    expect(await listed('nldOfficer')).not.toContain(id)
    expect((await transitionAs(id, 'nldOfficer', 'begin_execution')).statusCode).toBe(404)
    expect((await revoke(id, 'nldFocal', officer)).statusCode).toBe(404)
  })

  it("lists the delegations and the delegable officers to the State's own users only", async () => {
    const id = await transmittedRequest('under_seal')
    await delegate(id, 'nldFocal', ids.nldOfficer as string)
    const focal = await delegations(id, 'nldFocal')
    expect(focal.statusCode, focal.body).toBe(200)
    expect(focal.json()).toMatchObject({ mayDelegate: true, mayRevoke: true })
    const delegable = focal.json().delegableOfficers.map((o: { userId: string }) => o.userId)
    expect(delegable).toContain(ids.nldOfficer2)
    expect(delegable).not.toContain(ids.nldOfficer) // already delegated
    expect(delegable).not.toContain(ids.nldDisabled)
    expect(delegable).not.toContain(ids.kenOfficer)
    const officer = await delegations(id, 'nldOfficer')
    expect(officer.statusCode).toBe(200)
    expect(officer.json()).toMatchObject({ mayDelegate: false, mayRevoke: false, delegableOfficers: [] })
    // The Court sees the request but not the State's distribution of work (403); whoever does not
    // see the request gets 404, as for a missing one.
    expect((await delegations(id, 'otpOfficer')).statusCode).toBe(403)
    for (const outsider of ['kenFocal', 'nldOfficer2', 'unFocal'])
      expect((await delegations(id, outsider)).statusCode, outsider).toBe(404)
    // Reading the list of a non-public request is audited.
    expect(await audited(id, 'request.delegations_listed')).toBeGreaterThanOrEqual(2)
  })

  it("refuses another State's focal point, the officer itself and the Court, changing nothing", async () => {
    const id = await transmittedRequest()
    const before = await delegationRows()
    expect((await delegate(id, 'kenFocal', ids.kenOfficer as string)).statusCode).toBe(404)
    expect((await delegate(id, 'kenFocal', ids.nldOfficer as string)).statusCode).toBe(404)
    expect((await delegate(id, 'otpOfficer', ids.nldOfficer as string)).statusCode).toBe(403)
    expect((await delegate(id, 'unFocal', ids.nldOfficer as string)).statusCode).toBe(403)
    await delegate(id, 'nldFocal', ids.nldOfficer as string)
    expect((await delegate(id, 'nldOfficer', ids.nldOfficer2 as string)).statusCode).toBe(403)
    expect((await revoke(id, 'nldOfficer', ids.nldOfficer as string)).statusCode).toBe(403)
    expect((await revoke(id, 'kenFocal', ids.nldOfficer as string)).statusCode).toBe(404)
    expect(await delegationRows()).toBe(before + 1)
  })

  it("delegates only to an active officer of the focal point's own State, with one answer for all others", async () => {
    const id = await transmittedRequest()
    const before = await delegationRows()
    for (const target of [
      ids.kenOfficer,
      ids.nldDisabled,
      ids.nldFocal2,
      ids.otpOfficer,
      '00000000-0000-0000-0000-000000000000',
    ]) {
      const res = await delegate(id, 'nldFocal', target as string)
      expect(res.statusCode, target).toBe(422)
      expect(res.json().error.code).toBe('RECORD_INVALID')
    }
    expect(await delegationRows()).toBe(before)
    expect(await audited(id, 'request.delegated')).toBe(0)
    // Another focal point of the same State may delegate too.
    expect((await delegate(id, 'nldFocal2', ids.nldOfficer2 as string)).statusCode).toBe(201)
  })

  it('cannot delegate a request that has not reached the State (a draft is not known to it)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: who.otpOfficer,
      payload: {
        requestType: 'PROVIDE_RECORDS',
        classification: 'confidential',
        addressees: ['NLD'],
        compartment: 'DLG-A',
        summary: 'Draft only (fictional)',
      },
    })
    const id = res.json().items[0].id
    expect((await delegate(id, 'nldFocal', ids.nldOfficer as string)).statusCode).toBe(404)
    expect((await delegations(id, 'nldFocal')).statusCode).toBe(404)
  })

  it('is not delegated anew once closed (409, nothing written), but its delegations can still be revoked', async () => {
    const id = await transmittedRequest()
    expect((await delegate(id, 'nldFocal', ids.nldOfficer as string)).statusCode).toBe(201)
    const withdrawn = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/transitions`,
      headers: who.otpOfficer,
      payload: { action: 'withdraw', note: 'The person surrendered voluntarily (fictional).' },
    })
    expect(withdrawn.statusCode, withdrawn.body).toBe(200)
    const list = await delegations(id, 'nldFocal')
    expect(list.json()).toMatchObject({ mayDelegate: false, mayRevoke: true })
    const rows = await delegationRows()
    const audits = await audited(id, 'request.delegated')
    const refused = await delegate(id, 'nldFocal', ids.nldOfficer2 as string)
    expect(refused.statusCode, refused.body).toBe(409)
    expect(refused.json().error).toMatchObject({ code: 'REQUEST_CLOSED', details: { status: 'withdrawn' } })
    expect(await delegationRows()).toBe(rows)
    expect(await audited(id, 'request.delegated')).toBe(audits)
    // Taking access away stays possible after the close.
    expect((await revoke(id, 'nldFocal', ids.nldOfficer as string)).statusCode).toBe(200)
    expect(await delegationRows()).toBe(rows - 1)
    expect((await read(id, 'nldOfficer')).statusCode).toBe(404)
  })

  it('answers bad input with 400 and no change', async () => {
    const id = await transmittedRequest()
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/delegations`,
      headers: who.nldFocal,
      payload: { userId: ids.nldOfficer, extra: 1 },
    })
    expect(res.statusCode).toBe(400)
    const empty = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/delegations`,
      headers: who.nldFocal,
      payload: {},
    })
    expect(empty.statusCode).toBe(400)
  })
})
