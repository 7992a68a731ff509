import { Worker } from 'node:worker_threads'
import { sql } from 'kysely'
import type { RootDb } from './database.ts'

// Checkpoints of the embedded database's WAL, off the event loop.
//
// SQLite copies the WAL back into the database file ("checkpoints") inside whichever commit makes
// the WAL pass 1,000 pages, on the committing connection, and syncs the database file to disk
// before it returns. On the server that connection is the event loop's: measured on the request
// list at 200,000 requests, those commits took 2.4 ms on average (0.1 ms at the median, up to
// 98 ms), and every request waited behind them. The server's connection therefore never
// checkpoints (wal_autocheckpoint = 0); a worker thread with its own connection runs a PASSIVE
// checkpoint every `intervalMs`, which neither blocks the server's reads nor its writes. A
// command-line process on the same file keeps SQLite's default.

export type CheckpointResult = { busy: number; log: number; checkpointed: number }

export type WalCheckpointer = {
  /** Checkpoints now, on the worker's connection. */
  checkpointNow(): Promise<CheckpointResult>
  /** How many checkpoints the worker has run, on its timer or asked for. */
  readonly runs: number
  close(): Promise<void>
}

export async function startWalCheckpointer(
  db: RootDb,
  file: string,
  options: { intervalMs?: number; onError?: (message: string) => void } = {},
): Promise<WalCheckpointer> {
  await sql`pragma wal_autocheckpoint = 0`.execute(db)
  const worker = new Worker(new URL('./wal-checkpointer.worker.ts', import.meta.url), {
    workerData: { file, intervalMs: options.intervalMs ?? 500 },
  })
  // The timer must not keep a finished process alive.
  worker.unref()
  let runs = 0
  let nextId = 1
  const pending = new Map<number, { resolve: (r: CheckpointResult) => void; reject: (e: Error) => void }>()
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error)
    pending.clear()
  }
  worker.on('message', (m: { id: number | null; result?: CheckpointResult; error?: string }) => {
    runs += 1
    const waiting = m.id === null ? undefined : pending.get(m.id)
    if (m.id !== null) pending.delete(m.id)
    if (m.error !== undefined) {
      options.onError?.(m.error)
      waiting?.reject(new Error(m.error))
    } else if (m.result) waiting?.resolve(m.result)
  })
  worker.on('error', (error) => {
    options.onError?.(error.message)
    failAll(error)
  })
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  let closed = false
  return {
    get runs() {
      return runs
    },
    checkpointNow() {
      if (closed) return Promise.reject(new Error('The WAL checkpointer is closed'))
      const id = nextId++
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject })
        worker.postMessage({ id })
      })
    },
    async close() {
      if (closed) return exited
      closed = true
      // A connection that outlives the server (tests hand the app theirs) checkpoints by itself again.
      await sql`pragma wal_autocheckpoint = 1000`.execute(db).catch(() => {})
      // Held while it stops: an unref'd worker's exit does not keep the event loop alive, and a
      // process with nothing else left to do (`npm run openapi`) ended with this close unsettled.
      worker.ref()
      worker.postMessage('stop')
      await exited
      failAll(new Error('The WAL checkpointer is closed'))
    },
  }
}
