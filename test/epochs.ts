import { prepareDatabase } from '../src/server/boot/prepare-database.ts'
import type { RootDb } from '../src/server/db/database.ts'
import { systemCtx } from './context.ts'
import { createTestDb } from './db.ts'

// The request counts epochs (migrations 0940–0960), as tests of what moves them read them.

/** The epoch of `scope` (an addressee, or '*' for all requests): 0 before anything moved it. */
export async function requestCountsEpochOf(db: RootDb, scope: string): Promise<number> {
  const row = await db.selectFrom('request_counts_epochs').select('value').where('scope', '=', scope).executeTakeFirst()
  return Number(row?.value ?? 0)
}

/** How far `write` moves the epoch of all requests and that of `addressee`: [all, addressee]. */
export async function epochMoves(db: RootDb, addressee: string, write: () => Promise<unknown>) {
  const before = [await requestCountsEpochOf(db, '*'), await requestCountsEpochOf(db, addressee)]
  await write()
  const after = [await requestCountsEpochOf(db, '*'), await requestCountsEpochOf(db, addressee)]
  return after.map((value, i) => value - (before[i] as number))
}

/** A database with the demo's requests, and its first request: what the epoch migrations' tests write to. */
export async function demoDbWithRequest() {
  const db = await createTestDb({ seeded: true })
  await prepareDatabase(systemCtx(db.db), { demo: true })
  const request = await db.db.selectFrom('requests').select(['id', 'addressee']).orderBy('id').executeTakeFirstOrThrow()
  return { db, request }
}
