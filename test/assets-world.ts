import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'
import { buildApp } from '../src/server/app.ts'
import { createUserWithToken } from './auth.ts'
import { createTestDb, type TestDb, testConfig } from './db.ts'

// A small world for the assets suites: a case team (compartments SIT-AS, CASE-AS), Court staff of
// another case, a State focal point, 93(1)(k) requests in several states and addressees, and a
// clock the tests move. Everything is fictional.

export type AssetsWorld = {
  db: TestDb
  app: FastifyInstance
  clock: { now: Date }
  who: Record<'owner' | 'approver' | 'outsider' | 'nldFocal' | 'admin' | 'auditor' | 'tfv', Record<string, string>>
  caseId: string
  otherCaseId: string
  personId: string
  requests: {
    assetsNld: string
    assetsNldDraft: string
    assetsKen: string
    arrestNld: string
    forfeitureNld: string
    assetsOtherCase: string
  }
}

export async function createAssetsWorld(): Promise<AssetsWorld> {
  const db = await createTestDb()
  const clock = { now: new Date('2026-11-28T09:00:00.000Z') }
  const app = await buildApp(testConfig(db), { db, now: () => clock.now })
  const inCase = ['SIT-AS', 'CASE-AS']
  const token = async (spec: { orgCode: string; role: string; compartments?: string[] }) =>
    (await createUserWithToken(db.db, spec)).headers
  const who = {
    owner: await token({ orgCode: 'ICC-OTP', role: 'officer', compartments: inCase }),
    approver: await token({ orgCode: 'ICC-TFV', role: 'approver', compartments: inCase }),
    outsider: await token({ orgCode: 'ICC-OTP', role: 'officer', compartments: ['SIT-AS', 'CASE-AS-OTHER'] }),
    nldFocal: await token({ orgCode: 'NLD', role: 'focal-point' }),
    admin: await token({ orgCode: 'ICC-REGISTRY', role: 'admin' }),
    auditor: await token({ orgCode: 'ICC-OTP', role: 'auditor' }),
    tfv: await token({ orgCode: 'ICC-TFV', role: 'officer' }),
    // Originates what the Prosecutor does not: arrest on the Chamber's warrant, enforcement of
    // forfeiture for the Presidency (reference.request-rules.ts).
    registry: await token({ orgCode: 'ICC-REGISTRY', role: 'officer', compartments: inCase }),
  }
  // Some tests move the clock months ahead: the tokens must outlive it.
  await db.db.updateTable('api_tokens').set({ expires_at: '2099-01-01T00:00:00.000Z' }).execute()
  const post = async (url: string, payload: object, as = who.owner) => {
    const res = await app.inject({ method: 'POST', url, headers: as, payload })
    expect(res.statusCode, res.body).toBe(201)
    return res.json()
  }
  const situationId = (
    await post('/api/v1/situations', {
      code: 'SIT-AS',
      name: 'Situation in the Republic of Assetland (fictional)',
      classification: 'confidential',
      compartment: 'SIT-AS',
    })
  ).id as string
  const caseId = (
    await post('/api/v1/cases', {
      situationId,
      code: 'CASE-AS',
      name: 'The Prosecutor v. Asset Holder (fictional)',
      classification: 'confidential',
      compartment: 'CASE-AS',
    })
  ).id as string
  const otherCaseId = (
    await post(
      '/api/v1/cases',
      {
        situationId,
        code: 'CASE-AS-OTHER',
        name: 'The Prosecutor v. Other Holder (fictional)',
        classification: 'confidential',
        compartment: 'CASE-AS-OTHER',
      },
      who.outsider,
    )
  ).id as string
  const personId = (
    await post('/api/v1/persons', {
      situationId,
      caseId,
      name: 'Asset Holder (fictional)',
      roleInProceedings: 'suspect',
      classification: 'confidential',
      compartment: 'CASE-AS',
    })
  ).id as string
  const request = async (requestType: string, addressee: string, status: string, as = who.owner, onCase = caseId) => {
    const body = await post(
      '/api/v1/requests',
      {
        requestType,
        addressees: [addressee],
        classification: 'confidential',
        caseId: onCase,
        summary: `A ${requestType} request (fictional)`,
      },
      as,
    )
    const id = body.items[0].id as string
    await db.db.updateTable('requests').set({ status }).where('id', '=', id).execute()
    return id
  }
  const requests = {
    assetsNld: await request('ASSETS_IDENTIFY_TRACE_FREEZE_SEIZE', 'NLD', 'in_execution'),
    assetsNldDraft: await request('ASSETS_IDENTIFY_TRACE_FREEZE_SEIZE', 'NLD', 'draft'),
    assetsKen: await request('ASSETS_IDENTIFY_TRACE_FREEZE_SEIZE', 'KEN', 'transmitted'),
    arrestNld: await request('ARREST_AND_SURRENDER', 'NLD', 'transmitted', who.registry),
    forfeitureNld: await request('FINES_FORFEITURE_REPARATIONS_ENFORCEMENT', 'NLD', 'in_execution', who.registry),
    assetsOtherCase: await request(
      'ASSETS_IDENTIFY_TRACE_FREEZE_SEIZE',
      'NLD',
      'in_execution',
      who.outsider,
      otherCaseId,
    ),
  }
  return { db, app, clock, who, caseId, otherCaseId, personId, requests }
}

export async function destroyAssetsWorld(world: AssetsWorld) {
  await world.app.close()
  await world.db.destroy()
}

/** Records an asset in NLD for the world's case; returns its detail. */
export async function createAsset(world: AssetsWorld, overrides: object = {}, as = world.who.owner) {
  const res = await world.app.inject({
    method: 'POST',
    url: '/api/v1/assets',
    headers: as,
    payload: {
      caseId: world.caseId,
      personId: world.personId,
      kind: 'bank_account',
      description: 'Account at a fictional bank (fictional)',
      jurisdiction: 'NLD',
      purposes: ['reparations', 'forfeiture'],
      ...overrides,
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

export function step(world: AssetsWorld, id: string, payload: object, as = world.who.owner) {
  return world.app.inject({ method: 'POST', url: `/api/v1/assets/${id}/steps`, headers: as, payload })
}

/** An order dated today expiring in `days` days (dates from the world's clock). */
export function orderExpiringIn(world: AssetsWorld, days: number, reference = 'ORD-1') {
  const today = world.clock.now.toISOString().slice(0, 10)
  const expires = new Date(`${today}T00:00:00.000Z`)
  expires.setUTCDate(expires.getUTCDate() + days)
  return {
    issuingAuthority: 'District Court of Fictionville (fictional)',
    reference,
    date: today,
    expiresOn: expires.toISOString().slice(0, 10),
  }
}
