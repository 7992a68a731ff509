import { type FileHandle, open } from 'node:fs/promises'
import { type Db, heldSqliteConnection, type RootDb } from '../db/database.ts'
import { isSchemaCurrent } from '../db/migrate.ts'
import { AppError } from '../errors.ts'
import { type AuditEntry, appendToChain } from './audit.chain.ts'
import {
  encodeJournalHeader,
  encodeJournalLines,
  type JournaledEntry,
  openJournal,
  readJournal,
} from './audit.journal.ts'

// Audited reads on the embedded (SQLite) database: durable in a journal, chained in batches.
//
// A read's entry must be on disk before its answer leaves. Reads are grouped (audit.service.ts),
// and a group is written to the journal beside the database file by one durable write
// (audit.journal.ts); then its reads answer. The entries are chained into audit_events later, many
// at a time, on the server's connection: when no read is waiting (so an idle server's trail is
// complete as soon as a read has answered), once FOLD_AT entries are waiting, before the trail is
// listed, verified or signed, and when the server stops. A server that stops without doing so
// chains what the journal holds when it starts again; the chain head records the last entry
// chained, in the same transaction, so none is chained twice.
//
// Why not commit each group into the chain, as before: a transaction on the chain costs about
// 130–200 µs of CPU however few entries it holds (its begin, the insert into a table with three
// indexes, the head, the commit writing 6 to 9 pages to the WAL), while 100 entries chained at
// once cost about 14 µs each. Measured through the server (bench, one request, 1,000,000
// requests, 10 connections): reads audited that way cost 157–288 µs of CPU a call, against
// 86–106 µs with no audit of reads at all.
//
// Changes keep recordAuditEvent in their own transaction, with synchronous=FULL.

/** Entries waiting to be chained before the pipeline chains them without waiting for idleness. */
export const FOLD_AT = 128
/**
 * The journal's length on disk, written with zeros before use: a durable write over blocks the
 * file already has is faster than one that lengthens it, which must also commit the file's new
 * size (bench, one request, 10 connections: 0.52 on average against 0.43, six runs alternated).
 * Once a group would not fit, everything is chained durably and the journal starts anew.
 */
export const JOURNAL_BYTES = 4 * 1024 * 1024

export type ReadJournal = {
  path: string
  handle: FileHandle
  nextSeq: number
  /** Journaled, not yet chained, in order. */
  unfolded: JournaledEntry[]
  /** Its first line, which names the database. */
  header: Buffer
  /** Where the next group goes: the length of what was written whole. */
  bytes: number
  /** Folds run one at a time (each takes what is waiting when it starts). */
  folding: Promise<void>
  /** A fold is scheduled by foldJournalSoon. */
  foldSoon: boolean
  inFlight: Set<Promise<unknown>>
  /**
   * Makes the database's WAL durable (fdatasync). Batches chained under load commit with
   * synchronous=NORMAL, which leaves them in the WAL without a sync: a durable fold must make
   * them durable before the journal that also holds them is emptied, even when it has nothing
   * left to chain and so commits nothing itself.
   */
  syncWal: () => Promise<void>
  /** Set once a failed append could not be cut off: every later read fails. */
  broken: AppError | null
  onError: (error: unknown) => void
}

const journals = new WeakMap<RootDb, ReadJournal>()

export type AuditWriterOptions = {
  /** Where the journal lives; `${file}-audit-journal` unless told. */
  journalPath?: string
  /** Told of a batch that could not be chained (its entries stay journaled, and wait for the next). */
  onError?: (error: unknown) => void
}

/**
 * Audited reads of `db` (an SQLite file at `file`) go through the journal from now on. First
 * chains what a previous server left in it, durably, and starts it anew.
 */
export async function startAuditWriter(db: RootDb, file: string, options: AuditWriterOptions = {}) {
  const path = options.journalPath ?? `${file}-audit-journal`
  const left = await readJournal(path)
  // A database not migrated yet may have no chain head: nothing can be chained, so no journal;
  // reads then fail as any query does there (the server starts, unready). A migrated one must
  // have its head read: any failure to read it stops the start, rather than the server auditing
  // its reads another way than it says (a migration edited after it ran once did that).
  if (!(await isSchemaCurrent(db))) {
    if (left.entries.length > 0)
      throw new AppError('DATABASE_UNAVAILABLE', `${path} is left, and the database is not migrated yet`)
    return { close: async () => {} }
  }
  const head = await chainHeadOf(db)
  if (left.database !== null && left.database !== head.database)
    throw new AppError(
      'DATABASE_UNAVAILABLE',
      `The audit read journal ${path} belongs to another database: start the server on the database it came from, or move it away`,
    )
  const handle = await openJournal(path)
  const header = encodeJournalHeader(head.database)
  const journal: ReadJournal = {
    path,
    handle,
    nextSeq: left.entries.reduce((max, e) => Math.max(max, e.seq), head.folded) + 1,
    unfolded: left.entries.filter((e) => e.seq > head.folded),
    header,
    bytes: header.length,
    folding: Promise.resolve(),
    foldSoon: false,
    inFlight: new Set(),
    syncWal: () => syncFile(`${file}-wal`),
    broken: null,
    onError: options.onError ?? (() => {}),
  }
  try {
    await fold(db, journal, { durable: true })
    // Everything in it is chained and on disk: it starts anew (a torn last group, if any, goes too).
    await startAnew(journal)
  } catch (error) {
    await handle.close()
    throw error
  }
  journals.set(db, journal)
  return {
    /**
     * Lets the appends in flight finish and chains everything durably (the next start finds
     * nothing to chain); reads after this commit without the journal.
     */
    close: async () => {
      journals.delete(db)
      await Promise.allSettled([...journal.inFlight])
      try {
        await fold(db, journal, { durable: true })
      } finally {
        await journal.handle.close()
      }
    },
  }
}

export function journalOf(db: Db): ReadJournal | undefined {
  return journals.get(db as RootDb)
}

/** Appends `entries` to the journal; resolves once they are on disk. */
export async function journalReads(db: RootDb, journal: ReadJournal, entries: readonly AuditEntry[]): Promise<void> {
  if (journal.broken) throw journal.broken
  const journaled = entries.map((entry) => ({ seq: journal.nextSeq++, entry }))
  const buffer = encodeJournalLines(journaled)
  if (journal.bytes + buffer.length > JOURNAL_BYTES) await startAnewIfChained(db, journal)
  const write = writeGroup(journal, buffer)
  journal.inFlight.add(write)
  try {
    await write
  } finally {
    journal.inFlight.delete(write)
  }
  journal.bytes += buffer.length
  journal.unfolded.push(...journaled)
}

async function writeWhole(handle: FileHandle, buffer: Buffer, position: number) {
  const { bytesWritten } = await handle.write(buffer, 0, buffer.length, position)
  if (bytesWritten !== buffer.length) throw new Error(`wrote ${bytesWritten} of ${buffer.length} bytes`)
}

/**
 * Zeros, then the header: what the journal holds ends at its first zero byte, so a crash while
 * zeroing leaves either the old lines (all chained) or nothing.
 */
async function startAnew(journal: ReadJournal) {
  await writeWhole(journal.handle, Buffer.alloc(JOURNAL_BYTES), 0)
  await journal.handle.truncate(JOURNAL_BYTES)
  await writeWhole(journal.handle, journal.header, 0)
  journal.bytes = journal.header.length
}

/**
 * Between two appends, with the journal full: chains everything durably, then starts it anew. If
 * the chaining fails, onError is told and the journal grows past its length instead (slower
 * writes, nothing lost). If starting anew fails, the file may be partly zeros, and a group
 * written after them would not be read back: no read is answered through this journal any more.
 */
async function startAnewIfChained(db: RootDb, journal: ReadJournal) {
  try {
    await fold(db, journal, { durable: true })
  } catch (error) {
    journal.onError(error)
    return
  }
  try {
    await startAnew(journal)
  } catch (error) {
    journal.broken = brokenJournal(journal, error)
    throw error
  }
}

function brokenJournal(journal: ReadJournal, cause: unknown) {
  return new AppError('DATABASE_UNAVAILABLE', `The audit read journal ${journal.path} cannot be written`, {
    cause: String(cause),
  })
}

async function writeGroup(journal: ReadJournal, buffer: Buffer) {
  try {
    await writeWhole(journal.handle, buffer, journal.bytes)
  } catch (error) {
    // The group may be partly on disk: zero it, so that what the journal holds still ends where
    // the groups before it did. If that fails too, no read is answered through this journal any
    // more: the server must be looked at.
    await writeWhole(journal.handle, Buffer.alloc(buffer.length), journal.bytes).catch((cause: unknown) => {
      journal.broken = brokenJournal(journal, cause)
    })
    throw error
  }
}

/**
 * Chains what the journal holds. Never rejects: a batch that fails stays journaled for the next
 * fold, and onError is told.
 */
export async function foldJournal(db: RootDb, journal: ReadJournal): Promise<void> {
  try {
    await fold(db, journal, { durable: false })
  } catch (error) {
    journal.onError(error)
  }
}

/**
 * Chains what the journal holds after the callbacks already queued (so after the next group's
 * append has left for the disk); one such fold waits at a time.
 */
export function foldJournalSoon(db: RootDb, journal: ReadJournal): void {
  if (journal.foldSoon) return
  journal.foldSoon = true
  setImmediate(() => {
    journal.foldSoon = false
    void foldJournal(db, journal)
  })
}

/** Before the trail is read as a whole (listed, verified, signed): chains the reads journaled so far. */
export async function foldJournaledReads(db: Db): Promise<void> {
  const journal = journalOf(db)
  if (journal) await fold(db as RootDb, journal, { durable: false })
}

function fold(db: RootDb, journal: ReadJournal, options: { durable: boolean }): Promise<void> {
  const run = journal.folding.then(() => foldNow(db, journal, options))
  journal.folding = run.catch(() => {})
  return run
}

async function foldNow(db: RootDb, journal: ReadJournal, { durable }: { durable: boolean }) {
  const batch = journal.unfolded.slice()
  if (batch.length === 0) {
    // What earlier batches chained is in the WAL, perhaps not yet on disk (synchronous=NORMAL).
    if (durable) await journal.syncWal()
    return
  }
  // On the held connection's own statements, without yielding, as the chain of changes is.
  // synchronous=NORMAL: the entries are already durable in the journal, and the journal is only
  // emptied after a durable fold, which commits with FULL and syncs the WAL.
  await db.connection().execute(async (conn) => {
    const sqlite = heldSqliteConnection(conn)
    if (!durable) sqlite.prepare('pragma synchronous = normal').run()
    try {
      sqlite.prepare('begin immediate').run()
      try {
        const row = sqlite.prepare('select journal_folded_seq as seq from audit_chain_head where id = 1').get() as
          | { seq: number }
          | undefined
        const done = Number(row?.seq ?? 0)
        const todo = batch.filter((e) => e.seq > done)
        await appendToChain(
          conn,
          todo.map((e) => e.entry),
        )
        const last = batch.at(-1)?.seq ?? done
        sqlite.prepare('update audit_chain_head set journal_folded_seq = ? where id = 1').run(Math.max(done, last))
        // With synchronous=FULL, a commit that wrote pages syncs the WAL, and every frame before
        // them with it. One that wrote none (everything in the batch chained already, the head
        // unchanged) syncs nothing: hence syncWal below.
        sqlite.prepare('commit').run()
      } catch (error) {
        // SQLite may have rolled back already (a full disk, for one).
        if (sqlite.inTransaction) sqlite.prepare('rollback').run()
        throw error
      }
    } finally {
      if (!durable) sqlite.prepare('pragma synchronous = full').run()
    }
  })
  if (durable) await journal.syncWal()
  journal.unfolded.splice(0, batch.length)
}

/** fdatasync of `path`, if it exists (a WAL truncated away holds nothing to sync). */
async function syncFile(path: string) {
  let handle: FileHandle
  try {
    handle = await open(path, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  try {
    await handle.datasync()
  } finally {
    await handle.close()
  }
}

async function chainHeadOf(db: RootDb): Promise<{ folded: number; database: string }> {
  const head = await db
    .selectFrom('audit_chain_head')
    .select(['journal_folded_seq', 'journal_database_id'])
    .where('id', '=', 1)
    .executeTakeFirst()
  if (!head) throw new AppError('DATABASE_UNAVAILABLE', 'The audit chain head is missing')
  return { folded: Number(head.journal_folded_seq), database: head.journal_database_id }
}
