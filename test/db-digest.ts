import { createHash } from 'node:crypto'
import type { RootDb } from '../src/server/db/database.ts'

/** A fingerprint of every row of every table: equal digests mean nothing was changed. */
export async function digestDatabase(db: RootDb): Promise<string> {
  const hash = createHash('sha256')
  const tables = (await db.introspection.getTables()).map((t) => t.name).sort()
  for (const table of tables) {
    const rows = await db
      .selectFrom(table as never)
      .selectAll()
      .execute()
    const lines = rows.map((r) => JSON.stringify(r)).sort()
    hash.update(`${table}\n${lines.join('\n')}\n`)
  }
  return hash.digest('hex')
}
