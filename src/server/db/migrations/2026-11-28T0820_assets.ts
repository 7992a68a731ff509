import type { Kysely } from 'kysely'
import { nowIsoDefault } from '../dialect.ts'

// Assets for reparations (issue 5): assets linked to a case (and a person), their life cycle
// steps with the 93(1)(k) request and the order behind each, valuations, third-party claims,
// expiry alerts and recorded exchange rates. Amounts are integer minor units kept as text and
// rates exact decimals as text (both drivers return text unchanged; see assets.money.ts).
// Dates of orders and valuations are ISO dates (YYYY-MM-DD), timestamps ISO-8601 UTC text.
export async function up(db: Kysely<any>): Promise<void> {
  const now = nowIsoDefault(db)
  await db.schema
    .createTable('assets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('compartment_code', 'text')
    .addColumn('ex_parte_party', 'text')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('person_id', 'text', (c) => c.references('persons.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('jurisdiction', 'text', (c) => c.notNull().references('states.iso3'))
    .addColumn('purpose_evidence', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('purpose_reparations', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('purpose_legal_aid', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('purpose_forfeiture', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('reparations_order_ref', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    // The order in force (freezing or seizure) and its expiry: what the sweep and filters read.
    .addColumn('current_order_step_id', 'text')
    .addColumn('order_expires_on', 'text')
    // The latest valuation, copied here so lists and totals need no subquery per asset.
    .addColumn('value_minor', 'text')
    .addColumn('value_currency', 'text')
    .addColumn('valued_on', 'text')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  for (const [name, columns] of [
    ['assets_case', ['case_id', 'id']],
    ['assets_person', ['person_id']],
    ['assets_stage_expiry', ['stage', 'order_expires_on']],
    ['assets_compartment', ['compartment_code', 'classification']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('assets')
      .columns([...columns])
      .execute()
  }

  await db.schema
    .createTable('asset_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull()) // identify | trace | freeze | seize | forfeit | release | renew
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.references('requests.id'))
    .addColumn('order_authority', 'text')
    .addColumn('order_reference', 'text')
    .addColumn('order_date', 'text')
    .addColumn('order_expires_on', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('asset_steps_asset').on('asset_steps').columns(['asset_id', 'seq']).unique().execute()

  await db.schema
    .createTable('asset_valuations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('amount_minor', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('valued_on', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('asset_valuations_asset').on('asset_valuations').column('asset_id').execute()

  await db.schema
    .createTable('asset_claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('claimant', 'text', (c) => c.notNull())
    .addColumn('nature', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'text')
    .addColumn('currency', 'text')
    .addColumn('lodged_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | upheld | dismissed
    .addColumn('status_note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('asset_claims_asset').on('asset_claims').column('asset_id').execute()

  await db.schema
    .createTable('asset_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('step_id', 'text', (c) => c.notNull().references('asset_steps.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // order_expiring
    .addColumn('lapses_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // open | acknowledged | dismissed | cleared
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolution_note', 'text')
    .execute()
  // One alert per order per lapse date: the sweep inserts and ignores what is already there.
  await db.schema
    .createIndex('asset_alerts_order_lapse')
    .on('asset_alerts')
    .columns(['step_id', 'lapses_on'])
    .unique()
    .execute()
  await db.schema.createIndex('asset_alerts_asset').on('asset_alerts').columns(['asset_id', 'status']).execute()

  await db.schema
    .createTable('exchange_rates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('from_currency', 'text', (c) => c.notNull())
    .addColumn('to_currency', 'text', (c) => c.notNull())
    .addColumn('rate', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('exchange_rates_pair_date')
    .on('exchange_rates')
    .columns(['from_currency', 'to_currency', 'as_of'])
    .unique()
    .execute()
}

// Destroys every asset with its history, alerts and the recorded exchange rates.
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('record_recipients').where('record_type', '=', 'asset').execute()
  await db.deleteFrom('record_delegations').where('record_type', '=', 'asset').execute()
  await db.deleteFrom('classification_history').where('record_type', '=', 'asset').execute()
  for (const table of ['exchange_rates', 'asset_alerts', 'asset_claims', 'asset_valuations', 'asset_steps', 'assets']) {
    await db.schema.dropTable(table).execute()
  }
}
