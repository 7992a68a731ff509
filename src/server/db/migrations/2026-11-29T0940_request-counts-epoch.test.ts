import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../../../test/db.ts'
import { listMigrations, migrateTo, migrateToLatest } from '../migrate.ts'

// The request counts epoch: a table of one row, moved by triggers; down takes both away and
// leaves the requests writable, up puts them back.

let db: TestDb
beforeAll(async () => {
  db = await createTestDb({ seeded: true })
})
afterAll(async () => db.destroy())

const NAME = '2026-11-29T0940_request-counts-epoch'
const tables = async () => (await db.db.introspection.getTables()).map((t) => t.name)
const epoch = async (scope = '*') =>
  Number(
    (await db.db.selectFrom('request_counts_epochs').select('value').where('scope', '=', scope).executeTakeFirst())
      ?.value ?? 0,
  )
const touchOrganisations = () =>
  db.db.updateTable('organisations').set({ name_en: 'Kingdom of the Netherlands' }).where('code', '=', 'NLD').execute()

describe(`migration ${NAME}`, () => {
  it('goes down without its table and triggers, and up with them again', async () => {
    const isApplied = async () => (await listMigrations(db.db)).find((m) => m.name === NAME)?.executedAt !== null
    expect(await isApplied()).toBe(true)
    await migrateTo(db.db, '2026-11-29T0930_request-search-by-addressee')
    expect(await isApplied()).toBe(false)
    expect(await tables()).not.toContain('request_counts_epochs')
    // No trigger is left to write into the missing table.
    await db.db
      .insertInto('record_recipients')
      .values({ record_type: 'warrant', record_id: 'w-1', kind: 'named', org_code: 'NLD', user_id: null })
      .execute()

    await migrateToLatest(db.db)
    expect(await epoch()).toBe(0)
    await db.db.deleteFrom('record_recipients').where('record_id', '=', 'w-1').execute()
    expect(await epoch()).toBe(1)
    // A warrant's recipient is no request's: no addressee's number moves.
    expect(await epoch('NLD')).toBe(0)
    // Other tables do not move it.
    await touchOrganisations()
    expect(await epoch()).toBe(1)
  })
})
