import type { Kysely } from 'kysely'
import { isSqlite, jsonType, nowIsoDefault } from '../dialect.ts'

// Reference data (States, sources, agreements, statute, request types, public warrants), the
// app's own metadata and the first audit table. Timestamps are ISO-8601 text on both dialects.
export async function up(db: Kysely<any>): Promise<void> {
  const json = jsonType(db)
  const now = nowIsoDefault(db)

  await db.schema
    .createTable('app_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()

  await db.schema
    .createTable('reference_sources')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('date', 'text')
    .addColumn('reliability', 'text')
    .execute()

  await db.schema
    .createTable('states')
    .addColumn('iso3', 'text', (c) => c.primaryKey())
    .addColumn('iso2', 'text', (c) => c.notNull().unique())
    .addColumn('iso_numeric', 'text')
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('sort_en', 'text', (c) => c.notNull())
    .addColumn('sort_fr', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('rome_status', 'text', (c) => c.notNull())
    .addColumn('regional_group', 'text')
    .addColumn('apic_status', 'text', (c) => c.notNull())
    .addColumn('signature_date', 'text')
    .addColumn('ratification_date', 'text')
    .addColumn('entry_into_force_date', 'text')
    .addColumn('withdrawal_effective_date', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('states_sort_en').on('states').columns(['sort_en', 'iso3']).execute()
  await db.schema.createIndex('states_sort_fr').on('states').columns(['sort_fr', 'iso3']).execute()
  await db.schema.createIndex('states_rome_status').on('states').column('rome_status').execute()

  await db.schema
    .createTable('state_facts')
    .addColumn('iso3', 'text', (c) => c.notNull().references('states.iso3').onDelete('cascade'))
    .addColumn('fact_key', 'text', (c) => c.notNull())
    .addColumn('value', json)
    .addColumn('source_keys', json, (c) => c.notNull())
    .addColumn('verified', 'boolean', (c) => c.notNull())
    .addColumn('notes', 'text')
    // 'reference' = as loaded from reference data; 'admin' = corrected by an administrator,
    // which a later reference load must never overwrite.
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('corrected_by', 'text')
    .addColumn('corrected_at', 'text')
    .addColumn('correction_note', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('state_facts_pk', ['iso3', 'fact_key'])
    .execute()

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('iso3', 'text', (c) => c.notNull().references('states.iso3'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('date_signed', 'text')
    .addColumn('entry_into_force_date', 'text')
    .addColumn('person', 'text')
    .addColumn('notes', 'text')
    .addColumn('classification', 'text', (c) => c.notNull().defaultTo('public'))
    .addColumn('source_keys', json, (c) => c.notNull())
    .addColumn('verified', 'boolean', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('agreements_iso3_kind').on('agreements').columns(['iso3', 'kind']).execute()
  await db.schema.createIndex('agreements_kind_iso3').on('agreements').columns(['kind', 'iso3']).execute()

  await db.schema
    .createTable('state_cooperation_profiles')
    .addColumn('iso3', 'text', (c) => c.primaryKey().references('states.iso3').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('languages', json, (c) => c.notNull())
    .addColumn('focal_point_name', 'text')
    .addColumn('focal_point_email', 'text')
    .addColumn('is_demo', 'boolean', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()

  await db.schema
    .createTable('statute_articles')
    .addColumn('article', 'text', (c) => c.primaryKey())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('part_title', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('paragraphs', json, (c) => c.notNull())
    .addColumn('text_status', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('verified', 'boolean', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('request_types')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('statute_text', 'text')
    .addColumn('summary', 'text')
    .addColumn('legal_basis', json, (c) => c.notNull())
    .addColumn('obligatory_for_states_parties', 'boolean', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('public_warrants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('situation', 'text')
    .addColumn('case_name', 'text')
    .addColumn('warrant_dates', json, (c) => c.notNull())
    .addColumn('crimes', json, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_as_of', 'text')
    .addColumn('is_at_large', 'boolean', (c) => c.notNull())
    .addColumn('source_keys', json, (c) => c.notNull())
    .addColumn('verified', 'boolean', (c) => c.notNull())
    .addColumn('notes', 'text')
    .execute()

  // Append-only record of every change (issue 3 adds the hash chain and the reads).
  const audit = db.schema.createTable('audit_events')
  await (isSqlite(db)
    ? audit.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : audit.addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
  )
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('record_type', 'text')
    .addColumn('record_id', 'text')
    .addColumn('details', json)
    .addColumn('request_id', 'text')
    .execute()
}

// Dropping these tables destroys reference corrections and the audit trail.
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_events',
    'public_warrants',
    'request_types',
    'statute_articles',
    'state_cooperation_profiles',
    'agreements',
    'state_facts',
    'states',
    'reference_sources',
    'app_meta',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
