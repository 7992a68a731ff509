import { randomUUID } from 'node:crypto'
import type { Classification } from '../access/classification.ts'
import { recordAuditEvent, recordAuditedRead } from '../audit/audit.service.ts'
import { actorLabel, actorOrg, type Ctx } from '../context.ts'
import type { Db } from '../db/database.ts'
import { fromBool, toBool } from '../db/values.ts'
import { AppError, isAppError } from '../errors.ts'
import { getRequestParticipation, type RequestParticipation } from '../requests/requests.participation.ts'
import { decodeUpload, detectMediaType, sanitiseFilename } from './documents.content.ts'
import { openDocument, sealDocument, sha256Hex } from './documents.crypto.ts'
import * as repo from './documents.repository.ts'
import type { Document, UploadDocumentBody } from './documents.schemas.ts'
import type { DocumentRow } from './documents.table.ts'

// Documents of requests: uploaded by those who may add to the request's thread, read by whoever
// may see the request, and a redacted public version by anyone. Content is encrypted at rest
// (documents.crypto.ts); every upload and every download is audited in its transaction.

export async function uploadDocument(
  ctx: Ctx,
  requestId: string,
  input: UploadDocumentBody,
  maxBytes: number,
): Promise<Document> {
  if (input.supersedesDocumentId && input.redactsDocumentId)
    throw new AppError('VALIDATION_FAILED', 'Give supersedesDocumentId or redactsDocumentId, not both')
  const bytes = decodeUpload(input.contentBase64, maxBytes, 'document')
  const filename = sanitiseFilename(input.filename)
  const mediaType = detectMediaType(bytes, filename)
  const id = randomUUID()
  const sealed = sealDocument(ctx.secrets.encryptionKey, id, bytes)
  const sha256 = sha256Hex(bytes)
  return ctx.db.transaction().execute(async (trx) => {
    const request = await getRequestParticipation(ctx, trx, requestId)
    if (!request.mayContribute)
      throw new AppError('FORBIDDEN', 'Only the Court side and, once transmitted, the addressee add documents')
    const lineage = await lineageOf(trx, request, input)
    const row = {
      id,
      request_id: requestId,
      message_id: null,
      filename,
      media_type: mediaType,
      size_bytes: bytes.length,
      sha256,
      version: lineage.version,
      supersedes: lineage.supersedes,
      is_redacted_public_version: fromBool(lineage.redacts !== null),
      redacts: lineage.redacts,
      classification: lineage.redacts !== null ? 'public' : null,
      uploaded_by: actorLabel(ctx.actor),
      uploaded_by_org: actorOrg(ctx.actor),
      created_at: ctx.now().toISOString(),
    }
    await repo.insertDocument(trx, row, {
      document_id: id,
      key_id: sealed.keyId,
      wrapped_key: sealed.wrappedKey,
      iv: sealed.iv,
      tag: sealed.tag,
      ciphertext: sealed.ciphertext,
    })
    // No file name in the trail: it may itself be confidential; the hash identifies the content.
    await recordAuditEvent(ctx, trx, {
      action: 'document.uploaded',
      recordType: repo.DOCUMENT_RECORD,
      recordId: id,
      classification: row.classification ?? request.classification,
      details: { requestId, sha256, sizeBytes: bytes.length, mediaType, version: row.version, redacts: row.redacts },
    })
    return toDocument({ ...row, is_redacted_public_version: row.is_redacted_public_version }, request, true)
  })
}

/** Version, predecessor and redaction link of a new upload, checked against the request. */
async function lineageOf(trx: Db, request: RequestParticipation, input: UploadDocumentBody) {
  const base = { version: 1, supersedes: null as string | null, redacts: null as string | null }
  if (input.redactsDocumentId) {
    const original = await repo.findDocumentById(trx, input.redactsDocumentId)
    if (!original || original.request_id !== request.id)
      throw new AppError('RECORD_INVALID', 'The redacted document must be a document of this request')
    if (original.redacts !== null) throw new AppError('RECORD_INVALID', 'A redacted version cannot itself be redacted')
    // Making something public is the Court's decision, never the addressee's.
    if (!request.isCourtSide) throw new AppError('FORBIDDEN', 'Only the Court side publishes redacted versions')
    return { ...base, redacts: original.id }
  }
  if (!input.supersedesDocumentId) return base
  const previous = await repo.findDocumentById(trx, input.supersedesDocumentId)
  if (!previous || previous.request_id !== request.id)
    throw new AppError('RECORD_INVALID', 'The superseded document must be a document of this request')
  if (await repo.hasSuccessor(trx, previous.id))
    throw new AppError('RECORD_INVALID', 'That version was already superseded: supersede the latest version')
  if (previous.redacts !== null && !request.isCourtSide)
    throw new AppError('FORBIDDEN', 'Only the Court side publishes redacted versions')
  // A new version of a redacted public version is again the public version of the same original.
  return { version: previous.version + 1, supersedes: previous.id, redacts: previous.redacts }
}

/** Every document of the request for who may see it; otherwise its public versions, if any. */
export async function listDocuments(ctx: Ctx, requestId: string): Promise<{ items: Document[] }> {
  const { request, rows } = await ctx.db.transaction().execute(async (trx) => {
    const request = await participationOrNull(ctx, trx, requestId)
    if (request) return { request, rows: await repo.listRequestDocuments(trx, requestId) }
    const rows = await repo.listPublicRequestDocuments(trx, requestId)
    // No public version: the request answers as if it did not exist.
    if (rows.length === 0) throw new AppError('RECORD_NOT_FOUND', `No request ${requestId}`)
    return { request: null, rows }
  })
  // Reads are audited by group commit (audit.service.ts): the answer leaves once the entry is durable.
  if (request && request.classification !== 'public' && rows.length > 0)
    await recordAuditedRead(ctx, {
      action: 'document.listed',
      recordType: 'request',
      recordId: requestId,
      classification: request.classification,
      details: { ids: rows.map((r) => r.id) },
    })
  const superseded = new Set(rows.map((r) => r.supersedes).filter((s) => s !== null))
  return { items: rows.map((r) => toDocument(r, request, !superseded.has(r.id))) }
}

/** Decrypted content for download; audited in the transaction that reads it. */
export async function downloadDocument(ctx: Ctx, documentId: string) {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const doc = await repo.findDocumentById(trx, documentId)
      if (!doc) throw new AppError('RECORD_NOT_FOUND', `No document ${documentId}`)
      const request = doc.classification === 'public' ? null : await getRequestParticipation(ctx, trx, doc.request_id)
      const blob = await repo.findBlob(trx, documentId)
      if (!blob) throw new AppError('DOCUMENT_INTEGRITY_FAILED', `Document ${documentId} has no stored content`)
      const content = openDocument(
        ctx.secrets.encryptionKey,
        documentId,
        { keyId: blob.key_id, wrappedKey: blob.wrapped_key, iv: blob.iv, tag: blob.tag, ciphertext: blob.ciphertext },
        doc.sha256,
      )
      await recordAuditEvent(ctx, trx, {
        action: 'document.downloaded',
        recordType: repo.DOCUMENT_RECORD,
        recordId: documentId,
        classification: doc.classification ?? request?.classification ?? 'public',
        details: { requestId: doc.request_id, sha256: doc.sha256 },
      })
      return { filename: doc.filename, mediaType: doc.media_type, content }
    })
  } catch (error) {
    if (isAppError(error) && error.code === 'DOCUMENT_INTEGRITY_FAILED') {
      ctx.log.error({ documentId, err: error }, 'document integrity check failed')
      await recordAuditEvent(ctx, ctx.db, {
        action: 'document.integrity_failed',
        recordType: repo.DOCUMENT_RECORD,
        recordId: documentId,
      })
    }
    throw error
  }
}

/** SHA-256 of every document of the request, oldest first: what receipts sign. */
export async function listRequestDocumentHashes(db: Db, requestId: string) {
  return (await repo.listDocumentHashes(db, requestId)).map((d) => ({ id: d.id, sha256: d.sha256 }))
}

/** Attaches documents of the request to a new message (in the message's transaction). */
export async function attachDocumentsToMessage(trx: Db, requestId: string, messageId: string, ids: readonly string[]) {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return
  const found = await repo.listDocumentsByIds(trx, requestId, unique)
  if (found.length !== unique.length)
    throw new AppError('RECORD_INVALID', 'Attachments must be documents of this request')
  if ((await repo.attachDocuments(trx, unique, messageId)) !== unique.length)
    throw new AppError('DOCUMENT_ALREADY_ATTACHED', 'A document is already attached to another message')
}

/**
 * The documents of the request a step of its life cycle rests on (in the step's transaction): by
 * id, with the name and SHA-256 they have now, which the step's event keeps.
 */
export async function documentsForStep(trx: Db, requestId: string, ids: readonly string[]) {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  const found = await repo.listDocumentsByIds(trx, requestId, unique)
  if (found.length !== unique.length)
    throw new AppError('RECORD_INVALID', 'The documents of a step must be documents of this request')
  return unique.map((id) => {
    const d = found.find((f) => f.id === id) as DocumentRow
    return { id: d.id, filename: d.filename, sha256: d.sha256 }
  })
}

/** The documents attached to each message, for a reader who may see the request. */
export async function listMessageAttachments(db: Db, request: RequestParticipation, messageIds: readonly string[]) {
  const rows = await repo.listDocumentsOfMessages(db, messageIds)
  const byMessage = new Map<string, Document[]>()
  for (const r of rows) {
    const list = byMessage.get(r.message_id ?? '') ?? []
    list.push(toDocument(r, request, true))
    byMessage.set(r.message_id ?? '', list)
  }
  return byMessage
}

async function participationOrNull(ctx: Ctx, trx: Db, requestId: string) {
  // Anonymous callers never see a request itself (requests are for signed-in users only).
  if (ctx.actor.kind !== 'user') return null
  try {
    return await getRequestParticipation(ctx, trx, requestId)
  } catch (error) {
    if (isAppError(error) && error.code === 'RECORD_NOT_FOUND') return null
    throw error
  }
}

function toDocument(row: DocumentRow, request: RequestParticipation | null, isLatest: boolean): Document {
  return {
    id: row.id,
    requestId: row.request_id,
    messageId: row.message_id,
    filename: row.filename,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    version: Number(row.version),
    supersedes: row.supersedes,
    isLatestVersion: isLatest,
    isRedactedPublicVersion: toBool(row.is_redacted_public_version),
    redacts: row.redacts,
    classification: (row.classification ?? request?.classification ?? 'public') as Classification,
    uploadedBy: request ? row.uploaded_by : null,
    uploadedByOrg: row.uploaded_by_org,
    createdAt: row.created_at,
  }
}

/**
 * Removes every document (versions, redactions, encrypted content) of the requests `requestIds`
 * selects. Only the fictional demo's removal calls it: real documents are never deleted.
 */
export function removeDocumentsOfRequests(trx: Db, requestIds: Parameters<typeof repo.deleteDocumentsOfRequests>[1]) {
  return repo.deleteDocumentsOfRequests(trx, requestIds)
}
