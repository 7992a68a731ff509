import { sql } from 'kysely'
import { loadConfig } from '../../server/config.ts'
import { createDb } from '../../server/db/database.ts'
import { listMigrations } from '../../server/db/migrate.ts'
import { version } from '../../server/version.ts'
import type { Command } from './index.ts'

type Check = { name: string; ok: boolean; detail: string }

export const doctor: Command = {
  summary: 'check configuration, database, SQLite pragmas and versions',
  run: async () => {
    const checks: Check[] = []
    const major = Number(process.versions.node.split('.')[0])
    checks.push({ name: 'node', ok: major >= 24, detail: `v${process.versions.node} (needs 24+)` })
    checks.push({ name: 'partnine', ok: true, detail: version })
    let config: ReturnType<typeof loadConfig> | null = null
    try {
      config = loadConfig()
      checks.push({ name: 'config', ok: true, detail: `${config.dialect} at ${redact(config.databaseUrl)}` })
    } catch (error) {
      checks.push({ name: 'config', ok: false, detail: error instanceof Error ? error.message : String(error) })
    }
    if (config) await checkDatabase(config, checks)
    for (const c of checks) process.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name.padEnd(12)} ${c.detail}\n`)
    if (checks.some((c) => !c.ok)) process.exitCode = 1
  },
}

async function checkDatabase(config: ReturnType<typeof loadConfig>, checks: Check[]) {
  try {
    // createDb refuses a SQLite connection whose pragmas did not take, so reaching here proves them.
    const handle = createDb(config)
    try {
      if (config.dialect === 'sqlite') {
        const row = await sql<{ v: string }>`select sqlite_version() as v`.execute(handle.db)
        checks.push({
          name: 'pragmas',
          ok: true,
          detail: 'journal_mode=wal synchronous=FULL foreign_keys=ON busy_timeout=5000',
        })
        checks.push({ name: 'sqlite', ok: true, detail: row.rows[0]?.v ?? '?' })
      } else {
        const row = await sql<{ v: string }>`show server_version`.execute(handle.db)
        checks.push({ name: 'postgres', ok: true, detail: Object.values(row.rows[0] ?? {})[0] as string })
      }
      const migrations = await listMigrations(handle.db)
      const pending = migrations.filter((m) => !m.executedAt)
      checks.push({
        name: 'migrations',
        ok: pending.length === 0,
        detail: pending.length
          ? `${pending.length} pending (run: partnine migrate up)`
          : `${migrations.length} applied`,
      })
    } finally {
      await handle.close()
    }
  } catch (error) {
    checks.push({ name: 'database', ok: false, detail: error instanceof Error ? error.message : String(error) })
  }
}

function redact(url: string): string {
  return url.replace(/:\/\/([^:@/]+):[^@/]+@/, '://$1:***@')
}
