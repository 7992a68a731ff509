import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemCtx } from '../../../../test/context.ts'
import { createTestDb, type TestDb } from '../../../../test/db.ts'
import { prepareDatabase } from '../../boot/prepare-database.ts'
import { listMigrations, migrateDown, migrateToLatest } from '../migrate.ts'

// A request's addressee is read from the request itself (transmitted_at, addressee): the migration
// removes the `addressee` rows of requests from record_recipients, and down writes them back, one
// for each transmitted request. Named recipients and other records' rows are left alone.

let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
  // The demo: requests in every state, under seal and Defence ones with named organisations, and
  // agreements with addressee rows of their own.
  await prepareDatabase(systemCtx(db.db), { demo: true })
})
afterAll(async () => db.destroy())

const NAME = '2026-11-28T0900_request-addressee-from-the-request'

async function recipients() {
  const rows = await db.db
    .selectFrom('record_recipients')
    .select(['record_type', 'record_id', 'kind', 'org_code', 'user_id'])
    .execute()
  const key = (r: (typeof rows)[number]) => `${r.record_type}|${r.record_id}|${r.kind}|${r.org_code}|${r.user_id}`
  return rows.map(key).sort()
}

describe(`migration ${NAME}`, () => {
  it("moves the addressee of transmitted requests from record_recipients to the request's columns and back", async () => {
    const isApplied = async () => (await listMigrations(db.db)).find((m) => m.name === NAME)?.executedAt !== null
    expect(await isApplied()).toBe(true)
    const after = await recipients()
    expect(after.filter((r) => r.startsWith('request|') && r.includes('|addressee|'))).toEqual([])
    expect(after.some((r) => r.startsWith('request|') && r.includes('|named|'))).toBe(true)
    expect(after.some((r) => !r.startsWith('request|') && r.includes('|addressee|'))).toBe(true)

    while (await isApplied()) await migrateDown(db.db)
    const transmitted = await db.db
      .selectFrom('requests')
      .select(['id', 'addressee'])
      .where('transmitted_at', 'is not', null)
      .execute()
    expect(transmitted.length).toBeGreaterThan(50)
    const restored = transmitted.map((r) => `request|${r.id}|addressee|${r.addressee}|null`)
    expect(await recipients()).toEqual([...after, ...restored].sort())

    await migrateToLatest(db.db)
    expect(await recipients()).toEqual(after)
  })

  it('keeps a request known to its addressee when its row had no transmission date', async () => {
    const isApplied = async () => (await listMigrations(db.db)).find((m) => m.name === NAME)?.executedAt !== null
    while (await isApplied()) await migrateDown(db.db)
    const [first, second] = await db.db
      .selectFrom('requests')
      .select(['id', 'transmitted_at', 'updated_at'])
      .where('transmitted_at', 'is not', null)
      .orderBy('id')
      .limit(2)
      .execute()
    if (!first || !second) throw new Error('the demo has no transmitted requests')
    const transmitEvent = await db.db
      .selectFrom('request_events')
      .select('occurred_at')
      .where('request_id', '=', first.id)
      .where('action', '=', 'transmit')
      .executeTakeFirstOrThrow()
    // Rows no version of the application wrote: a date lost, one without any transmit event.
    await db.db.updateTable('requests').set({ transmitted_at: null }).where('id', 'in', [first.id, second.id]).execute()
    await db.db
      .deleteFrom('request_events')
      .where('request_id', '=', second.id)
      .where('action', '=', 'transmit')
      .execute()
    await migrateToLatest(db.db)
    const dates = await db.db
      .selectFrom('requests')
      .select(['id', 'transmitted_at'])
      .where('id', 'in', [first.id, second.id])
      .orderBy('id')
      .execute()
    expect(dates).toEqual([
      { id: first.id, transmitted_at: transmitEvent.occurred_at },
      { id: second.id, transmitted_at: second.updated_at },
    ])
  })
})
