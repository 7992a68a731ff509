import type { RootDb } from '../src/server/db/database.ts'

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
