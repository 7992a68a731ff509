import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDocumentsWorld, type DocumentsWorld, pdf } from '../../../test/documents-world.ts'

// The thread of a request and the need-to-know of its messages and documents, on both databases.

let w: DocumentsWorld

beforeAll(async () => {
  w = await createDocumentsWorld()
})
afterAll(async () => w.close())

describe('need-to-know and the thread', () => {
  let requestId = ''
  let documentId = ''

  beforeAll(async () => {
    requestId = await w.draftRequest()
    documentId = (await w.upload(requestId, 'otpOfficer', { filename: 'annex.pdf', content: pdf('annex') })).json().id
  })

  it('answers 404 to callers without need-to-know, for list, download and messages', async () => {
    for (const as of ['otpOutside', 'kenFocal', 'nldFocal', 'anonymous']) {
      expect((await w.list(requestId, as)).statusCode, as).toBe(404)
      expect((await w.download(documentId, as)).statusCode, as).toBe(404)
      const msgs = await w.app.inject({ url: `/api/v1/requests/${requestId}/messages`, headers: w.who[as] })
      expect(msgs.statusCode, as).toBe(as === 'anonymous' ? 401 : 404)
    }
  })

  it('lets the addressee in only once the request is transmitted, and signs the documents into the receipt', async () => {
    const early = await w.upload(requestId, 'nldFocal', { filename: 'reply.txt', content: Buffer.from('too early') })
    expect(early.statusCode).toBe(404)
    await w.transmit(requestId)
    const receipts = (
      await w.app.inject({ url: `/api/v1/requests/${requestId}/receipts`, headers: w.who.otpOfficer })
    ).json()
    const hashes = (await w.list(requestId, 'otpOfficer'))
      .json()
      .items.map((d: { id: string; sha256: string }) => ({ id: d.id, sha256: d.sha256 }))
    expect(receipts.items[0].statement.documents).toEqual(hashes)
    expect(hashes).toHaveLength(1)
  })

  it("shows a State focal point's message, with its attachment, in the Court's thread", async () => {
    const reply = await w.upload(requestId, 'nldFocal', {
      filename: 'reply.txt',
      content: Buffer.from('Executed in part (fictional).'),
    })
    expect(reply.statusCode, reply.body).toBe(201)
    const posted = await w.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${requestId}/messages`,
      headers: w.who.nldFocal,
      payload: { body: 'Please find our answer attached.', attachmentIds: [reply.json().id] },
    })
    expect(posted.statusCode, posted.body).toBe(201)
    const thread = await w.app.inject({ url: `/api/v1/requests/${requestId}/messages`, headers: w.who.otpOfficer })
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
      (await w.app.inject({ url: `/api/v1/requests/${requestId}/messages`, headers: w.who.nldOfficer })).statusCode,
    ).toBe(404)
    const twice = await w.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${requestId}/messages`,
      headers: w.who.otpOfficer,
      payload: { body: 'Same attachment again', attachmentIds: [reply.json().id] },
    })
    expect(twice.json().error.code).toBe('DOCUMENT_ALREADY_ATTACHED')
  })

  it('refuses a redacted public version from the addressee', async () => {
    const res = await w.upload(
      requestId,
      'nldFocal',
      { filename: 'p.pdf', content: pdf('p') },
      { redactsDocumentId: documentId },
    )
    expect(res.statusCode).toBe(403)
  })
})
