import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../../test/db.ts'
import { createDb, type DbHandle } from '../db/database.ts'
import { takeReferenceNumber } from './requests.records.repository.ts'

// Reference numbers come from one counter row per organ and year, taken by an atomic upsert in
// the transaction that creates the request. On PostgreSQL, concurrent transactions through
// separate connections must still get distinct, gap-free numbers.

let db: TestDb
const pools: DbHandle[] = []
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  for (const p of pools) await p.close()
  await db.destroy()
})

describe('reference numbers', () => {
  it('are unique and consecutive under 40 concurrent transactions', async () => {
    const handles = Array.from({ length: db.dialect === 'postgres' ? 8 : 1 }, () => {
      const h =
        db.dialect === 'postgres'
          ? createDb({ dialect: 'postgres', sqlitePath: null, databaseUrl: db.databaseUrl })
          : db
      if (h !== db) pools.push(h)
      return h
    })
    const taken = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (handles[i % handles.length] as DbHandle).db.transaction().execute(async (trx) => {
          const n = await takeReferenceNumber(trx, 'ICC-OTP', 2026)
          // Hold the transaction open a little so the others really overlap.
          await new Promise((r) => setTimeout(r, 5))
          return n
        }),
      ),
    )
    expect([...taken].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    expect(await takeReferenceNumber(db.db, 'ICC-OTP', 2027)).toBe(1)
    expect(await takeReferenceNumber(db.db, 'ICC-REGISTRY', 2026)).toBe(1)
  })
})
