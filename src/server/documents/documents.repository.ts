import type { SelectQueryBuilder } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Database } from '../db/tables.ts'
import type { DocumentBlobTable, NewDocumentRow } from './documents.table.ts'

// Every query of documents and their encrypted blobs. Visibility is decided before these run:
// through the requests service (the request's need-to-know), or by a document's own 'public'
// classification (a redacted public version).

export const DOCUMENT_RECORD = 'document'

export async function insertDocument(db: Db, row: NewDocumentRow, blob: DocumentBlobTable) {
  await db.insertInto('documents').values(row).execute()
  await db.insertInto('document_blobs').values(blob).execute()
}

/**
 * Deletes every document (every version, redaction and encrypted blob) of the requests
 * `requestIds` selects. Used only to remove the fictional demo: real documents are never deleted.
 */
export async function deleteDocumentsOfRequests(db: Db, requestIds: SelectQueryBuilder<Database, any, { id: string }>) {
  const documentIds = db.selectFrom('documents').select('id').where('request_id', 'in', requestIds)
  await db.deleteFrom('document_blobs').where('document_id', 'in', documentIds).execute()
  // One statement for all of them: versions and redactions point at each other, and the foreign
  // keys are checked once the statement is done.
  await db.deleteFrom('documents').where('request_id', 'in', requestIds).execute()
}

export function findDocumentById(db: Db, id: string) {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst()
}

export function listRequestDocuments(db: Db, requestId: string) {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

export function listPublicRequestDocuments(db: Db, requestId: string) {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('classification', '=', 'public')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

export async function hasSuccessor(db: Db, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom('documents').select('id').where('supersedes', '=', id).executeTakeFirst())
}

export function findBlob(db: Db, documentId: string) {
  return db.selectFrom('document_blobs').selectAll().where('document_id', '=', documentId).executeTakeFirst()
}

export function listDocumentHashes(db: Db, requestId: string) {
  return db
    .selectFrom('documents')
    .select(['id', 'sha256'])
    .where('request_id', '=', requestId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

export function listDocumentsByIds(db: Db, requestId: string, ids: readonly string[]) {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('id', 'in', [...ids])
    .execute()
}

/** Attaches the documents to the message; only those not yet attached to one. Returns how many. */
export async function attachDocuments(db: Db, ids: readonly string[], messageId: string): Promise<number> {
  const result = await db
    .updateTable('documents')
    .set({ message_id: messageId })
    .where('id', 'in', [...ids])
    .where('message_id', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export function listDocumentsOfMessages(db: Db, messageIds: readonly string[]) {
  if (messageIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('documents')
    .selectAll()
    .where('message_id', 'in', [...messageIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}
