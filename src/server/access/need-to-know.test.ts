import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { insertDelegation, insertProtectedAgreement } from '../agreements/agreements.repository.ts'
import { buildApp } from '../app.ts'

// Record level: every classification × every kind of caller (in and out of the owning
// compartment, own and other State, the named ex parte party or not). The expected answers are
// the rule of DOMAIN.md written out as a table, independently of access/visibility.ts.

const C = 'CASE-NTK'
const S = 'KEN' // the State the records are addressed to
const T = 'ARG' // another State
const D = 'ICC-DEFENCE-NTK' // the Defence team the ex parte record is for

const RECORDS = {
  public: { classification: 'public', recipients: [] },
  confidential: { classification: 'confidential', recipients: [{ kind: 'addressee' as const, orgCode: S }] },
  under_seal: { classification: 'under_seal', recipients: [{ kind: 'named' as const, orgCode: S }] },
  ex_parte: { classification: 'ex_parte', recipients: [] },
} as const
type RecordName = keyof typeof RECORDS

type CallerSpec = { orgCode: string; role: string; compartments?: string[]; delegated?: boolean }
const CALLERS: { [label: string]: { spec: CallerSpec | null; sees: RecordName[] } } = {
  anonymous: { spec: null, sees: ['public'] },
  'OTP officer in the compartment': {
    spec: { orgCode: 'ICC-OTP', role: 'officer', compartments: [C] },
    sees: ['public', 'confidential', 'under_seal'],
  },
  'OTP officer outside it': {
    spec: { orgCode: 'ICC-OTP', role: 'officer', compartments: ['OTHER-NTK'] },
    sees: ['public'],
  },
  'Registry officer in the compartment': {
    spec: { orgCode: 'ICC-REGISTRY', role: 'officer', compartments: [C] },
    sees: ['public', 'confidential', 'under_seal'],
  },
  'Chamber staff in the compartment': {
    spec: { orgCode: 'ICC-CHAMBERS', role: 'officer', compartments: [C] },
    sees: ['public', 'confidential', 'under_seal', 'ex_parte'],
  },
  'Chamber staff outside it': {
    spec: { orgCode: 'ICC-CHAMBERS', role: 'officer', compartments: [] },
    sees: ['public'],
  },
  'Defence counsel of the party': {
    spec: { orgCode: D, role: 'counsel', compartments: [C] },
    sees: ['public', 'ex_parte'],
  },
  'counsel of another Defence team': {
    spec: { orgCode: 'ICC-DEFENCE-NTK2', role: 'counsel', compartments: [C] },
    sees: ['public'],
  },
  'focal point of the addressed State': {
    spec: { orgCode: S, role: 'focal-point' },
    sees: ['public', 'confidential', 'under_seal'],
  },
  'focal point of another State': { spec: { orgCode: T, role: 'focal-point' }, sees: ['public'] },
  'officer of the addressed State, delegated': {
    spec: { orgCode: S, role: 'officer', delegated: true },
    sees: ['public', 'confidential', 'under_seal'],
  },
  'officer of the addressed State, not delegated': { spec: { orgCode: S, role: 'officer' }, sees: ['public'] },
  'international organisation focal point': { spec: { orgCode: 'IO-UN', role: 'focal-point' }, sees: ['public'] },
  'ASP officer': { spec: { orgCode: 'ASP', role: 'officer' }, sees: ['public'] },
  'auditor (in the compartment)': {
    spec: { orgCode: 'ICC-REGISTRY', role: 'auditor', compartments: [C] },
    sees: ['public'],
  },
  'administrator (in the compartment)': {
    spec: { orgCode: 'ICC-REGISTRY', role: 'admin', compartments: [C] },
    sees: ['public'],
  },
}

let db: TestDb
let app: FastifyInstance
const headers = new Map<string, Record<string, string>>()

beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
  await db.db
    .insertInto('organisations')
    .values([
      { code: D, kind: 'defence', name_en: 'Defence (test)', name_fr: 'Défense (test)' },
      { code: 'ICC-DEFENCE-NTK2', kind: 'defence', name_en: 'Other Defence (test)', name_fr: 'Autre défense (test)' },
    ])
    .execute()
  for (const [label, { spec }] of Object.entries(CALLERS)) {
    if (!spec) {
      headers.set(label, {})
      continue
    }
    const { user, headers: h } = await createUserWithToken(db.db, {
      orgCode: spec.orgCode,
      role: spec.role,
      compartments: spec.compartments ?? [],
    })
    headers.set(label, h)
    if (spec.delegated) {
      for (const record of ['confidential', 'under_seal'])
        await insertDelegation(db.db, `ntk:${record}`, user.id, 'focal point', new Date().toISOString())
    }
  }
  for (const [name, r] of Object.entries(RECORDS)) {
    await insertProtectedAgreement(db.db, {
      id: `ntk:${name}`,
      iso3: S,
      kind: 'ntk_test',
      title: `Need-to-know test record (${name})`,
      status: 'signed',
      dateSigned: '2026-01-01',
      notes: null,
      classification: r.classification,
      compartmentCode: C,
      exParteParty: name === 'ex_parte' ? D : null,
      recipients: [...r.recipients],
    })
  }
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

describe('need-to-know, every classification × every caller', () => {
  for (const [label, { sees }] of Object.entries(CALLERS)) {
    it(`${label} sees exactly: ${sees.join(', ')}`, async () => {
      const h = headers.get(label) ?? {}
      const list = (await app.inject({ url: '/api/v1/agreements?kind=ntk_test&limit=200', headers: h })).json()
      expect(list.items.map((a: { id: string }) => a.id.slice(4)).sort()).toEqual([...sees].sort())
      expect(list.total).toBe(sees.length)
      for (const record of Object.keys(RECORDS) as RecordName[]) {
        const res = await app.inject({ url: `/api/v1/agreements/ntk:${record}`, headers: h })
        expect(res.statusCode, `${label} → ${record}`).toBe(sees.includes(record) ? 200 : 404)
        if (!sees.includes(record)) {
          // Indistinguishable from a record that does not exist.
          const missing = await app.inject({ url: `/api/v1/agreements/ntk:${record}-nonexistent`, headers: h })
          expect(res.json().error.code).toBe(missing.json().error.code)
          expect(res.json().error.message.replace(record, '#')).toBe(
            missing.json().error.message.replace(`${record}-nonexistent`, '#'),
          )
        }
      }
    })
  }

  it('records every read of a non-public record in the audit trail', async () => {
    const reads = await db.db
      .selectFrom('audit_events')
      .select(['action', 'record_id', 'actor'])
      .where('action', '=', 'agreement.read')
      .execute()
    expect(reads.map((r) => r.record_id)).toEqual(
      expect.arrayContaining(['ntk:confidential', 'ntk:under_seal', 'ntk:ex_parte']),
    )
    expect(reads.some((r) => r.record_id === 'ntk:public')).toBe(false)
  })
})

describe('reclassification', () => {
  it('lifts a seal with its legal basis, recorded in the history, by the owning compartment only', async () => {
    const outsider = headers.get('focal point of the addressed State') ?? {}
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/agreements/ntk:under_seal/reclassification',
      headers: outsider,
      payload: { to: 'confidential', legalBasis: 'no basis at all' },
    })
    expect(refused.statusCode).toBe(403)
    const owner = headers.get('Registry officer in the compartment') ?? {}
    const noBasis = await app.inject({
      method: 'POST',
      url: '/api/v1/agreements/ntk:under_seal/reclassification',
      headers: owner,
      payload: { to: 'confidential' },
    })
    expect(noBasis.statusCode).toBe(400)
    const lifted = await app.inject({
      method: 'POST',
      url: '/api/v1/agreements/ntk:under_seal/reclassification',
      headers: owner,
      payload: { to: 'public', legalBasis: 'Decision ICC-01/99-123 lifting the seal (fictional)' },
    })
    expect(lifted.statusCode).toBe(200)
    expect(lifted.json().classificationHistory).toEqual([
      expect.objectContaining({
        from: 'under_seal',
        to: 'public',
        legalBasis: 'Decision ICC-01/99-123 lifting the seal (fictional)',
      }),
    ])
    expect((await app.inject({ url: '/api/v1/agreements/ntk:under_seal' })).statusCode).toBe(200)
  })
})
