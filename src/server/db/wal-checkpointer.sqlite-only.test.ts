import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../../test/db.ts'
import { startWalCheckpointer } from './wal-checkpointer.ts'

// The WAL of the embedded database is checkpointed by a worker thread, never inside a commit on
// the server's connection (wal-checkpointer.ts). SQLite only: PostgreSQL has no such file.

let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
  await sql`create table wal_probe (payload blob not null)`.execute(db.db)
})
afterAll(async () => {
  await db.destroy()
})

const autocheckpoint = async () =>
  Number(
    (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db.db)).rows[0]?.wal_autocheckpoint,
  )

/** Commits `pages` pages of new rows, ten pages a transaction. */
async function writePages(pages: number) {
  for (let k = 0; k < pages / 10; k++)
    await db.db.transaction().execute(async (trx) => {
      await sql`insert into wal_probe (payload) values (randomblob(${10 * 4000}))`.execute(trx)
    })
}

describe('the WAL checkpointer', () => {
  it('leaves the WAL to its thread: commits on the server connection never checkpoint', async () => {
    const checkpointer = await startWalCheckpointer(db.db, db.sqlitePath as string, { intervalMs: 3_600_000 })
    try {
      expect(await autocheckpoint()).toBe(0)
      await checkpointer.checkpointNow()
      // Well past SQLite's default of 1,000 pages, at which the committing connection would have
      // copied the WAL back and started it again.
      await writePages(1_500)
      const result = await checkpointer.checkpointNow()
      expect(result.busy).toBe(0)
      expect(result.log).toBeGreaterThanOrEqual(1_500)
      expect(result.checkpointed).toBe(result.log)
    } finally {
      await checkpointer.close()
    }
    // A connection that outlives the checkpointer checkpoints by itself again.
    expect(await autocheckpoint()).toBe(1000)
    await expect(checkpointer.checkpointNow()).rejects.toThrow(/closed/)
  })

  it('checkpoints on its timer, and the data stays readable from another connection', async () => {
    const checkpointer = await startWalCheckpointer(db.db, db.sqlitePath as string, { intervalMs: 20 })
    try {
      await writePages(100)
      const before = checkpointer.runs
      const deadline = Date.now() + 5_000
      while (checkpointer.runs < before + 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
      expect(checkpointer.runs).toBeGreaterThanOrEqual(before + 2)
      const [row] = (await sql<{ n: number }>`select count(*) as n from wal_probe`.execute(db.db)).rows
      expect(Number(row?.n)).toBe(160)
    } finally {
      await checkpointer.close()
    }
  })

  it('closes in a process with nothing else to do (a script), rather than leave it unsettled', () => {
    // The worker is unref'd so that it never keeps a finished process alive; its close must hold
    // the process until the worker has stopped (`npm run openapi` ended with exit code 13 before).
    // A file, not --input-type=module -e: the worker would inherit that flag and fail to start.
    const dir = mkdtempSync(path.join(tmpdir(), 'partnine-wal-script-'))
    const file = path.join(dir, 'close.mjs')
    const dbFile = path.join(dir, 'script.db')
    const script = `
      import { createDb } from ${JSON.stringify(new URL('./database.ts', import.meta.url).href)}
      import { startWalCheckpointer } from ${JSON.stringify(new URL('./wal-checkpointer.ts', import.meta.url).href)}
      const handle = createDb({ dialect: 'sqlite', sqlitePath: ${JSON.stringify(dbFile)}, databaseUrl: 'sqlite:x' })
      const checkpointer = await startWalCheckpointer(handle.db, ${JSON.stringify(dbFile)})
      await checkpointer.checkpointNow() // the worker is up and waiting on its timer
      await checkpointer.close()
      await handle.close()
      process.stdout.write('closed')
    `
    writeFileSync(file, script)
    try {
      const out = execFileSync(process.execPath, ['--disable-warning=ExperimentalWarning', file], {
        encoding: 'utf8',
        timeout: 20_000,
      })
      expect(out).toBe('closed')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
