import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'

// Every step of a request's life is an event with its actor, time, note and documents: a step may
// rest on documents of the request (an execution report, the supplementary information a
// consultation asked for), which its event keeps with their SHA-256 as they were then. On both
// databases; a document that is not the request's is refused and nothing is written.

let db: TestDb
let app: FastifyInstance
const who: Record<string, Record<string, string>> = {}
const ids: Record<string, string> = {}

async function call(method: 'GET' | 'POST', url: string, as: string, payload?: object) {
  return app.inject({ method, url, headers: who[as], ...(payload ? { payload } : {}) })
}
async function ok(method: 'GET' | 'POST', url: string, as: string, payload?: object) {
  const res = await call(method, url, as, payload)
  expect(res.statusCode, res.body).toBeLessThan(300)
  return res.json()
}
const upload = async (requestId: string, as: string, filename: string, text: string) =>
  (
    await ok('POST', `/api/v1/requests/${requestId}/documents`, as, {
      filename,
      contentBase64: Buffer.from(`%PDF-1.7\n${text}`).toString('base64'),
    })
  ).id as string

beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
  const user = async (name: string, orgCode: string, role: string, compartments: string[] = []) => {
    who[name] = (await createUserWithToken(db.db, { orgCode, role, compartments })).headers
  }
  await user('otp', 'ICC-OTP', 'officer', ['SD-A'])
  await user('otpApprover', 'ICC-OTP', 'approver', ['SD-A'])
  await user('registry', 'ICC-REGISTRY', 'officer', ['SD-A'])
  await user('nld', 'NLD', 'focal-point')
  const draft = async (summary: string) =>
    (
      await ok('POST', '/api/v1/requests', 'otp', {
        requestType: 'TAKE_EVIDENCE',
        addressees: ['NLD'],
        classification: 'confidential',
        compartment: 'SD-A',
        legalBasis: 'Articles 93(1)(b) and 96',
        summary,
        facts: 'Fictional facts for a test.',
        assistanceSought: 'Take the testimony of a fictional witness.',
        checklist: { answers: { '96(2)(b)': 'The witness lives in The Hague (fictional).' } },
      })
    ).items[0].id as string
  ids.request = await draft('Testimony of a fictional witness')
  ids.other = await draft('Another fictional request')
  for (const [as, action] of [
    ['otpApprover', 'approve'],
    ['registry', 'transmit'],
    ['nld', 'acknowledge'],
    ['nld', 'begin_execution'],
  ] as const)
    await ok('POST', `/api/v1/requests/${ids.request}/transitions`, as, { action })
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

describe('the documents a step rests on', () => {
  it('are kept on its event with their SHA-256, shown on the page and named in the audit entry', async () => {
    const report = await upload(ids.request as string, 'nld', 'execution-report.pdf', 'report')
    ids.report = report
    const annex = await upload(ids.request as string, 'nld', 'annex.pdf', 'annex')
    const detail = await ok('POST', `/api/v1/requests/${ids.request}/transitions`, 'nld', {
      action: 'report_executed',
      note: 'Testimony taken on 3 March (fictional).',
      documentIds: [report, annex],
    })
    expect(detail.status).toBe('executed')
    const event = detail.events.at(-1)
    expect(event.action).toBe('report_executed')
    const documents = (await ok('GET', `/api/v1/requests/${ids.request}/documents`, 'otp')).items as {
      id: string
      filename: string
      sha256: string
    }[]
    const hashOf = (id: string) => documents.find((d) => d.id === id)?.sha256
    expect(event.documents).toEqual([
      { id: report, filename: 'execution-report.pdf', sha256: hashOf(report) },
      { id: annex, filename: 'annex.pdf', sha256: hashOf(annex) },
    ])
    // The Court reads the same event.
    const page = await ok('GET', `/api/v1/requests/${ids.request}`, 'otp')
    expect(page.events.at(-1).documents.map((d: { id: string }) => d.id)).toEqual([report, annex])
    // Steps without documents say so.
    expect(page.events[0].documents).toEqual([])
    const entry = await db.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'request.report_executed')
      .where('record_id', '=', ids.request as string)
      .executeTakeFirstOrThrow()
    expect(JSON.stringify(entry.details)).toContain(report)
  })

  it('must be documents of this request: another request’s, or none, is refused and nothing is written', async () => {
    const own = await upload(ids.other as string, 'otp', 'own.pdf', 'own')
    const before = await ok('GET', `/api/v1/requests/${ids.other}`, 'otp')
    // The first request's execution report, on the second; a document that does not exist; one
    // of the request beside one that is not.
    for (const documentIds of [[ids.report as string], ['no-such-document'], [own, ids.report as string]]) {
      const res = await call('POST', `/api/v1/requests/${ids.other}/transitions`, 'otp', {
        action: 'withdraw',
        note: 'Refused for its documents (fictional).',
        documentIds,
      })
      expect(res.statusCode, res.body).toBe(422)
      expect(res.json().error.message).toBe('The documents of a step must be documents of this request')
    }
    const refused = await call('POST', `/api/v1/requests/${ids.other}/transitions`, 'otpApprover', {
      action: 'approve',
      documentIds: ['no-such-document'],
    })
    expect(refused.statusCode, refused.body).toBe(422)
    const after = await ok('GET', `/api/v1/requests/${ids.other}`, 'otp')
    expect({ status: after.status, events: after.events.length }).toEqual({
      status: before.status,
      events: before.events.length,
    })
    // Too many, or not a list: a clear 400.
    const many = await call('POST', `/api/v1/requests/${ids.other}/transitions`, 'otpApprover', {
      action: 'approve',
      documentIds: Array.from({ length: 21 }, (_, i) => `d${i}`),
    })
    expect(many.statusCode).toBe(400)
  })
})
