import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemCtx } from '../../../test/context.ts'
import { createTestDb, type TestDb } from '../../../test/db.ts'
import { prepareDatabase } from '../boot/prepare-database.ts'
import {
  addresseeWordPrefix,
  addresseeWords,
  indexRequestText,
  parseSearchTerms,
  unindexRequestText,
} from './requests.search-index.ts'

// SQLite's index of each addressee's words (request_search_by_addressee, migration 0930): what a
// search of one State's requests reads. It must hold every document under its own addressee and
// nowhere else, follow every write and delete, and find what the main index finds.

let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
  await prepareDatabase(systemCtx(db.db), { demo: true })
})
afterAll(async () => db.destroy())

/** Document ids matching `word`* in the addressee's index. */
async function inAddresseeIndex(addressee: string, word: string) {
  const { rows } = await sql<{ id: number }>`select rowid as id from request_search_by_addressee
    where request_search_by_addressee match ${`"${addresseeWordPrefix(addressee)}${word}"*`} order by rowid`.execute(
    db.db,
  )
  return rows.map((r) => Number(r.id))
}

/** Document ids of the addressee's requests matching `word`* in the main index. */
async function inMainIndex(addressee: string, word: string) {
  const { rows } = await sql<{ id: number }>`select s.id from request_search_fts f
    join request_search s on s.id = f.rowid join requests r on r.id = s.request_id
    where request_search_fts match ${`"${word}"*`} and r.addressee = ${addressee} order by s.id`.execute(db.db)
  return rows.map((r) => Number(r.id))
}

async function documentOf(requestId: string, source: string) {
  const row = await db.db
    .selectFrom('request_search')
    .select(sql<number>`id`.as('id'))
    .where('request_id', '=', requestId)
    .where('source', '=', source)
    .executeTakeFirst()
  return row ? Number(row.id) : undefined
}

describe('the index of each addressee’s words', () => {
  it('finds, for every addressee, exactly what the main index finds among its requests', async () => {
    const addressees = (
      await db.db.selectFrom('requests').select('addressee').distinct().orderBy('addressee').execute()
    ).map((r) => r.addressee)
    expect(addressees.length).toBeGreaterThan(10)
    let found = 0
    for (const addressee of addressees)
      for (const word of ['fictional', 'arrest', 'de', 'icc', 'a']) {
        const expected = await inMainIndex(addressee, word)
        expect(await inAddresseeIndex(addressee, word), `${addressee} ${word}`).toEqual(expected)
        found += expected.length
      }
    expect(found).toBeGreaterThan(500)
  })

  it('follows a document that is written, rewritten and removed, under its addressee only', async () => {
    const request = await db.db
      .selectFrom('requests')
      .select(['id', 'addressee'])
      .where('addressee', '=', 'KEN')
      .executeTakeFirstOrThrow()
    const other = 'NLD'
    await indexRequestText(db.db, request.id, { source: 'test:1', summary: 'Zygomorphic vessel (fictional)' })
    const id = await documentOf(request.id, 'test:1')
    expect(id).toBeDefined()
    expect(await inAddresseeIndex('KEN', 'zygomorph')).toEqual([id])
    expect(await inAddresseeIndex(other, 'zygomorph')).toEqual([])

    // Rewritten: the old words leave, the new ones come, the document keeps its id.
    await indexRequestText(db.db, request.id, { source: 'test:1', body: ['Quillwort'] })
    expect(await documentOf(request.id, 'test:1')).toBe(id)
    expect(await inAddresseeIndex('KEN', 'zygomorph')).toEqual([])
    expect(await inAddresseeIndex('KEN', 'quillwort')).toEqual([id])

    await unindexRequestText(db.db, request.id, 'test:1')
    expect(await inAddresseeIndex('KEN', 'quillwort')).toEqual([])
    // Any delete of a document, as the cascade from its request makes, goes through the trigger.
    await indexRequestText(db.db, request.id, { source: 'test:2', body: ['Quillwort again'] })
    expect(await inAddresseeIndex('KEN', 'quillwort')).toHaveLength(1)
    await sql`delete from request_search where request_id = ${request.id} and source = 'test:2'`.execute(db.db)
    expect(await inAddresseeIndex('KEN', 'quillwort')).toEqual([])
  })

  it('holds every word a query of the text can parse, in the column it came from', async () => {
    const request = await db.db
      .selectFrom('requests')
      .select(['id', 'addressee'])
      .orderBy('id')
      .executeTakeFirstOrThrow()
    // Latin text as French and English write it: accents, ligatures, apostrophes, hyphens, digits.
    const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéèêëàâîïôûùüÿçœæÉÀÇŒ0123456789'.split(''))
    const separator = fc.constantFrom(' ', "'", '’', '-', ',', '.', '\n', '(', ')', '«', '»', '/')
    const text = fc
      .array(fc.tuple(fc.array(letter, { minLength: 1, maxLength: 12 }), separator), { minLength: 1, maxLength: 15 })
      .map((ws) => ws.map(([w, s]) => w.join('') + s).join(''))
    let n = 0
    await fc.assert(
      fc.asyncProperty(text, text, async (summary, body) => {
        n += 1
        const source = `test:prop:${n}`
        await indexRequestText(db.db, request.id, { source, summary, body: [body] })
        const id = await documentOf(request.id, source)
        for (const [column, value] of [
          ['summary', summary],
          ['body', body],
        ] as const)
          for (const term of parseSearchTerms(value)) {
            const q = `${column} : "${addresseeWordPrefix(request.addressee)}${term}"*`
            // The cast is needed: FTS5 ignores "rowid = ?" beside MATCH when the value comes bound
            // as a REAL, as better-sqlite3 binds a JavaScript number, and returns every match.
            const { rows } = await sql<{ id: number }>`select rowid as id from request_search_by_addressee
              where request_search_by_addressee match ${q} and rowid = cast(${id} as integer)`.execute(db.db)
            expect(
              rows.map((r) => Number(r.id)),
              `${column} ${term} in ${JSON.stringify(value)}`,
            ).toEqual([id])
          }
        await unindexRequestText(db.db, request.id, source)
      }),
      { numRuns: 60 },
    )
  })

  it('never lets one addressee’s prefix begin another’s', () => {
    const codes = ['NLD', 'NL', 'N', 'ICC-OTP', 'UN', 'UNA', 'A1', 'A', '1']
    for (const a of codes)
      for (const b of codes)
        if (a !== b) expect(addresseeWords(a, 'word').startsWith(addresseeWordPrefix(b)), `${a} ${b}`).toBe(false)
  })
})
