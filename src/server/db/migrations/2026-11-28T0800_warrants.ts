import type { Kysely } from 'kysely'
import { isSqlite, jsonType, nowIsoDefault } from '../dialect.ts'

// Warrants of arrest and summonses to appear (article 58) and the persons they seek (issue 5).
// A warrant is a protected record of its own (a sealed warrant may name a person whose existence
// in a case is public); its status history is append-only; the details and photos of a person
// sought are read through the person's visibility. Photos are encrypted like documents
// (documents.crypto.ts), their ciphertext in the database for the same reasons.
export async function up(db: Kysely<any>): Promise<void> {
  const json = jsonType(db)
  const now = nowIsoDefault(db)
  const bytes = isSqlite(db) ? 'blob' : 'bytea'

  await db.schema
    .createTable('warrants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('compartment_code', 'text')
    .addColumn('ex_parte_party', 'text')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // arrest_warrant | summons_to_appear
    .addColumn('issuing_chamber', 'text')
    // A precise date when known; the words of the source when not (reference data).
    .addColumn('issued_on', 'text')
    .addColumn('issued_text', 'text')
    .addColumn('charges', json, (c) => c.notNull()) // [{ category, counts }]
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('unsealed_on', 'text')
    .addColumn('unsealing_decision', 'text')
    // reference: loaded from reference-data (reloads update it); admin: a reference record
    // someone corrected (reloads leave it); court: recorded on the platform.
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('reference_key', 'text', (c) => c.unique())
    .addColumn('source_keys', json, (c) => c.notNull())
    .addColumn('verified', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('notes', 'text')
    .execute()
  await db.schema.createIndex('warrants_person').on('warrants').column('person_id').execute()
  await db.schema
    .createIndex('warrants_compartment')
    .on('warrants')
    .columns(['compartment_code', 'classification'])
    .execute()

  await db.schema
    .createTable('warrant_status_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('warrant_id', 'text', (c) => c.notNull().references('warrants.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text')
    .addColumn('occurred_text', 'text')
    .addColumn('note', 'text')
    .addColumn('source_keys', json, (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('warrant_status_events_seq')
    .on('warrant_status_events')
    .columns(['warrant_id', 'seq'])
    .unique()
    .execute()

  await db.schema
    .createTable('person_sought_details')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('persons.id'))
    .addColumn('aliases', json, (c) => c.notNull())
    .addColumn('nationalities', json, (c) => c.notNull()) // ISO 3166 alpha-3 codes of `states`
    .addColumn('physical_description', 'text')
    .addColumn('origin', 'text', (c) => c.notNull()) // reference | admin | court, as for warrants
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()

  await db.schema
    .createTable('person_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('caption', 'text')
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_org', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('iv', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('ciphertext', bytes, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('person_photos_person').on('person_photos').column('person_id').execute()
}

// Down destroys every warrant, its history, and the details and photos of persons sought.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('person_photos').execute()
  await db.schema.dropTable('person_sought_details').execute()
  await db.schema.dropTable('warrant_status_events').execute()
  await db.schema.dropTable('warrants').execute()
}
