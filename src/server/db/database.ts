import { mkdirSync } from 'node:fs'
import path from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import {
  CompiledQuery,
  Kysely,
  type Dialect as KyselyDialect,
  PostgresDialect,
  SqliteDialect,
  SqliteQueryCompiler,
  type Transaction,
} from 'kysely'
import pg from 'pg'
import type { Config, Dialect } from '../config.ts'
import { AppError } from '../errors.ts'
import type { Database } from './tables.ts'

export type Db = Kysely<Database> | Transaction<Database>
export type RootDb = Kysely<Database>

export type DbHandle = {
  db: RootDb
  dialect: Dialect
  close: () => Promise<void>
}

// pg returns int8 (count(*), sums) as strings to protect precision; our counts fit a double.
pg.types.setTypeParser(20, Number)
// json/jsonb come back as text, as on SQLite: a jsonb *string* scalar would otherwise arrive
// already parsed and be indistinguishable from JSON text (see db/values.ts parseJson).
pg.types.setTypeParser(114, (text: string) => text)
pg.types.setTypeParser(3802, (text: string) => text)

// The pragmas that make the embedded database safe to trust with acknowledged writes:
// WAL for concurrent readers, synchronous=FULL so a commit survives power loss, and foreign keys
// that SQLite otherwise ignores. A busy timeout lets a CLI command and the server share the file.
const SQLITE_PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 2, // FULL
  foreign_keys: 1,
  busy_timeout: 5000,
} as const

export function openSqlite(file: string): SqliteDatabase.Database {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new SqliteDatabase(file)
  sqlite.pragma(`journal_mode = ${SQLITE_PRAGMAS.journal_mode}`)
  sqlite.pragma(`synchronous = ${SQLITE_PRAGMAS.synchronous}`)
  sqlite.pragma(`foreign_keys = ${SQLITE_PRAGMAS.foreign_keys}`)
  sqlite.pragma(`busy_timeout = ${SQLITE_PRAGMAS.busy_timeout}`)
  assertSqlitePragmas(sqlite)
  tuneSqlite(sqlite)
  return sqlite
}

/**
 * Speed, not safety: map the file into memory (up to SQLite's compiled limit, 2 GiB here).
 * Every commit by another connection (a CLI command) makes SQLite drop a connection's whole page
 * cache at its next read; mapped pages stay in the OS cache and cost no system call to read again.
 * bench/floor-server.ts opens its file with the same tuning, so the floors stay comparable.
 */
export function tuneSqlite(sqlite: SqliteDatabase.Database): void {
  sqlite.pragma('mmap_size = 2147418112')
}

/** Refuses to run on a connection where SQLite silently ignored one of our pragmas. */
export function assertSqlitePragmas(sqlite: SqliteDatabase.Database): void {
  const actual = readSqlitePragmas(sqlite)
  const wrong = Object.entries(SQLITE_PRAGMAS).filter(
    ([name, expected]) => String(actual[name as keyof typeof SQLITE_PRAGMAS]) !== String(expected),
  )
  if (wrong.length > 0) {
    const list = wrong.map(([name, expected]) => `${name}=${actual[name as keyof typeof actual]} (want ${expected})`)
    throw new AppError('DATABASE_PRAGMAS_REJECTED', `SQLite refused required pragmas: ${list.join(', ')}`, list)
  }
}

export function readSqlitePragmas(sqlite: SqliteDatabase.Database) {
  const read = (name: string) => sqlite.pragma(name, { simple: true }) as string | number
  return {
    journal_mode: String(read('journal_mode')).toLowerCase(),
    synchronous: Number(read('synchronous')),
    foreign_keys: Number(read('foreign_keys')),
    busy_timeout: Number(read('busy_timeout')),
  }
}

/**
 * Kysely's SQLite driver prepares every statement anew, which cost more than running most of
 * our queries (a profile of the request list: 10% of the server's time in `prepare`). Statements
 * are kept per SQL text. A cached statement still iterating
 * (a streamed export) is busy, so that query gets a fresh one; SQLite re-prepares a cached
 * statement by itself after a schema change.
 */
export function withStatementCache(sqlite: SqliteDatabase.Database, max = 500) {
  const cache = new Map<string, SqliteDatabase.Statement>()
  return {
    prepare(sql: string): SqliteDatabase.Statement {
      const cached = cache.get(sql)
      // Oldest first out, not least recently used: reordering on every hit cost more than the
      // rare re-prepare it would save (the working set is far below `max`).
      if (cached && !cached.busy) return cached
      const statement = sqlite.prepare(sql)
      if (!cached) {
        cache.set(sql, statement)
        if (cache.size > max) cache.delete(cache.keys().next().value as string)
      }
      return statement
    },
    close() {
      cache.clear()
      sqlite.close()
    },
  }
}

/**
 * Kysely's SQLite compiler, writing each parameter as `+?` (unary plus: a no-op on any value,
 * with no affinity and no collation, exactly like a bare `?`). When a bare parameter is compared
 * with a column in a statement that also sorts or groups, SQLite marks the statement to be
 * re-planned whenever that parameter is bound again — so every execution of a prepared
 * statement re-planned it (the events of a request: 20 µs instead of 5; the visibility rule's
 * queries: up to 10 times their run time). `+?` is planned once and still uses the indexes.
 */
export class StablePlanSqliteQueryCompiler extends SqliteQueryCompiler {
  protected override getCurrentParameterPlaceholder(): string {
    return '+?'
  }
}

/**
 * SQLite's dialect, with two changes. Parameters are written `+?` (StablePlanSqliteQueryCompiler).
 * A transaction takes the write lock when it begins (BEGIN IMMEDIATE) unless it is declared
 * read-only (`db.transaction().setAccessMode('read only')`): a deferred transaction that read a
 * row (the audit chain head) while another connection committed (a CLI
 * command) could not write on top of it afterwards (SQLITE_BUSY_SNAPSHOT, an error no busy
 * timeout retries); one that starts with the lock waits its turn instead.
 */
export function sqliteDialect(
  database: SqliteDatabase.Database,
  statements = withStatementCache(database),
): KyselyDialect {
  const base = new SqliteDialect({ database: statements })
  return {
    createAdapter: () => base.createAdapter(),
    createQueryCompiler: () => new StablePlanSqliteQueryCompiler(),
    createIntrospector: (db) => base.createIntrospector(db),
    createDriver: () => {
      const driver = base.createDriver()
      const deferredBegin = driver.beginTransaction.bind(driver)
      driver.beginTransaction = async (connection, settings) => {
        if (settings.accessMode === 'read only') return deferredBegin(connection, settings)
        await connection.executeQuery(CompiledQuery.raw('begin immediate'))
      }
      return driver
    },
  }
}

/** The embedded connection, seen through its cache of prepared statements (withStatementCache). */
export type EmbeddedConnection = {
  prepare(sql: string): SqliteDatabase.Statement
  readonly inTransaction: boolean
}

// The embedded database's one connection, by the adapter its Kysely instance and every
// transaction on it share.
const embeddedConnections = new WeakMap<object, EmbeddedConnection>()

/**
 * The SQLite connection under `db`, for a hot path that already holds it — inside a transaction on
 * `db`, or `db.connection().execute()` — and runs prepared statements on it synchronously, without
 * Kysely's promise chain per statement (audit.repository.ts, the chain's append: about 60 µs of
 * the server's CPU per audited read). Anything else goes through Kysely; a caller that does not
 * hold the connection could run its statement inside another request's transaction.
 */
export function heldSqliteConnection(db: Db): EmbeddedConnection {
  const connection = embeddedConnections.get(db.getExecutor().adapter)
  if (!connection) throw new Error('heldSqliteConnection: not an embedded (SQLite) database opened by createDb')
  return connection
}

/**
 * Runs `read` on the embedded connection now, in autocommit, and returns its result; or returns
 * undefined when it cannot: on PostgreSQL, or while a transaction is open on the connection, whose
 * snapshot may predate the latest commit (the caller then takes its ordinary path through Kysely,
 * which waits for that transaction to end). A statement still stepping outside a transaction (a
 * streamed export) shares its snapshot with any other statement on the connection, this one and
 * Kysely's alike. For a single cheap read on every request (auth.tokens.ts); anything else goes
 * through Kysely.
 */
export function readEmbeddedNow<T>(db: Db, read: (sqlite: EmbeddedConnection) => T): T | undefined {
  const connection = embeddedConnections.get(db.getExecutor().adapter)
  if (!connection || connection.inTransaction) return undefined
  return read(connection)
}

export function createDb(config: Pick<Config, 'databaseUrl' | 'dialect' | 'sqlitePath'>): DbHandle {
  if (config.dialect === 'sqlite') {
    const sqlite = openSqlite(config.sqlitePath ?? ':memory:')
    const statements = withStatementCache(sqlite)
    const db = new Kysely<Database>({
      dialect: sqliteDialect(sqlite, statements),
    })
    embeddedConnections.set(db.getExecutor().adapter, {
      prepare: statements.prepare,
      get inTransaction() {
        return sqlite.inTransaction
      },
    })
    return { db, dialect: 'sqlite', close: () => db.destroy() }
  }
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 })
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {})
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
  })
  return { db, dialect: 'postgres', close: () => db.destroy() }
}
