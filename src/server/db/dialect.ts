import { type Kysely, SqliteAdapter, sql } from 'kysely'

/**
 * The four places where SQLite and PostgreSQL need different DDL (see docs/database.md).
 * Migrations use these helpers and nothing from the application, so they stay frozen in time.
 */
export function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter
}

/** JSON documents: text on SQLite (json functions work on it), jsonb on PostgreSQL. */
export function jsonType(db: Kysely<any>) {
  return isSqlite(db) ? 'text' : 'jsonb'
}

/** Timestamps are ISO-8601 UTC text on both, so both drivers return the same string. */
export const nowIso = sql<string>`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`
export function nowIsoDefault(db: Kysely<any>) {
  return isSqlite(db) ? nowIso : sql`(to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`
}
