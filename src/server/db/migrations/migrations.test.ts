import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../../../test/db.ts'
import { isSchemaCurrent, listMigrations, migrateDown, migrateToLatest } from '../migrate.ts'

let db: TestDb
beforeAll(async () => {
  db = await createTestDb({ seeded: false })
})
afterAll(async () => db.destroy())

async function tableNames(): Promise<string[]> {
  const tables = await db.db.introspection.getTables()
  return tables.map((t) => t.name).sort()
}

describe('migrations', () => {
  it('create every table on an empty database', async () => {
    expect(await isSchemaCurrent(db.db)).toBe(false)
    await migrateToLatest(db.db)
    expect(await isSchemaCurrent(db.db)).toBe(true)
    expect(await tableNames()).toEqual(
      expect.arrayContaining(['states', 'state_facts', 'agreements', 'reference_sources', 'audit_events', 'app_meta']),
    )
  })

  it('give ISO text timestamps by default on both dialects', async () => {
    await db.db.insertInto('app_meta').values({ key: 'probe', value: 'x' }).execute()
    const row = await db.db.selectFrom('app_meta').selectAll().where('key', '=', 'probe').executeTakeFirstOrThrow()
    expect(row.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  })

  it('number audit events automatically on both dialects', async () => {
    for (const action of ['a', 'b']) {
      await db.db
        .insertInto('audit_events')
        .values({ occurred_at: new Date().toISOString(), actor: 'test', action })
        .execute()
    }
    const rows = await db.db.selectFrom('audit_events').select(['id', 'action']).orderBy('id').execute()
    expect(rows.map((r) => typeof r.id)).toEqual(['number', 'number'])
    expect(Number(rows[1]?.id)).toBeGreaterThan(Number(rows[0]?.id))
  })

  it('enforce foreign keys', async () => {
    await expect(
      db.db
        .insertInto('state_facts')
        .values({ iso3: 'ZZZ', fact_key: 'x', value: '1', source_keys: '[]', verified: 0, origin: 'reference' })
        .execute(),
    ).rejects.toThrow()
  })

  it('go down and up again', async () => {
    const applied = (await listMigrations(db.db)).filter((m) => m.executedAt).length
    for (let i = 0; i < applied; i++) await migrateDown(db.db)
    expect(await tableNames()).not.toContain('states')
    expect(await isSchemaCurrent(db.db)).toBe(false)
    await migrateToLatest(db.db)
    expect(await isSchemaCurrent(db.db)).toBe(true)
    await sql`select count(*) from states`.execute(db.db)
  })
})
