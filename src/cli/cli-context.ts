import { userInfo } from 'node:os'
import { type Config, loadConfig } from '../server/config.ts'
import type { Ctx } from '../server/context.ts'
import { createDb, type DbHandle } from '../server/db/database.ts'

/** What the server builds per request, built once per command: same services, other front door. */
export async function withCliContext<T>(run: (ctx: Ctx, config: Config, handle: DbHandle) => Promise<T>): Promise<T> {
  const config = loadConfig()
  for (const notice of config.notices) process.stderr.write(`${notice}\n`)
  const handle = createDb(config)
  const log = {
    info: (...a: unknown[]) => process.stderr.write(`${a.map(String).join(' ')}\n`),
    warn: (...a: unknown[]) => process.stderr.write(`warning: ${a.map(String).join(' ')}\n`),
    error: (...a: unknown[]) => process.stderr.write(`error: ${a.map(String).join(' ')}\n`),
    debug: () => {},
  }
  const ctx: Ctx = {
    db: handle.db,
    actor: { kind: 'operator', name: safeUser() },
    log: log as unknown as Ctx['log'],
    now: () => new Date(),
    requestId: null,
    secrets: config.secrets,
  }
  try {
    return await run(ctx, config, handle)
  } finally {
    await handle.close()
  }
}

function safeUser(): string {
  try {
    return userInfo().username
  } catch {
    return 'unknown'
  }
}

export function progressLine(step: string, done: number, total: number) {
  const width = 20
  const filled = Math.round((done / total) * width)
  process.stderr.write(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${step}\n`)
}

export function printJson(value: unknown) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}
