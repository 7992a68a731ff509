import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'
import { sha256Hex } from './documents.crypto.ts'

// Documents and messages through the API, on both databases: encryption at rest (the plaintext is
// nowhere in the database or its files), integrity, the content allow-list, the size limit,
// versions, redacted public versions, need-to-know, audit of downloads, and the thread.

let db: TestDb
let app: FastifyInstance
type H = Record<string, string>
const who: Record<string, H> = { anonymous: {} }
let caseId = ''
let personId = ''
const MARKER = `PLAINTEXT-MARKER-${randomUUID()}`
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n1 0 obj << /Title (${text}) >> endobj\n%%EOF\n`)

beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
  const inCase = ['SIT-DOC', 'CASE-DOC']
  for (const [label, spec] of Object.entries({
    otpOfficer: { orgCode: 'ICC-OTP', role: 'officer', compartments: inCase },
    otpApprover: { orgCode: 'ICC-OTP', role: 'approver', compartments: inCase },
    registryOfficer: { orgCode: 'ICC-REGISTRY', role: 'officer', compartments: inCase },
    otpOutside: { orgCode: 'ICC-OTP', role: 'approver', compartments: ['CASE-ELSEWHERE'] },
    nldFocal: { orgCode: 'NLD', role: 'focal-point' },
    nldOfficer: { orgCode: 'NLD', role: 'officer' },
    kenFocal: { orgCode: 'KEN', role: 'focal-point' },
  })) {
    who[label] = (await createUserWithToken(db.db, spec)).headers
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
  caseId = await post('/api/v1/cases', {
    situationId,
    code: 'CASE-DOC',
    name: 'The Prosecutor v. Doc Person (fictional)',
    classification: 'confidential',
    compartment: 'CASE-DOC',
  })
  personId = await post('/api/v1/persons', {
    situationId,
    caseId,
    name: 'Doc Person (fictional)',
    roleInProceedings: 'suspect',
    classification: 'under_seal',
    compartment: 'CASE-DOC',
  })
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

async function draftRequest(): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: who.otpOfficer,
    payload: {
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
      addressees: ['NLD'],
      caseId,
      personIds: [personId],
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().items[0].id
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

describe('documents', () => {
  let requestId = ''
  let documentId = ''
  const content = pdf(MARKER)

  beforeAll(async () => {
    requestId = await draftRequest()
  })

  it('round-trips an upload: metadata with the SHA-256, then the same bytes as an attachment', async () => {
    const res = await upload(requestId, 'otpOfficer', { filename: '../../Mandat d’arrêt\u0007.pdf', content })
    expect(res.statusCode, res.body).toBe(201)
    const doc = res.json()
    documentId = doc.id
    expect(doc).toMatchObject({
      filename: 'Mandat d’arrêt.pdf',
      mediaType: 'application/pdf',
      sizeBytes: content.length,
      sha256: sha256Hex(content),
      version: 1,
      classification: 'confidential',
      isRedactedPublicVersion: false,
    })
    expect((await list(requestId, 'otpOfficer')).json().items.map((d: { id: string }) => d.id)).toEqual([documentId])
    const got = await download(documentId, 'otpOfficer')
    expect(got.statusCode).toBe(200)
    expect(got.rawPayload.equals(content)).toBe(true)
    expect(got.headers['content-type']).toBe('application/pdf')
    expect(got.headers['content-disposition']).toMatch(/^attachment; filename="Mandat d_arr_t.pdf"; filename\*=UTF-8''/)
  })

  it('audits every download in the audit trail', async () => {
    const before = await countAudit('document.downloaded', documentId)
    await download(documentId, 'otpOfficer')
    await download(documentId, 'registryOfficer')
    expect(await countAudit('document.downloaded', documentId)).toBe(before + 2)
  })

  it('keeps the plaintext out of every table and out of the database files', async () => {
    const encoded = content.toString('base64')
    for (const table of await db.db.introspection.getTables()) {
      const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(db.db)).rows
      for (const row of rows)
        for (const value of Object.values(row)) {
          const bytes = Buffer.isBuffer(value)
            ? value
            : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value ?? null))
          expect(bytes.includes(MARKER), `${table.name} holds the plaintext`).toBe(false)
          expect(bytes.includes(encoded), `${table.name} holds the upload`).toBe(false)
        }
    }
    if (db.sqlitePath) {
      const dir = path.dirname(db.sqlitePath)
      for (const file of readdirSync(dir))
        expect(readFileSync(path.join(dir, file)).includes(MARKER), `${file} holds the plaintext`).toBe(false)
    }
  })

  it('refuses tampered ciphertext and a tampered tag with DOCUMENT_INTEGRITY_FAILED, never serving them', async () => {
    for (const column of ['ciphertext', 'tag'] as const) {
      const id = (
        await upload(requestId, 'otpOfficer', { filename: 'annex.txt', content: Buffer.from(`Annex ${column}`) })
      ).json().id
      const blob = await db.db
        .selectFrom('document_blobs')
        .selectAll()
        .where('document_id', '=', id)
        .executeTakeFirstOrThrow()
      const altered =
        column === 'ciphertext'
          ? { ciphertext: Buffer.from(blob.ciphertext.map((b, i) => (i === 0 ? b ^ 1 : b))) }
          : {
              tag: Buffer.from(Buffer.from(blob.tag, 'base64url').map((b, i) => (i === 0 ? b ^ 1 : b))).toString(
                'base64url',
              ),
            }
      await db.db.updateTable('document_blobs').set(altered).where('document_id', '=', id).execute()
      const res = await download(id, 'otpOfficer')
      expect(res.statusCode).toBe(500)
      expect(res.json().error.code).toBe('DOCUMENT_INTEGRITY_FAILED')
      expect(res.body).not.toContain('Annex')
      expect(await countAudit('document.downloaded', id)).toBe(0)
      expect(await countAudit('document.integrity_failed', id)).toBe(1)
    }
  })

  it('refuses a type outside the allow-list or disguised behind a .pdf name, checked on the content', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)])
    for (const file of [
      { filename: 'warrant.pdf', content: exe },
      { filename: 'warrant.pdf', content: Buffer.from('just some text, not a PDF') },
      { filename: 'photo.pdf', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]) },
      { filename: 'archive.docx', content: Buffer.from('PK\u0003\u0004 not an office document') },
    ]) {
      const res = await upload(requestId, 'otpOfficer', file)
      expect(res.statusCode, file.filename).toBe(415)
      expect(res.json().error.code).toBe('DOCUMENT_TYPE_NOT_ALLOWED')
    }
  })

  it('accepts a document above the general body limit and refuses one above the document limit', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2 * 1024 * 1024, 0x20)])
    expect((await upload(requestId, 'otpOfficer', { filename: 'big.pdf', content: big })).statusCode).toBe(201)
    const small = await buildApp(testConfig(db, { documentMaxBytes: 4096 }), { db })
    try {
      const payload = (n: number) => ({ filename: 'x.txt', contentBase64: Buffer.alloc(n, 0x61).toString('base64') })
      const url = `/api/v1/requests/${requestId}/documents`
      const over = await small.inject({ method: 'POST', url, headers: who.otpOfficer, payload: payload(5000) })
      expect(over.statusCode).toBe(413)
      expect(over.json().error.code).toBe('DOCUMENT_TOO_LARGE')
      const far = await small.inject({ method: 'POST', url, headers: who.otpOfficer, payload: payload(200_000) })
      expect(far.statusCode).toBe(413)
      expect(
        (await small.inject({ method: 'POST', url, headers: who.otpOfficer, payload: payload(4096) })).statusCode,
      ).toBe(201)
    } finally {
      await small.close()
    }
  })

  it('keeps every version: superseding makes version n+1, and only the latest may be superseded', async () => {
    const v1 = (await upload(requestId, 'otpOfficer', { filename: 'notes.txt', content: Buffer.from('v1') })).json()
    const v2res = await upload(
      requestId,
      'otpOfficer',
      { filename: 'notes.txt', content: Buffer.from('v2') },
      { supersedesDocumentId: v1.id },
    )
    expect(v2res.statusCode, v2res.body).toBe(201)
    expect(v2res.json()).toMatchObject({ version: 2, supersedes: v1.id })
    const again = await upload(
      requestId,
      'otpOfficer',
      { filename: 'notes.txt', content: Buffer.from('v2b') },
      { supersedesDocumentId: v1.id },
    )
    expect(again.statusCode).toBe(422)
    const items = (await list(requestId, 'otpOfficer')).json().items as { id: string; isLatestVersion: boolean }[]
    expect(items.find((d) => d.id === v1.id)?.isLatestVersion).toBe(false)
    expect(items.find((d) => d.id === v2res.json().id)?.isLatestVersion).toBe(true)
    expect((await download(v1.id, 'otpOfficer')).body).toBe('v1')
  })

  it('shows a redacted public version to anyone while the original stays need-to-know', async () => {
    const res = await upload(
      requestId,
      'otpOfficer',
      { filename: 'public.pdf', content: pdf('redacted') },
      { redactsDocumentId: documentId },
    )
    expect(res.statusCode, res.body).toBe(201)
    const redacted = res.json()
    expect(redacted).toMatchObject({ classification: 'public', isRedactedPublicVersion: true, redacts: documentId })
    for (const as of ['anonymous', 'kenFocal', 'otpOutside']) {
      const listed = await list(requestId, as)
      expect(listed.statusCode, as).toBe(200)
      expect(
        listed.json().items.map((d: { id: string }) => d.id),
        as,
      ).toEqual([redacted.id])
      expect(listed.json().items[0].uploadedBy).toBeNull()
      expect((await download(redacted.id, as)).statusCode, as).toBe(200)
      expect((await download(documentId, as)).statusCode, as).toBe(404)
    }
  })
})

describe('need-to-know and the thread', () => {
  let requestId = ''
  let documentId = ''

  beforeAll(async () => {
    requestId = await draftRequest()
    documentId = (await upload(requestId, 'otpOfficer', { filename: 'annex.pdf', content: pdf('annex') })).json().id
  })

  it('answers 404 to callers without need-to-know, for list, download and messages', async () => {
    for (const as of ['otpOutside', 'kenFocal', 'nldFocal', 'anonymous']) {
      expect((await list(requestId, as)).statusCode, as).toBe(404)
      expect((await download(documentId, as)).statusCode, as).toBe(404)
      const msgs = await app.inject({ url: `/api/v1/requests/${requestId}/messages`, headers: who[as] })
      expect(msgs.statusCode, as).toBe(as === 'anonymous' ? 401 : 404)
    }
  })

  it('lets the addressee in only once the request is transmitted, and signs the documents into the receipt', async () => {
    const early = await upload(requestId, 'nldFocal', { filename: 'reply.txt', content: Buffer.from('too early') })
    expect(early.statusCode).toBe(404)
    await transmit(requestId)
    const receipts = (
      await app.inject({ url: `/api/v1/requests/${requestId}/receipts`, headers: who.otpOfficer })
    ).json()
    const hashes = (await list(requestId, 'otpOfficer'))
      .json()
      .items.map((d: { id: string; sha256: string }) => ({ id: d.id, sha256: d.sha256 }))
    expect(receipts.items[0].statement.documents).toEqual(hashes)
    expect(hashes).toHaveLength(1)
  })

  it("shows a State focal point's message, with its attachment, in the Court's thread", async () => {
    const reply = await upload(requestId, 'nldFocal', {
      filename: 'reply.txt',
      content: Buffer.from('Executed in part (fictional).'),
    })
    expect(reply.statusCode, reply.body).toBe(201)
    const posted = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${requestId}/messages`,
      headers: who.nldFocal,
      payload: { body: 'Please find our answer attached.', attachmentIds: [reply.json().id] },
    })
    expect(posted.statusCode, posted.body).toBe(201)
    const thread = await app.inject({ url: `/api/v1/requests/${requestId}/messages`, headers: who.otpOfficer })
    expect(thread.statusCode).toBe(200)
    expect(thread.json().items).toEqual([
      expect.objectContaining({
        authorOrg: 'NLD',
        body: 'Please find our answer attached.',
        attachments: [expect.objectContaining({ id: reply.json().id, filename: 'reply.txt' })],
      }),
    ])
    // An officer of the State to whom nothing was delegated sees nothing of it.
    expect(
      (await app.inject({ url: `/api/v1/requests/${requestId}/messages`, headers: who.nldOfficer })).statusCode,
    ).toBe(404)
    const twice = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${requestId}/messages`,
      headers: who.otpOfficer,
      payload: { body: 'Same attachment again', attachmentIds: [reply.json().id] },
    })
    expect(twice.json().error.code).toBe('DOCUMENT_ALREADY_ATTACHED')
  })

  it('refuses a redacted public version from the addressee', async () => {
    const res = await upload(
      requestId,
      'nldFocal',
      { filename: 'p.pdf', content: pdf('p') },
      { redactsDocumentId: documentId },
    )
    expect(res.statusCode).toBe(403)
  })
})

async function countAudit(action: string, recordId: string) {
  const rows = await db.db
    .selectFrom('audit_events')
    .select('id')
    .where('action', '=', action)
    .where('record_id', '=', recordId)
    .execute()
  return rows.length
}
