import type { Kysely } from 'kysely'
import { jsonType, nowIsoDefault } from '../dialect.ts'

// Requests for cooperation (issue 4) and the records they hang on: situations, cases and the
// persons concerned. Every one of them is a protected record (classification, owning
// compartment, ex parte party), read through the one visibility rule. Ids are text UUIDs,
// timestamps ISO-8601 UTC text, deadlines full ISO timestamps so they compare as text.
export async function up(db: Kysely<any>): Promise<void> {
  const json = jsonType(db)
  const now = nowIsoDefault(db)
  const protectedRecord = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('classification', 'text', (c) => c.notNull())
      .addColumn('compartment_code', 'text')
      .addColumn('ex_parte_party', 'text')
      .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
      .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))

  await protectedRecord('situations')
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .execute()

  await protectedRecord('cases')
    .addColumn('situation_id', 'text', (c) => c.notNull().references('situations.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    // The Defence team of the case, when there is one: it may draft requests for this case only.
    .addColumn('defence_org_code', 'text', (c) => c.references('organisations.code'))
    .execute()
  await db.schema.createIndex('cases_situation').on('cases').column('situation_id').execute()

  await protectedRecord('persons')
    .addColumn('situation_id', 'text', (c) => c.notNull().references('situations.id'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role_in_proceedings', 'text', (c) => c.notNull()) // suspect | accused | witness | victim | other
    .addColumn('description', 'text')
    .execute()
  await db.schema.createIndex('persons_case').on('persons').column('case_id').execute()

  // One counter row per originating organ and year: the reference number is taken by an
  // atomic upsert in the transaction that creates the request (unique on both dialects).
  await db.schema
    .createTable('reference_counters')
    .addColumn('organ_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('reference_counters_pk', ['organ_code', 'year'])
    .execute()

  await db.schema
    .createTable('requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('originator', 'text', (c) => c.notNull().references('organisations.code'))
    .addColumn('routed_through', 'text', (c) => c.references('organisations.code'))
    .addColumn('addressee', 'text', (c) => c.notNull().references('organisations.code'))
    .addColumn('request_type', 'text', (c) => c.notNull().references('request_types.code'))
    .addColumn('legal_basis', 'text')
    .addColumn('situation_id', 'text', (c) => c.references('situations.id'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('compartment_code', 'text')
    .addColumn('ex_parte_party', 'text')
    .addColumn('urgency', 'text', (c) => c.notNull()) // normal | urgent
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('response_deadline', 'text')
    .addColumn('acknowledgement_deadline', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('facts', 'text')
    .addColumn('assistance_sought', 'text')
    .addColumn('checklist', json, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // Details of the current state: outcome ground, consultation issue, postponement basis/period.
    .addColumn('status_detail', json)
    .addColumn('group_id', 'text')
    .addColumn('drafted_by', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('transmitted_at', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  for (const [name, columns] of [
    ['requests_addressee_status', ['addressee', 'status', 'response_deadline', 'id']],
    ['requests_originator', ['originator', 'status']],
    ['requests_deadline', ['response_deadline', 'id']],
    ['requests_updated', ['updated_at', 'id']],
    ['requests_group', ['group_id']],
    ['requests_situation', ['situation_id']],
    ['requests_case', ['case_id']],
    ['requests_compartment', ['compartment_code', 'classification']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('requests')
      .columns([...columns])
      .execute()
  }

  await db.schema
    .createTable('request_persons')
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addPrimaryKeyConstraint('request_persons_pk', ['request_id', 'person_id'])
    .execute()

  await db.schema
    .createTable('request_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull()) // 1, 2, 3… per request: the timeline's order
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull()) // actor label, as in the audit trail
    .addColumn('actor_org', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('note', 'text')
    .addColumn('payload', json)
    .execute()
  await db.schema
    .createIndex('request_events_request')
    .on('request_events')
    .columns(['request_id', 'seq'])
    .unique()
    .execute()

  await db.schema
    .createTable('request_receipts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('request_events.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // transmission | acknowledgement
    .addColumn('statement', 'text', (c) => c.notNull()) // the exact signed bytes (canonical JSON)
    .addColumn('signature', 'text', (c) => c.notNull()) // Ed25519, base64
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('request_receipts_request').on('request_receipts').column('request_id').execute()

  await db.schema
    .createTable('deadline_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('deadline', 'text', (c) => c.notNull()) // response | acknowledgement
    .addColumn('from_value', 'text')
    .addColumn('to_value', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('deadline_changes_request').on('deadline_changes').column('request_id').execute()
}

// Destroys every situation, case, person and request with its history.
export async function down(db: Kysely<any>): Promise<void> {
  await db
    .deleteFrom('record_recipients')
    .where('record_type', 'in', ['situation', 'case', 'person', 'request'])
    .execute()
  await db
    .deleteFrom('record_delegations')
    .where('record_type', 'in', ['situation', 'case', 'person', 'request'])
    .execute()
  for (const table of [
    'deadline_changes',
    'request_receipts',
    'request_events',
    'request_persons',
    'requests',
    'reference_counters',
    'persons',
    'cases',
    'situations',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
