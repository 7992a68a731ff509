import { parentPort, workerData } from 'node:worker_threads'
import SqliteDatabase from 'better-sqlite3'

// The WAL checkpointer's thread (wal-checkpointer.ts): its own connection to the file, copying
// the WAL back into the database off the server's event loop.

const { file, intervalMs } = workerData as { file: string; intervalMs: number }
const port = parentPort
if (!port) throw new Error('wal-checkpointer.worker.ts runs as a worker thread')

const db = new SqliteDatabase(file)
// The checkpoint syncs the WAL before copying it and the database file before the WAL may be
// reused: what the server committed stays on disk throughout.
db.pragma('synchronous = full')

type Result = { busy: number; log: number; checkpointed: number }

function checkpoint(): Result {
  const [row] = db.pragma('wal_checkpoint(PASSIVE)') as Result[]
  return row ?? { busy: 0, log: 0, checkpointed: 0 }
}

function run(id: number | null) {
  try {
    port?.postMessage({ id, result: checkpoint() })
  } catch (error) {
    port?.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
  }
}

const timer = setInterval(() => run(null), intervalMs)
port.on('message', (message: { id: number } | 'stop') => {
  if (message === 'stop') {
    clearInterval(timer)
    db.close()
    port.close()
    return
  }
  run(message.id)
})
