import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { isSqlite } from '../db/dialect.ts'

// Full-text search over requests, in English and French (migration 2026-11-28T0710). The index
// is a document table, request_search, with one row per request and source: the request's own
// fields are source 'request'; any feature may feed its texts (a message: 'message:<id>') through
// indexRequestText, in the transaction of its write. The queries are in requests.search.ts.

/** The most words of a query that count; more are ignored rather than refused. */
const MAX_TERMS = 12
const MAX_TERM_LENGTH = 64

/** Lower case without accents, as both indexes see words ("Arrêt" → "arret", "Œuvre" → "oeuvre"). */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('œ', 'oe')
    .replaceAll('æ', 'ae')
    .replaceAll('ß', 'ss')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
}

const WORD = /[\p{L}\p{N}]+/gu

/**
 * The words of a user's query: letters and digits only, so that no character of either
 * engine's query syntax (quotes, *, :, -, NEAR(, OR, parentheses, &, |, !) ever reaches it.
 * "ICC-OTP-2026-000123" gives four words, found together in the reference.
 */
export function parseSearchTerms(q: string): string[] {
  const words = foldText(q).match(WORD) ?? []
  return [...new Set(words.map((w) => w.slice(0, MAX_TERM_LENGTH)))].slice(0, MAX_TERMS)
}

export type RequestSearchParts = {
  /** 'request' for the request's own fields; e.g. 'message:<id>' for a message's text. */
  source: string
  reference?: string | null | undefined
  summary?: string | null | undefined
  body?: readonly (string | null | undefined)[] | undefined
}

/**
 * SQLite: what begins every word of an addressee's documents in request_search_by_addressee
 * (migration 2026-11-29T0930): 'p9a', the hex of the code, then 'x', never a hex digit, so that
 * one addressee's prefix never begins another's, whatever the codes hold.
 */
export function addresseeWordPrefix(addressee: string): string {
  return `p9a${Buffer.from(addressee, 'utf8').toString('hex')}x`
}

/**
 * SQLite: `text` as request_search_by_addressee holds it: its words as a query's are read
 * (parseSearchTerms, whole), each behind the addressee's prefix. A search of one State's requests
 * then reads only that State's postings, and bm25 counts a word's documents among them.
 */
export function addresseeWords(addressee: string, text: string): string {
  const prefix = addresseeWordPrefix(addressee)
  return (foldText(text).match(WORD) ?? []).map((w) => prefix + w).join(' ')
}

type SearchDocument = { request_id: string; source: string; reference: string; summary: string; body: string }

function documentOf(requestId: string, parts: RequestSearchParts): SearchDocument {
  return {
    request_id: requestId,
    source: parts.source,
    reference: parts.reference ?? '',
    summary: parts.summary ?? '',
    body: (parts.body ?? []).filter((t): t is string => typeof t === 'string' && t.length > 0).join('\n'),
  }
}

/**
 * Writes (or replaces) search documents, in the caller's transaction. On SQLite the
 * external-content index follows request_search by its triggers; the addressee's index is
 * written here, since its words are made in JavaScript (a deleted document leaves it by trigger).
 */
async function writeDocuments(trx: Db, documents: readonly SearchDocument[]) {
  for (let k = 0; k < documents.length; k += 200) {
    const chunk = documents.slice(k, k + 200)
    const upsert = trx
      .insertInto('request_search')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['request_id', 'source']).doUpdateSet((eb) => ({
          reference: eb.ref('excluded.reference'),
          summary: eb.ref('excluded.summary'),
          body: eb.ref('excluded.body'),
        })),
      )
    if (!isSqlite(trx)) {
      await upsert.execute()
      continue
    }
    const written = await upsert.returning([sql<number>`id`.as('id'), 'request_id', 'source']).execute()
    const requestIds = [...new Set(chunk.map((d) => d.request_id))]
    const addressees = new Map(
      (await trx.selectFrom('requests').select(['id', 'addressee']).where('id', 'in', requestIds).execute()).map(
        (r) => [r.id, r.addressee],
      ),
    )
    const rowids = new Map(written.map((w) => [`${w.request_id}\n${w.source}`, Number(w.id)]))
    const tuples = chunk.map((d) => {
      const addressee = addressees.get(d.request_id) ?? ''
      // The cast: better-sqlite3 binds a JavaScript number as a REAL, which FTS5 does not always
      // take for a rowid (docs/requests.md).
      return sql`(cast(${rowids.get(`${d.request_id}\n${d.source}`)} as integer), ${addresseeWords(addressee, d.reference)},
        ${addresseeWords(addressee, d.summary)}, ${addresseeWords(addressee, d.body)})`
    })
    await sql`insert or replace into request_search_by_addressee (rowid, reference, summary, body)
      values ${sql.join(tuples)}`.execute(trx)
  }
}

/** Writes (or replaces) one search document of a request; call it in the write's transaction. */
export async function indexRequestText(trx: Db, requestId: string, parts: RequestSearchParts) {
  await writeDocuments(trx, [documentOf(requestId, parts)])
}

/** Removes one search document (e.g. a deleted message). */
export async function unindexRequestText(trx: Db, requestId: string, source: string) {
  await trx.deleteFrom('request_search').where('request_id', '=', requestId).where('source', '=', source).execute()
}

type SearchedFields = { reference: string; summary: string; facts?: string | null; assistance_sought?: string | null }

/** The search document of a request's own fields. */
export function requestSearchParts(row: SearchedFields) {
  return { source: 'request', reference: row.reference, summary: row.summary, body: [row.facts, row.assistance_sought] }
}

/** Index the request documents of many requests at once (demo and bulk loads). */
export async function indexRequestsText(trx: Db, rows: readonly (SearchedFields & { id: string })[]) {
  await writeDocuments(
    trx,
    rows.map((r) => documentOf(r.id, requestSearchParts(r))),
  )
}

/** Index many documents of any source at once (demo and bulk loads), in the caller's transaction. */
export async function indexRequestDocuments(
  trx: Db,
  docs: readonly { requestId: string; parts: RequestSearchParts }[],
) {
  await writeDocuments(
    trx,
    docs.map(({ requestId, parts }) => documentOf(requestId, parts)),
  )
}
