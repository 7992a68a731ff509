import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testConfig } from '../../../test/db.ts'
import { createDocumentsWorld, type DocumentsWorld, pdf } from '../../../test/documents-world.ts'
import { buildApp } from '../app.ts'
import { sha256Hex } from './documents.crypto.ts'

// Documents through the API, on both databases: encryption at rest (the plaintext is nowhere in
// the database or its files), integrity, the content allow-list, the size limit, versions,
// redacted public versions and the audit of downloads.

let w: DocumentsWorld
const MARKER = `PLAINTEXT-MARKER-${randomUUID()}`

beforeAll(async () => {
  w = await createDocumentsWorld()
})
afterAll(async () => w.close())

describe('documents', () => {
  let requestId = ''
  let documentId = ''
  const content = pdf(MARKER)

  beforeAll(async () => {
    requestId = await w.draftRequest()
  })

  it('round-trips an upload: metadata with the SHA-256, then the same bytes as an attachment', async () => {
    const res = await w.upload(requestId, 'otpOfficer', { filename: '../../Mandat d’arrêt\u0007.pdf', content })
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
    expect((await w.list(requestId, 'otpOfficer')).json().items.map((d: { id: string }) => d.id)).toEqual([documentId])
    const got = await w.download(documentId, 'otpOfficer')
    expect(got.statusCode).toBe(200)
    expect(got.rawPayload.equals(content)).toBe(true)
    expect(got.headers['content-type']).toBe('application/pdf')
    expect(got.headers['content-disposition']).toMatch(/^attachment; filename="Mandat d_arr_t.pdf"; filename\*=UTF-8''/)
  })

  it('audits every download in the audit trail', async () => {
    const before = await w.countAudit('document.downloaded', documentId)
    await w.download(documentId, 'otpOfficer')
    await w.download(documentId, 'registryOfficer')
    expect(await w.countAudit('document.downloaded', documentId)).toBe(before + 2)
  })

  it('keeps the plaintext out of every table and out of the database files', async () => {
    const encoded = content.toString('base64')
    for (const table of await w.db.db.introspection.getTables()) {
      const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(w.db.db)).rows
      for (const row of rows)
        for (const value of Object.values(row)) {
          const bytes = Buffer.isBuffer(value)
            ? value
            : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value ?? null))
          expect(bytes.includes(MARKER), `${table.name} holds the plaintext`).toBe(false)
          expect(bytes.includes(encoded), `${table.name} holds the upload`).toBe(false)
        }
    }
    if (w.db.sqlitePath) {
      const dir = path.dirname(w.db.sqlitePath)
      for (const file of readdirSync(dir))
        expect(readFileSync(path.join(dir, file)).includes(MARKER), `${file} holds the plaintext`).toBe(false)
    }
  })

  it('refuses tampered ciphertext and a tampered tag with DOCUMENT_INTEGRITY_FAILED, never serving them', async () => {
    for (const column of ['ciphertext', 'tag'] as const) {
      const id = (
        await w.upload(requestId, 'otpOfficer', { filename: 'annex.txt', content: Buffer.from(`Annex ${column}`) })
      ).json().id
      const blob = await w.db.db
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
      await w.db.db.updateTable('document_blobs').set(altered).where('document_id', '=', id).execute()
      const res = await w.download(id, 'otpOfficer')
      expect(res.statusCode).toBe(500)
      expect(res.json().error.code).toBe('DOCUMENT_INTEGRITY_FAILED')
      expect(res.body).not.toContain('Annex')
      expect(await w.countAudit('document.downloaded', id)).toBe(0)
      expect(await w.countAudit('document.integrity_failed', id)).toBe(1)
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
      const res = await w.upload(requestId, 'otpOfficer', file)
      expect(res.statusCode, file.filename).toBe(415)
      expect(res.json().error.code).toBe('DOCUMENT_TYPE_NOT_ALLOWED')
    }
  })

  it('accepts a document above the general body limit and refuses one above the document limit', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2 * 1024 * 1024, 0x20)])
    expect((await w.upload(requestId, 'otpOfficer', { filename: 'big.pdf', content: big })).statusCode).toBe(201)
    const small = await buildApp(testConfig(w.db, { documentMaxBytes: 4096 }), { db: w.db })
    try {
      const payload = (n: number) => ({ filename: 'x.txt', contentBase64: Buffer.alloc(n, 0x61).toString('base64') })
      const url = `/api/v1/requests/${requestId}/documents`
      const over = await small.inject({ method: 'POST', url, headers: w.who.otpOfficer, payload: payload(5000) })
      expect(over.statusCode).toBe(413)
      expect(over.json().error.code).toBe('DOCUMENT_TOO_LARGE')
      const far = await small.inject({ method: 'POST', url, headers: w.who.otpOfficer, payload: payload(200_000) })
      expect(far.statusCode).toBe(413)
      expect(
        (await small.inject({ method: 'POST', url, headers: w.who.otpOfficer, payload: payload(4096) })).statusCode,
      ).toBe(201)
    } finally {
      await small.close()
    }
  })

  it('keeps every version: superseding makes version n+1, and only the latest may be superseded', async () => {
    const v1 = (await w.upload(requestId, 'otpOfficer', { filename: 'notes.txt', content: Buffer.from('v1') })).json()
    const v2res = await w.upload(
      requestId,
      'otpOfficer',
      { filename: 'notes.txt', content: Buffer.from('v2') },
      { supersedesDocumentId: v1.id },
    )
    expect(v2res.statusCode, v2res.body).toBe(201)
    expect(v2res.json()).toMatchObject({ version: 2, supersedes: v1.id })
    const again = await w.upload(
      requestId,
      'otpOfficer',
      { filename: 'notes.txt', content: Buffer.from('v2b') },
      { supersedesDocumentId: v1.id },
    )
    expect(again.statusCode).toBe(422)
    const items = (await w.list(requestId, 'otpOfficer')).json().items as { id: string; isLatestVersion: boolean }[]
    expect(items.find((d) => d.id === v1.id)?.isLatestVersion).toBe(false)
    expect(items.find((d) => d.id === v2res.json().id)?.isLatestVersion).toBe(true)
    expect((await w.download(v1.id, 'otpOfficer')).body).toBe('v1')
  })

  it('shows a redacted public version to anyone while the original stays need-to-know', async () => {
    const res = await w.upload(
      requestId,
      'otpOfficer',
      { filename: 'public.pdf', content: pdf('redacted') },
      { redactsDocumentId: documentId },
    )
    expect(res.statusCode, res.body).toBe(201)
    const redacted = res.json()
    expect(redacted).toMatchObject({ classification: 'public', isRedactedPublicVersion: true, redacts: documentId })
    for (const as of ['anonymous', 'kenFocal', 'otpOutside']) {
      const listed = await w.list(requestId, as)
      expect(listed.statusCode, as).toBe(200)
      expect(
        listed.json().items.map((d: { id: string }) => d.id),
        as,
      ).toEqual([redacted.id])
      expect(listed.json().items[0].uploadedBy).toBeNull()
      expect((await w.download(redacted.id, as)).statusCode, as).toBe(200)
      expect((await w.download(documentId, as)).statusCode, as).toBe(404)
    }
  })
})
