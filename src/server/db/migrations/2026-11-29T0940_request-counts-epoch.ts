import { type Kysely, sql } from 'kysely'
import { isSqlite } from '../dialect.ts'

// Numbers that move with every change to what a count of requests can depend on: the requests
// themselves, who is named on them, to whom a focal point delegated them, and the persons they
// concern (a filter). One per addressee, moved by changes to that addressee's requests, and one
// for all requests ('*'), moved by every change. Triggers move them, so every writer does (the
// server, a command-line process, a migration, someone at the sqlite3 prompt), with no code path
// to forget. The server keeps the counts it answered for as long as their number stays the same
// and the clock has not passed a deadline they depend on (requests/requests.kept.ts): a
// State's counts read every one of its requests, 20–40 ms at 25,000, and its focal points' inbox
// asks for them on every visit. Per addressee, because a State's counts depend on its own
// requests alone: a busy Court changing other States' requests leaves them kept.

export const REQUEST_COUNTS_TABLES = ['requests', 'record_recipients', 'record_delegations', 'request_persons'] as const
/** The scope of the number moved by every change: the counts of requests of any addressee. */
export const ALL_ADDRESSEES = '*'
const OPERATIONS = ['insert', 'update', 'delete'] as const

/** A row of record_recipients or record_delegations names its record; only a request's counts. */
const ofRecord = (row: string) =>
  `select addressee as scope from requests where id = ${row}.record_id and ${row}.record_type = 'request'`

/** A row with a request_id names its request's addressee. */
export const addresseeOfRequestRow = (row: string) =>
  `select addressee as scope from requests where id = ${row}.request_id`

/** For each table, how a changed row (`row`: new or old) names its request's addressee. */
const ADDRESSEE_OF = {
  requests: (row: string) => `select ${row}.addressee as scope`,
  record_recipients: ofRecord,
  record_delegations: ofRecord,
  request_persons: addresseeOfRequestRow,
} satisfies Record<(typeof REQUEST_COUNTS_TABLES)[number], (row: string) => string>

/**
 * The triggers that move the epochs on every insert, update and delete of `table` (and, on
 * PostgreSQL, on a truncate): '*' and the addressee `addresseeOf` names for the old and the new
 * row. Migration 0950 adds tables with it.
 */
export async function addEpochTriggers(db: Kysely<any>, table: string, addresseeOf: (row: string) => string) {
  if (isSqlite(db)) {
    // "where true": SQLite's parser needs it before an upsert's "on conflict" after a select.
    const bump = (select: string) => `insert into request_counts_epochs (scope, value)
      select scope, 1 from (${select}) where scope is not null and true
      on conflict (scope) do update set value = value + 1;`
    for (const operation of OPERATIONS) {
      const rows = operation === 'insert' ? ['new'] : operation === 'delete' ? ['old'] : ['old', 'new']
      const body = [`select '${ALL_ADDRESSEES}' as scope`, ...rows.map((row) => addresseeOf(row))].map(bump).join('\n')
      await sql
        .raw(`create trigger request_counts_epoch_${table}_${operation} after ${operation} on ${table} begin
          ${body}
        end`)
        .execute(db)
    }
    return
  }
  const bumpFor = (row: 'new' | 'old') =>
    `perform request_counts_epoch_bump(scope) from (${addresseeOf(row)}) s where scope is not null;`
  await sql
    .raw(`create function request_counts_epoch_${table}() returns trigger language plpgsql as $$
      begin
        perform request_counts_epoch_bump('${ALL_ADDRESSEES}');
        if tg_op in ('UPDATE', 'DELETE') then ${bumpFor('old')} end if;
        if tg_op in ('INSERT', 'UPDATE') then ${bumpFor('new')} end if;
        return null;
      end
    $$`)
    .execute(db)
  await sql
    .raw(`create trigger request_counts_epoch_${table} after insert or update or delete on ${table}
      for each row execute function request_counts_epoch_${table}()`)
    .execute(db)
  // A truncate names no rows: every number moves.
  await sql
    .raw(`create trigger request_counts_epoch_${table}_truncate after truncate on ${table}
      for each statement execute function request_counts_epoch_truncated()`)
    .execute(db)
}

export async function dropEpochTriggers(db: Kysely<any>, table: string) {
  if (isSqlite(db)) {
    for (const operation of OPERATIONS)
      await sql.raw(`drop trigger request_counts_epoch_${table}_${operation}`).execute(db)
    return
  }
  await sql.raw(`drop trigger request_counts_epoch_${table} on ${table}`).execute(db)
  await sql.raw(`drop trigger request_counts_epoch_${table}_truncate on ${table}`).execute(db)
  await sql.raw(`drop function request_counts_epoch_${table}()`).execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('request_counts_epochs')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute()
  if (!isSqlite(db)) {
    await sql`create function request_counts_epoch_bump(addressee text) returns void language sql as $$
      insert into request_counts_epochs (scope, value) values (addressee, 1)
      on conflict (scope) do update set value = request_counts_epochs.value + 1
    $$`.execute(db)
    await sql`create function request_counts_epoch_truncated() returns trigger language plpgsql as $$
      begin
        update request_counts_epochs set value = value + 1;
        perform request_counts_epoch_bump(${sql.lit(ALL_ADDRESSEES)});
        return null;
      end
    $$`.execute(db)
  }
  for (const table of REQUEST_COUNTS_TABLES) await addEpochTriggers(db, table, ADDRESSEE_OF[table])
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of REQUEST_COUNTS_TABLES) await dropEpochTriggers(db, table)
  if (!isSqlite(db)) {
    await sql`drop function request_counts_epoch_truncated()`.execute(db)
    await sql`drop function request_counts_epoch_bump(text)`.execute(db)
  }
  await db.schema.dropTable('request_counts_epochs').execute()
}
