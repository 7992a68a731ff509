import type { Kysely } from 'kysely'
import { isSqlite, nowIsoDefault } from '../dialect.ts'

// Messages and documents of requests for cooperation (issue 4). The thread between the Court and
// the addressee; documents with versions and redacted public versions; their encrypted bytes in
// document_blobs (in the database, not in files: written in the transaction that records the
// document and its audit entry, backed up with the database, the same on both dialects).
export async function up(db: Kysely<any>): Promise<void> {
  const now = nowIsoDefault(db)
  const bytes = isSqlite(db) ? 'blob' : 'bytea'

  await db.schema
    .createTable('request_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('author_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('author', 'text', (c) => c.notNull()) // actor label, as in request_events
    .addColumn('author_org', 'text', (c) => c.notNull().references('organisations.code'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('request_messages_request')
    .on('request_messages')
    .columns(['request_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('message_id', 'text', (c) => c.references('request_messages.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull()) // of the plaintext, hex
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('supersedes', 'text', (c) => c.references('documents.id'))
    .addColumn('is_redacted_public_version', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('redacts', 'text', (c) => c.references('documents.id'))
    // null: the request's classification (read through the request); 'public' for a redacted
    // public version, readable by anyone.
    .addColumn('classification', 'text')
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_org', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('documents_request').on('documents').columns(['request_id', 'created_at']).execute()
  // One successor per version: two concurrent uploads superseding the same version cannot both win.
  await db.schema.createIndex('documents_supersedes').on('documents').column('supersedes').unique().execute()
  await db.schema.createIndex('documents_message').on('documents').column('message_id').execute()

  await db.schema
    .createTable('document_blobs')
    .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id'))
    .addColumn('key_id', 'text', (c) => c.notNull()) // which master key wrapped the document key
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('iv', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('ciphertext', bytes, (c) => c.notNull())
    .execute()
}

// Down destroys every message and document (and their encrypted content).
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_blobs').execute()
  await db.schema.dropTable('documents').execute()
  await db.schema.dropTable('request_messages').execute()
}
