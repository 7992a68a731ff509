import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestDb } from '../../../../test/db.ts'
import { demoDbWithRequest, epochMoves } from '../../../../test/epochs.ts'
import { indexRequestText, unindexRequestText } from '../../requests/requests.search-index.ts'
import { listMigrations, migrateTo, migrateToLatest } from '../migrate.ts'

// Changes to a request's search documents move its addressee's epoch (and all's) once this
// migration is up, and no longer once it is down.

let db: TestDb
let request: { id: string; addressee: string }
beforeAll(async () => {
  const made = await demoDbWithRequest()
  db = made.db
  request = made.request
})
afterAll(async () => db.destroy())

const NAME = '2026-11-29T0960_request-search-epoch'
const moves = async (write: () => Promise<unknown>) =>
  (await epochMoves(db.db, request.addressee, write)).map((moved) => moved > 0)
const message = (body: string) => () =>
  indexRequestText(db.db, request.id, { source: 'message:migration-test', body: [body] })

describe(`migration ${NAME}`, () => {
  it("makes a request's search documents move its epochs; down stops them, up again", async () => {
    const isApplied = async () => (await listMigrations(db.db)).find((m) => m.name === NAME)?.executedAt !== null
    expect(await isApplied()).toBe(true)
    expect(await moves(message('first text'))).toEqual([true, true])
    expect(await moves(message('second text'))).toEqual([true, true])
    expect(await moves(() => unindexRequestText(db.db, request.id, 'message:migration-test'))).toEqual([true, true])

    await migrateTo(db.db, '2026-11-29T0950_request-page-epoch')
    expect(await isApplied()).toBe(false)
    expect(await moves(message('third text'))).toEqual([false, false])

    await migrateToLatest(db.db)
    expect(await moves(message('fourth text'))).toEqual([true, true])
  })
})
