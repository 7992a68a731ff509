import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditTrail } from '../src/server/audit/audit.verify.ts'
import { startAuditWriter } from '../src/server/audit/audit.writer.ts'
import { createDb, openSqlite } from '../src/server/db/database.ts'
import { createTestDb, type TestDb } from './db.ts'

const writer = path.resolve(import.meta.dirname, 'durability-writer.ts')
const reader = path.resolve(import.meta.dirname, 'durability-reader.ts')
let db: TestDb

beforeAll(async () => {
  db = await createTestDb()
  await db.close() // the writer processes own the file from here
})
afterAll(async () => db.destroy())

/** Runs the writer from `start`, kills it with SIGKILL after `killAfterMs` of acknowledged writes. */
async function runAndKill(file: string, start: number, killAfterMs: number): Promise<number[]> {
  return (await runChildAndKill(writer, [file, String(start)], killAfterMs)).map(Number)
}

/** Runs `script` with `args`, kills it with SIGKILL after `killAfterMs` of acknowledgements. */
function runChildAndKill(script: string, args: string[], killAfterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const acked: string[] = []
    let buffer = ''
    let stderr = ''
    let timer: NodeJS.Timeout | undefined
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) if (line.startsWith('ACK ')) acked.push(line.slice(4))
      timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs)
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.on('exit', (_code, signal) => {
      clearTimeout(timer)
      if (signal === 'SIGKILL') resolve(acked)
      else reject(new Error(`${path.basename(script)} exited on its own: ${stderr}`))
    })
  })
}

describe('the embedded database under SIGKILL', () => {
  it('keeps every acknowledged write and its integrity across 20 kills at random points', async () => {
    const file = db.sqlitePath as string
    const allAcked: number[] = []
    let next = 0
    for (let round = 0; round < 20; round++) {
      const acked = await runAndKill(file, next, 20 + Math.floor(Math.random() * 300))
      allAcked.push(...acked)
      next = (acked.at(-1) ?? next) + 1000 // leave room: an unacknowledged write may have committed

      const sqlite = openSqlite(file) // the same pragmas checks as the server: refuses a damaged file
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(sqlite.pragma('foreign_key_check')).toEqual([])
      const notes = new Set(
        (
          sqlite
            .prepare(
              `select json_extract(details, '$.note') as note from audit_events where action = 'state.fact_corrected'`,
            )
            .all() as { note: string }[]
        ).map((r) => r.note),
      )
      const missing = allAcked.filter((n) => !notes.has(`w-${n}`))
      expect(missing).toEqual([])
      sqlite.close()
    }
    expect(allAcked.length).toBeGreaterThan(20)
  }, 120_000)

  it('keeps every answered read in the trail, chained once, across 10 kills at random points', async () => {
    const file = db.sqlitePath as string
    const answered: string[] = []
    for (let round = 0; round < 10; round++) {
      answered.push(...(await runChildAndKill(reader, [file, String(round)], 20 + Math.floor(Math.random() * 200))))
    }
    // The next server to start chains what the last one left in the journal.
    const handle = createDb({ dialect: 'sqlite', sqlitePath: file, databaseUrl: `sqlite:${file}` })
    try {
      await (await startAuditWriter(handle.db, file)).close()
      const rows = await handle.db
        .selectFrom('audit_events')
        .select('record_id')
        .where('action', '=', 'test.read')
        .execute()
      const chained = rows.map((r) => r.record_id)
      expect(new Set(chained).size).toBe(chained.length)
      const inTrail = new Set(chained)
      expect(answered.filter((id) => !inTrail.has(id))).toEqual([])
      expect(await verifyAuditTrail(handle.db)).toMatchObject({ ok: true })
    } finally {
      await handle.close()
    }
    expect(answered.length).toBeGreaterThan(100)
  }, 120_000)
})
