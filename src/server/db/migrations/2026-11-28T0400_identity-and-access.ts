import type { Kysely } from 'kysely'
import { jsonType, nowIsoDefault } from '../dialect.ts'

// Organisations, compartments, users, sessions, API tokens, login throttling; and the columns and
// tables every protected record uses for need-to-know (classification, owning compartment,
// ex parte party, recipients, delegations). Agreements become the first protected record.
export async function up(db: Kysely<any>): Promise<void> {
  const json = jsonType(db)
  const now = nowIsoDefault(db)

  await db.schema
    .createTable('organisations')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // court_organ | defence | state | io | assembly
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute()

  await db.schema
    .createTable('compartments')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('org_code', 'text', (c) => c.notNull().references('organisations.code'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // active | disabled
    .addColumn('password_hash', 'text')
    .addColumn('mfa_secret', 'text') // AES-256-GCM ciphertext of the TOTP secret
    .addColumn('mfa_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('mfa_last_step', 'bigint') // last accepted TOTP time step: a code is accepted once
    .addColumn('oidc_issuer', 'text')
    .addColumn('oidc_subject', 'text')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('last_login_at', 'text')
    .execute()
  await db.schema.createIndex('users_org').on('users').column('org_code').execute()
  await db.schema.createIndex('users_oidc').on('users').columns(['oidc_issuer', 'oidc_subject']).unique().execute()

  await db.schema
    .createTable('user_compartments')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('compartment_code', 'text', (c) => c.notNull().references('compartments.code'))
    .addPrimaryKeyConstraint('user_compartments_pk', ['user_id', 'compartment_code'])
    .execute()
  await db.schema.createIndex('user_compartments_code').on('user_compartments').column('compartment_code').execute()

  await db.schema
    .createTable('recovery_codes')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addPrimaryKeyConstraint('recovery_codes_pk', ['user_id', 'code_hash'])
    .execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey()) // SHA-256 of the cookie value
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull()) // mfa_pending | mfa_enrolment | active
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('idle_expires_at', 'text', (c) => c.notNull())
    .addColumn('absolute_expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('revoked_at', 'text')
    .execute()
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute()

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('scopes', json, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute()
  await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute()

  await db.schema
    .createTable('login_failures')
    .addColumn('throttle_key', 'text', (c) => c.notNull()) // "account:<email>" or "address:<ip>"
    .addColumn('failed_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('login_failures_key')
    .on('login_failures')
    .columns(['throttle_key', 'failed_at'])
    .execute()

  // Need-to-know for every protected record type: who it is addressed to or named for, and (for
  // State authority officers) what their focal point delegated to them.
  await db.schema
    .createTable('record_recipients')
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // addressee | named
    .addColumn('org_code', 'text', (c) => c.references('organisations.code'))
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .execute()
  await db.schema
    .createIndex('record_recipients_record')
    .on('record_recipients')
    .columns(['record_type', 'record_id'])
    .execute()
  await db.schema
    .createIndex('record_recipients_org')
    .on('record_recipients')
    .columns(['org_code', 'record_type'])
    .execute()
  await db.schema
    .createTable('record_delegations')
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('delegated_by', 'text', (c) => c.notNull())
    .addColumn('delegated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_delegations_pk', ['record_type', 'record_id', 'user_id'])
    .execute()

  await db.schema
    .createTable('classification_history')
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('from_classification', 'text', (c) => c.notNull())
    .addColumn('to_classification', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('classification_history_record')
    .on('classification_history')
    .columns(['record_type', 'record_id'])
    .execute()

  await db.schema.alterTable('agreements').addColumn('compartment_code', 'text').execute()
  await db.schema.alterTable('agreements').addColumn('ex_parte_party', 'text').execute()
  await db.schema
    .alterTable('agreements')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute()
}

// Destroys every account, session and token.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('agreements').dropColumn('is_demo').execute()
  await db.schema.alterTable('agreements').dropColumn('ex_parte_party').execute()
  await db.schema.alterTable('agreements').dropColumn('compartment_code').execute()
  for (const table of [
    'classification_history',
    'record_delegations',
    'record_recipients',
    'login_failures',
    'api_tokens',
    'sessions',
    'recovery_codes',
    'user_compartments',
    'users',
    'compartments',
    'organisations',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
