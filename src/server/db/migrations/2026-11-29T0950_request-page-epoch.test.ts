import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestDb } from '../../../../test/db.ts'
import { demoDbWithRequest, epochMoves } from '../../../../test/epochs.ts'
import { listMigrations, migrateTo, migrateToLatest } from '../migrate.ts'

// Changes to a request's timeline and deadline history move its addressee's epoch (and all's)
// once this migration is up, and no longer once it is down.

let db: TestDb
let request: { id: string; addressee: string }
beforeAll(async () => {
  const made = await demoDbWithRequest()
  db = made.db
  request = made.request
})
afterAll(async () => db.destroy())

const NAME = '2026-11-29T0950_request-page-epoch'
const moves = (write: () => Promise<unknown>) => epochMoves(db.db, request.addressee, write)
const addEvent = () =>
  db.db
    .insertInto('request_events')
    .values({
      id: randomUUID(),
      request_id: request.id,
      seq: 10_000 + Math.floor(Math.random() * 1_000_000),
      occurred_at: new Date().toISOString(),
      actor: 'test',
      actor_org: null,
      action: 'note',
      from_status: null,
      to_status: null,
      note: 'Test (fictional)',
      payload: null,
    })
    .execute()
const addDeadlineChange = () =>
  db.db
    .insertInto('deadline_changes')
    .values({
      id: randomUUID(),
      request_id: request.id,
      deadline: 'response',
      from_value: null,
      to_value: new Date().toISOString(),
      reason: 'Test (fictional)',
      changed_by: 'test',
      changed_at: new Date().toISOString(),
    })
    .execute()

describe(`migration ${NAME}`, () => {
  it("makes timeline and deadline changes move the request's epochs; down stops them, up again", async () => {
    const isApplied = async () => (await listMigrations(db.db)).find((m) => m.name === NAME)?.executedAt !== null
    expect(await isApplied()).toBe(true)
    expect(await moves(addEvent)).toEqual([1, 1])
    expect(await moves(addDeadlineChange)).toEqual([1, 1])
    expect(
      await moves(() => db.db.deleteFrom('deadline_changes').where('request_id', '=', request.id).execute()),
    ).not.toEqual([0, 0])

    await migrateTo(db.db, '2026-11-29T0940_request-counts-epoch')
    expect(await isApplied()).toBe(false)
    expect(await moves(addEvent)).toEqual([0, 0])
    expect(await moves(addDeadlineChange)).toEqual([0, 0])

    await migrateToLatest(db.db)
    expect(await moves(addEvent)).toEqual([1, 1])
    expect(await moves(addDeadlineChange)).toEqual([1, 1])
  })
})
