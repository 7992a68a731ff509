import { sql } from 'kysely'
import nodemailer from 'nodemailer'
import { loadConfig } from '../../server/config.ts'
import { createDb } from '../../server/db/database.ts'
import { listMigrations } from '../../server/db/migrate.ts'
import { smtpOptions } from '../../server/notifications/notifications.sender.ts'
import { version } from '../../server/version.ts'
import type { Command } from './index.ts'

type Check = { name: string; ok: boolean; detail: string }

export const doctor: Command = {
  summary: 'check configuration, database, SQLite pragmas, versions and the SMTP server',
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
    if (config) await checkMail(config, checks)
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

/** Connects to the SMTP server as the sender would (TLS, credentials), sending nothing. */
async function checkMail(config: ReturnType<typeof loadConfig>, checks: Check[]) {
  if (!config.mail) {
    checks.push({ name: 'mail', ok: true, detail: 'not configured: no notifications are sent (docs/notifications.md)' })
    return
  }
  const transport = nodemailer.createTransport(smtpOptions(config.mail))
  try {
    await transport.verify()
    checks.push({ name: 'mail', ok: true, detail: `${redact(config.mail.smtpUrl)} accepts us as ${config.mail.from}` })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    checks.push({ name: 'mail', ok: false, detail: `${redact(config.mail.smtpUrl)}: ${reason}` })
  } finally {
    transport.close()
  }
}

function redact(url: string): string {
  return url.replace(/:\/\/([^:@/]+):[^@/]+@/, '://$1:***@')
}
