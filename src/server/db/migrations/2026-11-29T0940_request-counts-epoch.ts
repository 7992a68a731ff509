import { type Kysely, sql } from 'kysely'
import { isSqlite } from '../dialect.ts'

// A number that moves with every change to what a count of requests can depend on: the requests
// themselves, who is named on them, to whom a focal point delegated them, and the persons they
// concern (a filter). Triggers move it, so every writer does (the server, a command-line process,
// a migration, someone at the sqlite3 prompt), with no code path to forget. The server keeps the
// counts it answered for as long as the number stays the same and the clock has not passed a
// deadline they depend on (requests/requests.counts-kept.ts): a State's counts read every one of
// its requests, 20–40 ms at 25,000, and its focal points' inbox asks for them on every visit.
// record_recipients and record_delegations also hold other records' rows: their changes move the
// number too, which only costs a count.

export const REQUEST_COUNTS_TABLES = ['requests', 'record_recipients', 'record_delegations', 'request_persons'] as const
const OPERATIONS = ['insert', 'update', 'delete'] as const

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('request_counts_epoch')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute()
  await db.insertInto('request_counts_epoch').values({ id: 1, value: 0 }).execute()
  if (isSqlite(db)) {
    for (const table of REQUEST_COUNTS_TABLES) {
      for (const operation of OPERATIONS) {
        await sql
          .raw(`create trigger request_counts_epoch_${table}_${operation} after ${operation} on ${table} begin
            update request_counts_epoch set value = value + 1 where id = 1;
          end`)
          .execute(db)
      }
    }
    return
  }
  await sql`create function request_counts_epoch_bump() returns trigger language plpgsql as $$
    begin
      update request_counts_epoch set value = value + 1 where id = 1;
      return null;
    end
  $$`.execute(db)
  for (const table of REQUEST_COUNTS_TABLES) {
    // Once per statement, however many rows it changed.
    await sql
      .raw(`create trigger request_counts_epoch_${table} after insert or update or delete or truncate on ${table}
        for each statement execute function request_counts_epoch_bump()`)
      .execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    for (const table of REQUEST_COUNTS_TABLES) {
      for (const operation of OPERATIONS)
        await sql.raw(`drop trigger request_counts_epoch_${table}_${operation}`).execute(db)
    }
  } else {
    for (const table of REQUEST_COUNTS_TABLES)
      await sql.raw(`drop trigger request_counts_epoch_${table} on ${table}`).execute(db)
    await sql`drop function request_counts_epoch_bump()`.execute(db)
  }
  await db.schema.dropTable('request_counts_epoch').execute()
}
