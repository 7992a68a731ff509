import { type Kysely, sql } from 'kysely'
import { isSqlite } from '../dialect.ts'

// A number that moves with every change to what an API token resolves to: the token itself, its
// user, the user's organisation and compartments. Triggers move it, so every writer does — the
// server, a command-line process, a migration, someone at the sqlite3 prompt — with no code path
// to forget. The embedded server keeps resolved tokens in memory for as long as it stays the same
// (auth/auth.tokens.ts): the token's statement was about 70 µs of every API call's CPU.
// PostgreSQL keeps it too, so that both databases hold the same schema and the same facts; a
// server there does not cache (reading the number would cost a round trip, as the token does).

const TABLES = ['api_tokens', 'users', 'organisations', 'user_compartments'] as const
const OPERATIONS = ['insert', 'update', 'delete'] as const
// A token's last use is bookkeeping, written once a minute per token in use: it changes nothing a
// token resolves to, and moving the epoch with it would drop every kept token each time. Every
// other column moves it (auth.tokens.test.ts updates each column of the table to check).
const TOKEN_COLUMNS_BUT_LAST_USE = 'id, user_id, name, token_hash, scopes, created_at, expires_at, revoked_at'
const event = (table: string, operation: string) =>
  table === 'api_tokens' && operation === 'update' ? `update of ${TOKEN_COLUMNS_BUT_LAST_USE}` : operation

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('credential_epoch')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute()
  await db.insertInto('credential_epoch').values({ id: 1, value: 0 }).execute()
  if (isSqlite(db)) {
    for (const table of TABLES) {
      for (const operation of OPERATIONS) {
        await sql
          .raw(`create trigger credential_epoch_${table}_${operation} after ${event(table, operation)} on ${table} begin
            update credential_epoch set value = value + 1 where id = 1;
          end`)
          .execute(db)
      }
    }
    return
  }
  await sql`create function credential_epoch_bump() returns trigger language plpgsql as $$
    begin
      update credential_epoch set value = value + 1 where id = 1;
      return null;
    end
  $$`.execute(db)
  for (const table of TABLES) {
    // Once per statement, however many rows it changed.
    await sql
      .raw(`create trigger credential_epoch_${table} after insert or ${event(table, 'update')} or delete or truncate on ${table}
        for each statement execute function credential_epoch_bump()`)
      .execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    for (const table of TABLES) {
      for (const operation of OPERATIONS)
        await sql.raw(`drop trigger credential_epoch_${table}_${operation}`).execute(db)
    }
  } else {
    for (const table of TABLES) await sql.raw(`drop trigger credential_epoch_${table} on ${table}`).execute(db)
    await sql`drop function credential_epoch_bump()`.execute(db)
  }
  await db.schema.dropTable('credential_epoch').execute()
}
