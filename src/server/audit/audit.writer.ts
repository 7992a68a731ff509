import { type FileHandle, open } from 'node:fs/promises'
import { type Db, heldSqliteConnection, type RootDb } from '../db/database.ts'
import { type AuditEntry, appendToChain } from './audit.chain.ts'

// Group commit of audited reads on the embedded (SQLite) database, on the server's own connection.
// A group of reads' entries is committed with synchronous=NORMAL — SQLite writes the WAL without
// waiting for the disk — and then the WAL file is flushed with fdatasync on libuv's thread pool;
// only then do the reads of the group answer. The entries are as durable as with
// synchronous=FULL (a checkpoint in between syncs the WAL before it and the database after it),
// yet the event loop never waits for the disk: better-sqlite3 is synchronous, and a FULL commit's
// fsync would stop every request for its duration. Changes keep synchronous=FULL: the connection
// is held for the group's whole transaction, and set back before anything else may use it.
//
// Measured against the earlier design, a worker thread committing on its own connection (bench,
// one request, 10 connections): the same durability for less CPU in all (0.96–1.17 ms a request
// instead of 1.09–1.35) and more requests a second, because another connection's commits made
// SQLite drop the server's page cache at every read, and each group woke a thread twice.

type Wal = { path: string; handle: Promise<FileHandle> | null; inFlight: Set<Promise<void>> }
const wals = new WeakMap<RootDb, Wal>()

/** Audited reads of `db` (an SQLite file at `file`) are group-committed this way from now on. */
export function startAuditWriter(db: RootDb, file: string) {
  const wal: Wal = { path: `${file}-wal`, handle: null, inFlight: new Set() }
  wals.set(db, wal)
  return {
    /** Lets the groups being committed finish; reads queued after this commit without the writer. */
    close: async () => {
      wals.delete(db)
      await Promise.allSettled([...wal.inFlight])
      const handle = wal.handle
      wal.handle = null
      await (await handle?.catch(() => null))?.close()
    },
  }
}

export function walOf(db: Db): Wal | undefined {
  return wals.get(db as RootDb)
}

/** Chains `entries` in one transaction, then returns once they are on disk. */
export function commitThenSyncWal(db: RootDb, wal: Wal, entries: readonly AuditEntry[]): Promise<void> {
  const done = commitAndSync(db, wal, entries)
  wal.inFlight.add(done)
  return done.finally(() => wal.inFlight.delete(done))
}

async function commitAndSync(db: RootDb, wal: Wal, entries: readonly AuditEntry[]) {
  // The transaction runs on the held connection's own prepared statements, without yielding:
  // through Kysely, its begin, commit and the two pragmas cost more CPU than the chain's append.
  await db.connection().execute(async (conn) => {
    const sqlite = heldSqliteConnection(conn)
    sqlite.prepare('pragma synchronous = normal').run()
    try {
      sqlite.prepare('begin immediate').run()
      try {
        await appendToChain(conn, entries)
        sqlite.prepare('commit').run()
      } catch (error) {
        // SQLite may have rolled back already (a full disk, for one).
        if (sqlite.inTransaction) sqlite.prepare('rollback').run()
        throw error
      }
    } finally {
      sqlite.prepare('pragma synchronous = full').run()
    }
  })
  // The WAL exists once the first commit has written to it; fdatasync reaches every write to the
  // file, whichever descriptor made it.
  wal.handle ??= open(wal.path, 'r')
  await (await wal.handle).datasync()
}
