import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../../../test/db.ts'
import { listMigrations, migrateDown, migrateToLatest } from '../migrate.ts'

let db: TestDb
beforeAll(async () => {
  db = await createTestDb({ seeded: false })
})
afterAll(async () => db.destroy())

const NAME = '2026-11-28T0700_messages-documents'
const TABLES = ['request_messages', 'documents', 'document_blobs']
const tableNames = async () => (await db.db.introspection.getTables()).map((t) => t.name)

describe('migration 2026-11-28T0700_messages-documents', () => {
  it('creates the tables of messages and documents, goes down and up again', async () => {
    await migrateToLatest(db.db)
    expect(await tableNames()).toEqual(expect.arrayContaining(TABLES))
    // Later migrations go down first, then this one.
    const isApplied = async () => (await listMigrations(db.db)).find((m) => m.name === NAME)?.executedAt !== null
    while (await isApplied()) await migrateDown(db.db)
    const after = await tableNames()
    for (const t of TABLES) expect(after).not.toContain(t)
    expect(after).toContain('requests')
    await migrateToLatest(db.db)
    expect(await tableNames()).toEqual(expect.arrayContaining(TABLES))
  })
})
