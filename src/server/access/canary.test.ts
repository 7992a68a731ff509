import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { insertProtectedAgreement } from '../agreements/agreements.repository.ts'
import { buildApp } from '../app.ts'

// Unique strings planted in under-seal and ex parte records must never reach anyone without
// need-to-know: not through any GET route of the app (lists, details, counts, search, the audit
// viewer, the directory…), and never into a log line at all.

const CANARIES = ['CANARY-SEAL-7f3a9c', 'CANARY-EXPARTE-2b81d4']
const logLines: string[] = []
let db: TestDb
let app: FastifyInstance
const outsiders = new Map<string, Record<string, string>>()

beforeAll(async () => {
  db = await createTestDb()
  const capture = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk))
      done()
    },
  })
  app = await buildApp(testConfig(db, { logLevel: 'trace' }), { db, logStream: capture })
  await db.db
    .insertInto('organisations')
    .values({ code: 'ICC-DEFENCE-CANARY', kind: 'defence', name_en: 'Defence', name_fr: 'Défense' })
    .execute()
  await insertProtectedAgreement(db.db, {
    id: 'canary:sealed',
    iso3: 'KEN',
    kind: 'ad_hoc_arrangement',
    title: `Arrest operation ${CANARIES[0]}`,
    status: 'signed',
    dateSigned: '2026-03-01',
    notes: `Operational details ${CANARIES[0]}`,
    classification: 'under_seal',
    compartmentCode: 'CASE-CANARY',
    exParteParty: null,
    recipients: [{ kind: 'named', orgCode: 'KEN' }],
  })
  await insertProtectedAgreement(db.db, {
    id: 'canary:exparte',
    iso3: 'BEL',
    kind: 'interim_release',
    title: `Interim release conditions ${CANARIES[1]}`,
    status: 'signed',
    dateSigned: '2026-03-02',
    notes: `Defence proposal ${CANARIES[1]}`,
    classification: 'ex_parte',
    compartmentCode: 'CASE-CANARY',
    exParteParty: 'ICC-DEFENCE-CANARY',
    recipients: [],
  })
  // A sealed warrant naming a sealed person sought (warrants feature), named to Kenya.
  await db.db
    .insertInto('situations')
    .values({
      id: 'canary:situation',
      code: 'SIT-CANARY',
      name: 'Situation (canary)',
      description: null,
      classification: 'under_seal',
      compartment_code: 'CASE-CANARY',
      ex_parte_party: null,
      created_by: 'test',
    })
    .execute()
  await db.db
    .insertInto('persons')
    .values({
      id: 'canary:sealed',
      situation_id: 'canary:situation',
      case_id: null,
      name: `Suspect ${CANARIES[0]}`,
      role_in_proceedings: 'suspect',
      description: null,
      classification: 'under_seal',
      compartment_code: 'CASE-CANARY',
      ex_parte_party: null,
      created_by: 'test',
    })
    .execute()
  await db.db
    .insertInto('person_sought_details')
    .values({
      person_id: 'canary:sealed',
      aliases: JSON.stringify([`Alias ${CANARIES[0]}`]),
      nationalities: '[]',
      physical_description: `Scar ${CANARIES[0]}`,
      origin: 'court',
      updated_by: 'test',
    })
    .execute()
  await db.db
    .insertInto('warrants')
    .values({
      id: 'canary:sealed',
      classification: 'under_seal',
      compartment_code: 'CASE-CANARY',
      ex_parte_party: null,
      created_by: 'test',
      person_id: 'canary:sealed',
      kind: 'arrest_warrant',
      issuing_chamber: `Pre-Trial Chamber ${CANARIES[0]}`,
      issued_on: '2026-01-05',
      issued_text: null,
      charges: '[]',
      status: 'at_large',
      unsealed_on: null,
      unsealing_decision: null,
      origin: 'court',
      reference_key: null,
      source_keys: '[]',
      notes: `Sealed warrant ${CANARIES[0]}`,
    })
    .execute()
  await db.db
    .insertInto('record_recipients')
    .values(
      ['warrant', 'person'].map((record_type) => ({
        record_type,
        record_id: 'canary:sealed',
        kind: 'named' as const,
        org_code: 'KEN',
        user_id: null,
      })),
    )
    .execute()
  // A sealed arrest strategy (its cell only, nobody named) and arrest opportunity (arrest feature).
  await db.db
    .insertInto('arrest_strategies')
    .values({
      id: 'canary:sealed',
      person_id: 'canary:sealed',
      title: `Strategy ${CANARIES[0]}`,
      body: `Tracking plan ${CANARIES[0]}`,
      status: 'active',
      review_date: null,
      version: 1,
      search_text: `strategy ${CANARIES[0]?.toLowerCase()}`,
      classification: 'under_seal',
      compartment_code: 'CASE-CANARY',
      ex_parte_party: null,
      created_by: 'test',
      updated_by: 'test',
    })
    .execute()
  await db.db
    .insertInto('arrest_opportunities')
    .values({
      id: 'canary:sealed',
      person_id: 'canary:sealed',
      iso3: 'KEN',
      kind: 'travel',
      source_description: `Source ${CANARIES[0]}`,
      source_reliability: 'B',
      information_credibility: '2',
      place: `Hotel ${CANARIES[0]}`,
      from_date: '2026-03-01',
      to_date: null,
      urgency: 'urgent',
      reported_by: 'test',
      reported_at: '2026-03-01T00:00:00.000Z',
      outcome: 'pending',
      outcome_date: null,
      outcome_note: null,
      request_id: null,
      classification: 'under_seal',
      compartment_code: 'CASE-CANARY',
      ex_parte_party: null,
      created_by: 'test',
    })
    .execute()
  // A sealed and an ex parte asset (assets feature), the sealed one frozen with an order lapsing
  // soon: its alert, steps, valuation and claim carry the canary too.
  await db.db
    .insertInto('cases')
    .values({
      id: 'canary:case',
      situation_id: 'canary:situation',
      code: 'CASE-CANARY',
      name: 'Case (canary)',
      defence_org_code: null,
      classification: 'under_seal',
      compartment_code: 'CASE-CANARY',
      ex_parte_party: null,
      created_by: 'test',
    })
    .execute()
  const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10)
  for (const [id, classification, canary, party] of [
    ['canary:sealed', 'under_seal', CANARIES[0], null],
    ['canary:exparte', 'ex_parte', CANARIES[1], 'ICC-DEFENCE-CANARY'],
  ] as const) {
    await db.db
      .insertInto('assets')
      .values({
        id,
        classification,
        compartment_code: 'CASE-CANARY',
        ex_parte_party: party,
        case_id: 'canary:case',
        person_id: 'canary:sealed',
        kind: 'bank_account',
        description: `Account ${canary}`,
        jurisdiction: 'KEN',
        purpose_evidence: 0,
        purpose_reparations: 1,
        purpose_legal_aid: 0,
        purpose_forfeiture: 0,
        reparations_order_ref: `Order ${canary}`,
        stage: 'frozen',
        current_order_step_id: `${id}:step`,
        order_expires_on: soon,
        value_minor: '100',
        value_currency: 'EUR',
        valued_on: '2026-03-01',
        created_by: 'test',
        created_at: '2026-03-01T00:00:00.000Z',
        updated_at: '2026-03-01T00:00:00.000Z',
      })
      .execute()
    await db.db
      .insertInto('asset_steps')
      .values({
        id: `${id}:step`,
        asset_id: id,
        seq: 1,
        action: 'freeze',
        from_stage: 'identified',
        to_stage: 'frozen',
        request_id: null,
        order_authority: `Court ${canary}`,
        order_reference: `FRZ ${canary}`,
        order_date: '2026-03-01',
        order_expires_on: soon,
        note: `Note ${canary}`,
        recorded_by: 'test',
        recorded_at: '2026-03-01T00:00:00.000Z',
      })
      .execute()
    await db.db
      .insertInto('asset_claims')
      .values({
        id: `${id}:claim`,
        asset_id: id,
        claimant: `Claimant ${canary}`,
        nature: 'Ownership',
        amount_minor: null,
        currency: null,
        lodged_on: '2026-03-02',
        status: 'pending',
        status_note: null,
        recorded_by: 'test',
        recorded_at: '2026-03-02T00:00:00.000Z',
        updated_at: '2026-03-02T00:00:00.000Z',
      })
      .execute()
    await db.db
      .insertInto('asset_alerts')
      .values({
        id: `${id}:alert`,
        asset_id: id,
        step_id: `${id}:step`,
        kind: 'order_expiring',
        lapses_on: soon,
        status: 'open',
        raised_at: '2026-03-01T00:00:00.000Z',
        resolved_by: null,
        resolved_at: null,
        resolution_note: null,
      })
      .execute()
  }
  // People with need-to-know read them, so the trail and the logs have every chance to leak.
  const owner = await createUserWithToken(db.db, {
    orgCode: 'ICC-CHAMBERS',
    role: 'officer',
    compartments: ['CASE-CANARY'],
  })
  for (const url of [
    '/api/v1/agreements',
    '/api/v1/agreements/canary:sealed',
    '/api/v1/agreements/canary:exparte',
    '/api/v1/persons-sought?q=canary',
    '/api/v1/persons-sought/canary:sealed',
    '/api/v1/warrants/canary:sealed',
    '/api/v1/arrest-strategies?q=canary',
    '/api/v1/arrest-strategies/canary:sealed',
    '/api/v1/arrest-opportunities/canary:sealed/proposal',
    '/api/v1/assets',
    '/api/v1/assets/canary:sealed',
    '/api/v1/assets/alerts',
  ]) {
    expect((await app.inject({ url, headers: owner.headers })).body).toContain('CANARY')
  }
  outsiders.set('anonymous', {})
  for (const [label, spec] of [
    ['focal point of another State', { orgCode: 'ARG', role: 'focal-point' }],
    ['officer of the named State, not delegated', { orgCode: 'KEN', role: 'officer' }],
    ['OTP officer outside the compartment', { orgCode: 'ICC-OTP', role: 'officer', compartments: ['CASE-OTHER'] }],
    [
      'OTP officer in the compartment (not the ex parte party)',
      { orgCode: 'ICC-OTP', role: 'officer', compartments: ['CASE-CANARY'] },
    ],
    ['auditor', { orgCode: 'ICC-REGISTRY', role: 'auditor' }],
    ['administrator', { orgCode: 'ICC-REGISTRY', role: 'admin' }],
    ['ASP officer', { orgCode: 'ASP', role: 'officer' }],
    ['UN focal point', { orgCode: 'IO-UN', role: 'focal-point' }],
  ] as const) {
    outsiders.set(
      label,
      (
        await createUserWithToken(db.db, {
          ...spec,
          compartments: 'compartments' in spec ? [...spec.compartments] : [],
        })
      ).headers,
    )
  }
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

function urlsFor(route: string): string[] {
  if (route.includes(':id')) return ['canary:sealed', 'canary:exparte'].map((id) => route.replace(':id', id))
  if (route.includes(':personId')) return [route.replace(':personId', 'canary:sealed').replace(/:[a-zA-Z]+/g, 'x')]
  return [route.replace(':iso3', 'KEN').replace(/:[a-zA-Z]+/g, 'x')]
}

const QUERIES = [
  '',
  '?limit=200',
  '?iso3=KEN',
  '?classification=under_seal',
  '?classification=ex_parte',
  '?q=ken',
  '?q=canary',
  '?agreement=interim_release&limit=250',
]

describe('canaries in under-seal and ex parte records', () => {
  it('appear in no answer of any GET route to anyone without need-to-know', async () => {
    const getRoutes = app.routeTable.filter(
      (r) => r.method === 'GET' && r.url.startsWith('/api/v1/') && r.url !== '/api/v1/openapi.json',
    )
    expect(getRoutes.length).toBeGreaterThan(15)
    let answers = 0
    for (const [label, headers] of outsiders) {
      for (const route of getRoutes) {
        for (const url of urlsFor(route.url)) {
          for (const query of QUERIES) {
            const res = await app.inject({ url: url + query, headers })
            answers++
            // The OTP in the compartment may know the sealed record; the ex parte one is not theirs.
            const forbidden = label.startsWith('OTP officer in the compartment') ? [CANARIES[1] as string] : CANARIES
            for (const canary of forbidden) expect(res.body, `${label}: GET ${url}${query}`).not.toContain(canary)
            const hiddenId = label.startsWith('OTP officer in the compartment') ? 'canary:exparte' : 'canary:'
            // Hidden exactly like a record that does not exist (or the route is closed to this caller).
            if (url.includes(hiddenId) && query === '')
              expect([401, 404], `${label}: GET ${url}`).toContain(res.statusCode)
          }
        }
      }
    }
    expect(answers).toBeGreaterThan(500)
    // Every GET route × every outsider × every query: a few thousand answers, more with each new
    // route; the 30 s default was reached once messages, documents and exports joined.
  }, 120_000)

  it('never appear in a log line, even at trace level', () => {
    expect(logLines.length).toBeGreaterThan(100)
    for (const canary of CANARIES) expect(logLines.filter((l) => l.includes(canary))).toEqual([])
  })
})
