import type { Kysely } from 'kysely'
import { nowIsoDefault } from '../dialect.ts'

// Arrest strategies and arrest opportunities (issue 5, part 2). Both are protected records
// (classification, owning compartment, ex parte party) read through the one visibility rule. A
// strategy is under seal in its cell with nobody named on it; its versions are kept. An
// opportunity is a reported presence or travel of a person sought; its outcomes are appended,
// never rewritten, and keep the link to the request they concern (they feed non-cooperation).
export async function up(db: Kysely<any>): Promise<void> {
  const now = nowIsoDefault(db)
  await db.schema
    .createTable('arrest_strategies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // active | superseded
    .addColumn('review_date', 'text') // YYYY-MM-DD
    .addColumn('version', 'integer', (c) => c.notNull())
    // Title and body folded (lower case, no accents) for the search, written by the service.
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('compartment_code', 'text')
    .addColumn('ex_parte_party', 'text')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('arrest_strategies_person').on('arrest_strategies').columns(['person_id']).execute()
  await db.schema
    .createIndex('arrest_strategies_compartment')
    .on('arrest_strategies')
    .columns(['compartment_code', 'classification'])
    .execute()

  await db.schema
    .createTable('arrest_strategy_versions')
    .addColumn('strategy_id', 'text', (c) => c.notNull().references('arrest_strategies.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_date', 'text')
    .addColumn('note', 'text')
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('arrest_strategy_versions_pk', ['strategy_id', 'version'])
    .execute()

  await db.schema
    .createTable('arrest_opportunities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('iso3', 'text', (c) => c.notNull().references('states.iso3')) // the State concerned
    .addColumn('kind', 'text', (c) => c.notNull()) // presence | travel
    .addColumn('source_description', 'text', (c) => c.notNull())
    .addColumn('source_reliability', 'text', (c) => c.notNull()) // Admiralty A–F
    .addColumn('information_credibility', 'text', (c) => c.notNull()) // Admiralty 1–6
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull()) // YYYY-MM-DD
    .addColumn('to_date', 'text') // YYYY-MM-DD
    .addColumn('urgency', 'text', (c) => c.notNull()) // normal | urgent
    .addColumn('reported_by', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull()) // pending | arrested | request_refused | person_left | no_response
    .addColumn('outcome_date', 'text')
    .addColumn('outcome_note', 'text')
    .addColumn('request_id', 'text', (c) => c.references('requests.id'))
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('compartment_code', 'text')
    .addColumn('ex_parte_party', 'text')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  for (const [name, columns] of [
    ['arrest_opportunities_reported', ['reported_at', 'id']],
    ['arrest_opportunities_person', ['person_id']],
    ['arrest_opportunities_state_outcome', ['iso3', 'outcome']],
    ['arrest_opportunities_request', ['request_id']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('arrest_opportunities')
      .columns([...columns])
      .execute()
  }

  await db.schema
    .createTable('arrest_opportunity_outcomes')
    .addColumn('opportunity_id', 'text', (c) => c.notNull().references('arrest_opportunities.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('outcome_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('request_id', 'text', (c) => c.references('requests.id'))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('arrest_opportunity_outcomes_pk', ['opportunity_id', 'seq'])
    .execute()
}

// Destroys every arrest strategy and opportunity with their histories.
export async function down(db: Kysely<any>): Promise<void> {
  await db
    .deleteFrom('record_recipients')
    .where('record_type', 'in', ['arrest_strategy', 'arrest_opportunity'])
    .execute()
  await db
    .deleteFrom('record_delegations')
    .where('record_type', 'in', ['arrest_strategy', 'arrest_opportunity'])
    .execute()
  for (const table of [
    'arrest_opportunity_outcomes',
    'arrest_opportunities',
    'arrest_strategy_versions',
    'arrest_strategies',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
