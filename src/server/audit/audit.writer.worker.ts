import { parentPort, workerData } from 'node:worker_threads'
import { createDb } from '../db/database.ts'
import { type AuditEntry, appendToChain } from './audit.chain.ts'

// The audit writer thread (audit.writer.ts): one group of entries per message, chained in one
// transaction on this thread's own connection; the reply says the group is durable.

const { file } = workerData as { file: string }
const { db } = createDb({ dialect: 'sqlite', sqlitePath: file, databaseUrl: `sqlite:${file}` })

parentPort?.on('message', async (entries: AuditEntry[]) => {
  try {
    await db.transaction().execute((trx) => appendToChain(trx, entries))
    parentPort?.postMessage({ ok: true })
  } catch (error) {
    parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) })
  }
})
