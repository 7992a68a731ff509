import { Worker } from 'node:worker_threads'
import type { Db, RootDb } from '../db/database.ts'
import type { AuditEntry } from './audit.chain.ts'

// The audit writer of an embedded (SQLite) database: a worker thread with its own connection that
// chains audited reads in groups (group commit, see recordAuditedRead). better-sqlite3 is
// synchronous, so a commit's fsync on the server's connection stops every request for its
// duration (about 4 ms here with synchronous=FULL); on the writer's connection it stops nobody.
// Both connections take SQLite's write lock before reading the chain head (BEGIN IMMEDIATE, see
// db/database.ts), so the chain stays one line whichever thread appends.

type Pending = { entry: AuditEntry; resolve: () => void; reject: (error: unknown) => void }
type Reply = { ok: true } | { ok: false; message: string }

export class AuditWriter {
  readonly #file: string
  #worker: Worker | null = null
  #queue: Pending[] = []
  #inFlight: Pending[] | null = null
  #scheduled = false
  #idle: (() => void)[] = []

  constructor(file: string) {
    this.#file = file
  }

  /** Resolves once the entry is committed (durable), together with whatever came along. */
  append(entry: AuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ entry, resolve, reject })
      if (this.#inFlight || this.#scheduled) return
      // After the I/O callbacks of this turn: every request parsed meanwhile joins the group.
      this.#scheduled = true
      setImmediate(() => {
        this.#scheduled = false
        this.#flush()
      })
    })
  }

  #flush() {
    if (this.#inFlight || this.#queue.length === 0) {
      if (!this.#inFlight) for (const done of this.#idle.splice(0)) done()
      return
    }
    const group = this.#queue
    this.#queue = []
    this.#inFlight = group
    this.#start().postMessage(group.map((p) => p.entry))
  }

  #start(): Worker {
    if (this.#worker) return this.#worker
    const worker = new Worker(new URL('./audit.writer.worker.ts', import.meta.url), {
      workerData: { file: this.#file },
    })
    // An idle writer must not keep a process (a CLI command, a test run) alive.
    worker.unref()
    worker.on('message', (reply: Reply) => this.#settle(reply.ok ? null : new Error(reply.message)))
    worker.on('error', (error) => this.#fail(error))
    worker.on('exit', (code) => this.#fail(new Error(`The audit writer stopped (exit code ${code})`)))
    this.#worker = worker
    return worker
  }

  #settle(error: Error | null) {
    const group = this.#inFlight ?? []
    this.#inFlight = null
    for (const p of group) error ? p.reject(error) : p.resolve()
    this.#flush()
  }

  #fail(error: Error) {
    // The next append starts a new writer; the reads of the lost group fail rather than answer
    // without their audit entry.
    this.#worker = null
    this.#settle(error)
  }

  /** Waits for every queued entry to be committed, then stops the thread. */
  async close() {
    if (this.#inFlight || this.#queue.length > 0 || this.#scheduled) await new Promise<void>((r) => this.#idle.push(r))
    const worker = this.#worker
    this.#worker = null
    if (worker) {
      worker.removeAllListeners('exit')
      await worker.terminate()
    }
  }
}

const writers = new WeakMap<RootDb, AuditWriter>()

/** Audited reads of `db` go through a writer thread on `file` from now on. */
export function startAuditWriter(db: RootDb, file: string) {
  const writer = new AuditWriter(file)
  writers.set(db, writer)
  return {
    close: async () => {
      writers.delete(db)
      await writer.close()
    },
  }
}

export function auditWriterOf(db: Db): AuditWriter | undefined {
  return writers.get(db as RootDb)
}
