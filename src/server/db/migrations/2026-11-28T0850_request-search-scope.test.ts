import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemCtx } from '../../../../test/context.ts'
import { createTestDb, type TestDb } from '../../../../test/db.ts'
import { prepareDatabase } from '../../boot/prepare-database.ts'
import { isSqlite } from '../dialect.ts'
import { listMigrations, migrateDown, migrateTo, migrateToLatest } from '../migrate.ts'

// The addressee's token in the SQLite full-text index, as this migration left it (migration
// 2026-11-29T0930 replaced it by an index of each State's words). PostgreSQL: nothing to do.

let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
  // The demo's requests and messages: search documents for many addressees.
  await prepareDatabase(systemCtx(db.db), { demo: true })
})
afterAll(async () => db.destroy())

const NAME = '2026-11-28T0850_request-search-scope'
const searchScopeToken = (addressee: string) => `p9a${Buffer.from(addressee, 'utf8').toString('hex')}`
const columns = async () =>
  ((await db.db.introspection.getTables()).find((t) => t.name === 'request_search')?.columns ?? []).map((c) => c.name)

/** Documents by request addressee, as the index's scope token finds them. */
async function scopedDocuments(addressee: string) {
  const { rows } = await sql<{ id: number }>`select rowid as id from request_search_fts
    where request_search_fts match ${`scope : "${searchScopeToken(addressee)}"`} order by rowid`.execute(db.db)
  return rows.map((r) => Number(r.id))
}

describe(`migration ${NAME}`, () => {
  it('gives every search document its addressee token, goes down and up again', async () => {
    const isApplied = async () => (await listMigrations(db.db)).find((m) => m.name === NAME)?.executedAt !== null
    expect(await isApplied()).toBe(true)
    while (await isApplied()) await migrateDown(db.db)
    expect(await columns()).not.toContain('scope')
    await migrateTo(db.db, NAME)
    if (!isSqlite(db.db)) {
      expect(await columns()).not.toContain('scope')
      await migrateToLatest(db.db)
      return
    }
    const { rows: documents } = await sql<{ scope: string; addressee: string; id: number }>`
      select s.scope, r.addressee, s.id from request_search s join requests r on r.id = s.request_id
      order by s.id`.execute(db.db)
    const addressees = [...new Set(documents.map((d) => d.addressee))]
    expect(addressees.length).toBeGreaterThan(3)
    for (const d of documents) expect(d.scope).toBe(searchScopeToken(d.addressee))
    for (const addressee of addressees)
      expect(await scopedDocuments(addressee)).toEqual(
        documents.filter((d) => d.addressee === addressee).map((d) => Number(d.id)),
      )
    // The index is whole: a word of the documents still finds them, in the text columns only.
    const [hit] = (
      await sql<{ n: number }>`select count(*) as n from request_search_fts
        where request_search_fts match ${'{reference summary body} : ("fictional"*)'}`.execute(db.db)
    ).rows
    expect(Number(hit?.n)).toBeGreaterThan(0)
    await migrateToLatest(db.db)
    expect(await columns()).not.toContain('scope')
  })
})
