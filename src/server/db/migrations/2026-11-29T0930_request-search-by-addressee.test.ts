import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemCtx } from '../../../../test/context.ts'
import { createTestDb, type TestDb } from '../../../../test/db.ts'
import { prepareDatabase } from '../../boot/prepare-database.ts'
import { addresseeWordPrefix } from '../../requests/requests.search-index.ts'
import { isSqlite } from '../dialect.ts'
import { listMigrations, migrateTo, migrateToLatest } from '../migrate.ts'

// SQLite: the index of each addressee's words, filled from the documents already there, and the
// main index without its scope token; down gives the token back. PostgreSQL: nothing to do.

let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
  await prepareDatabase(systemCtx(db.db), { demo: true })
})
afterAll(async () => db.destroy())

const NAME = '2026-11-29T0930_request-search-by-addressee'
const tables = async () => (await db.db.introspection.getTables()).map((t) => t.name)
const columns = async () =>
  ((await db.db.introspection.getTables()).find((t) => t.name === 'request_search')?.columns ?? []).map((c) => c.name)

/** Per addressee, the documents its index finds for `word`* and those the main index finds. */
async function bothIndexes(word: string) {
  const { rows: documents } = await sql<{ id: number; addressee: string }>`select s.id, r.addressee
    from request_search_fts f join request_search s on s.id = f.rowid join requests r on r.id = s.request_id
    where request_search_fts match ${`"${word}"*`} order by s.id`.execute(db.db)
  const addressees = [...new Set(documents.map((d) => d.addressee))]
  const pairs = []
  for (const addressee of addressees) {
    const { rows } = await sql<{ id: number }>`select rowid as id from request_search_by_addressee
      where request_search_by_addressee match ${`"${addresseeWordPrefix(addressee)}${word}"*`} order by rowid`.execute(
      db.db,
    )
    pairs.push({
      addressee,
      byAddressee: rows.map((r) => Number(r.id)),
      main: documents.filter((d) => d.addressee === addressee).map((d) => Number(d.id)),
    })
  }
  return pairs
}

describe(`migration ${NAME}`, () => {
  it('indexes the existing documents under their addressees, goes down and up again', async () => {
    const isApplied = async () => (await listMigrations(db.db)).find((m) => m.name === NAME)?.executedAt !== null
    expect(await isApplied()).toBe(true)
    await migrateTo(db.db, '2026-11-28T0920_credential-epoch')
    expect(await isApplied()).toBe(false)
    expect(await tables()).not.toContain('request_search_by_addressee')
    if (isSqlite(db.db)) expect(await columns()).toContain('scope')

    await migrateToLatest(db.db)
    expect(await columns()).not.toContain('scope')
    if (!isSqlite(db.db)) {
      expect(await tables()).not.toContain('request_search_by_addressee')
      return
    }
    for (const word of ['fictional', 'request', 'de']) {
      const pairs = await bothIndexes(word)
      expect(pairs.length, word).toBeGreaterThan(5)
      for (const { addressee, byAddressee, main } of pairs) expect(byAddressee, `${addressee} ${word}`).toEqual(main)
    }
    // A write after the migration reaches both indexes (the main one's triggers were made anew).
    const [document] = (await bothIndexes('fictional'))[0]?.main ?? []
    await sql`update request_search set summary = 'Zygomorphic (fictional)' where id = ${document}`.execute(db.db)
    const { rows } = await sql<{ n: number }>`select count(*) as n from request_search_fts
      where request_search_fts match 'zygomorphic'`.execute(db.db)
    expect(Number(rows[0]?.n)).toBe(1)
  })
})
