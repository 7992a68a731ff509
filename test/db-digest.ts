import { createHash } from 'node:crypto'
import type { RootDb } from '../src/server/db/database.ts'

// Bookkeeping that legitimately moves on a read: when a token or session was last used.
const IGNORED_COLUMNS: Record<string, string[]> = {
  api_tokens: ['last_used_at'],
  sessions: ['last_seen_at', 'idle_expires_at'],
}
// A refused sign-in attempt is recorded by design (the trail and the throttle counters), whatever
// was sent; the chain head only follows the trail.
const IGNORED_TABLES = new Set(['login_failures', 'audit_chain_head'])
const isRefusedAttempt = (table: string, row: Record<string, unknown>) =>
  table === 'audit_events' && row.action === 'auth.login_failed'

/** A fingerprint of every row of every table: equal digests mean nothing was changed. */
export async function digestDatabase(db: RootDb): Promise<string> {
  const hash = createHash('sha256')
  const tables = (await db.introspection.getTables()).map((t) => t.name).sort()
  for (const table of tables.filter((t) => !IGNORED_TABLES.has(t))) {
    const rows = await db
      .selectFrom(table as never)
      .selectAll()
      .execute()
    const ignored = IGNORED_COLUMNS[table] ?? []
    const lines = (rows as Record<string, unknown>[])
      .filter((r) => !isRefusedAttempt(table, r))
      .map((r) => JSON.stringify(r, (key, value) => (ignored.includes(key) ? undefined : value)))
      .sort()
    hash.update(`${table}\n${lines.join('\n')}\n`)
  }
  return hash.digest('hex')
}
