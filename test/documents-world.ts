import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'
import { type BuildOptions, buildApp } from '../src/server/app.ts'
import type { Config } from '../src/server/config.ts'
import { createUserWithToken } from './auth.ts'
import { createTestDb, type TestDb, testConfig } from './db.ts'

// A small world for the documents and messages tests: Court staff in a case compartment, State
// focal points and officers, a confidential case with an under-seal suspect, and helpers to draft,
// transmit and upload.

export type H = Record<string, string>

export async function createDocumentsWorld(options: { config?: Partial<Config>; build?: BuildOptions } = {}) {
  const db: TestDb = await createTestDb()
  const app: FastifyInstance = await buildApp(testConfig(db, options.config), { ...options.build, db })
  const who: Record<string, H> = { anonymous: {} }
  const users: Record<string, { id: string; email: string }> = {}
  const inCase = ['SIT-DOC', 'CASE-DOC']
  for (const [label, spec] of Object.entries({
    otpOfficer: { orgCode: 'ICC-OTP', role: 'officer', compartments: inCase },
    otpApprover: { orgCode: 'ICC-OTP', role: 'approver', compartments: inCase },
    registryOfficer: { orgCode: 'ICC-REGISTRY', role: 'officer', compartments: inCase },
    registryOutside: { orgCode: 'ICC-REGISTRY', role: 'approver', compartments: ['CASE-ELSEWHERE'] },
    otpOutside: { orgCode: 'ICC-OTP', role: 'approver', compartments: ['CASE-ELSEWHERE'] },
    nldFocal: { orgCode: 'NLD', role: 'focal-point' },
    nldOfficer: { orgCode: 'NLD', role: 'officer' },
    kenFocal: { orgCode: 'KEN', role: 'focal-point' },
  })) {
    const created = await createUserWithToken(db.db, spec)
    who[label] = created.headers
    users[label] = created.user
  }
  const post = async (url: string, payload: object) => {
    const res = await app.inject({ method: 'POST', url, headers: who.otpOfficer, payload })
    expect(res.statusCode, res.body).toBe(201)
    return res.json().id as string
  }
  const situationId = await post('/api/v1/situations', {
    code: 'SIT-DOC',
    name: 'Situation in the Republic of Docland (fictional)',
    classification: 'confidential',
    compartment: 'SIT-DOC',
  })
  const caseId = await post('/api/v1/cases', {
    situationId,
    code: 'CASE-DOC',
    name: 'The Prosecutor v. Doc Person (fictional)',
    classification: 'confidential',
    compartment: 'CASE-DOC',
  })
  const personId = await post('/api/v1/persons', {
    situationId,
    caseId,
    name: 'Doc Person (fictional)',
    roleInProceedings: 'suspect',
    classification: 'under_seal',
    compartment: 'CASE-DOC',
  })

  async function draftRequest(): Promise<string> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: who.otpOfficer,
      payload: {
        // Evidence, which the Prosecutor originates (an arrest is the Chambers' or the Registry's).
        requestType: 'TAKE_EVIDENCE',
        classification: 'confidential',
        summary: 'Testimony of a witness (fictional)',
        facts: 'Fictional facts of the case.',
        assistanceSought: 'Hear the witness under oath and send the record (fictional).',
        legalBasis: 'Articles 93(1)(b) and 96',
        checklist: { answers: { '96(2)(b)': 'The witness lives in The Hague (fictional)' } },
        addressees: ['NLD'],
        caseId,
        personIds: [personId],
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    return res.json().items[0].id as string
  }

  async function transmit(id: string) {
    for (const [as, action] of [
      ['otpApprover', 'approve'],
      ['registryOfficer', 'transmit'],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/requests/${id}/transitions`,
        headers: who[as],
        payload: { action },
      })
      expect(res.statusCode, res.body).toBe(200)
    }
  }

  const upload = (requestId: string, as: string, file: { filename: string; content: Buffer }, extra: object = {}) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/requests/${requestId}/documents`,
      headers: who[as],
      payload: { filename: file.filename, contentBase64: file.content.toString('base64'), ...extra },
    })
  const list = (requestId: string, as: string) =>
    app.inject({ url: `/api/v1/requests/${requestId}/documents`, headers: who[as] })
  const download = (documentId: string, as: string) =>
    app.inject({ url: `/api/v1/documents/${documentId}/content`, headers: who[as] })

  async function countAudit(action: string, recordId: string) {
    const rows = await db.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', action)
      .where('record_id', '=', recordId)
      .execute()
    return rows.length
  }

  const close = async () => {
    await app.close()
    await db.destroy()
  }
  return { db, app, who, users, draftRequest, transmit, upload, list, download, countAudit, close }
}

export type DocumentsWorld = Awaited<ReturnType<typeof createDocumentsWorld>>

export const pdf = (text: string) => Buffer.from(`%PDF-1.7\n1 0 obj << /Title (${text}) >> endobj\n%%EOF\n`)
