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

/**
 * The words of a user's query: letters and digits only, so that no character of either
 * engine's query syntax (quotes, *, :, -, NEAR(, OR, parentheses, &, |, !) ever reaches it.
 * "ICC-OTP-2026-000123" gives four words, found together in the reference.
 */
export function parseSearchTerms(q: string): string[] {
  const words = foldText(q).match(/[\p{L}\p{N}]+/gu) ?? []
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
 * SQLite: the token that stands for an addressee in the index's `scope` column (migration
 * 2026-11-28T0850): 'p9a' and the hex of its code, one token whatever the code holds.
 */
export function searchScopeToken(addressee: string): string {
  return `p9a${Buffer.from(addressee, 'utf8').toString('hex')}`
}

/** The `scope` of a new document of `requestId`, read from the request (SQLite only). */
function scopeOf(trx: Db, requestId: string) {
  return isSqlite(trx)
    ? { scope: sql<string>`(select 'p9a' || lower(hex(addressee)) from requests where id = ${requestId})` }
    : {}
}

/** Writes (or replaces) one search document of a request; call it in the write's transaction. */
export async function indexRequestText(trx: Db, requestId: string, parts: RequestSearchParts) {
  const row = {
    request_id: requestId,
    source: parts.source,
    reference: parts.reference ?? '',
    summary: parts.summary ?? '',
    body: (parts.body ?? []).filter((t): t is string => typeof t === 'string' && t.length > 0).join('\n'),
  }
  await trx
    .insertInto('request_search')
    .values({ ...row, ...scopeOf(trx, requestId) })
    .onConflict((oc) =>
      oc
        .columns(['request_id', 'source'])
        .doUpdateSet({ reference: row.reference, summary: row.summary, body: row.body }),
    )
    .execute()
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
  for (let k = 0; k < rows.length; k += 200) {
    const values = rows.slice(k, k + 200).map((r) => {
      const parts = requestSearchParts(r)
      return {
        request_id: r.id,
        source: parts.source,
        reference: parts.reference,
        summary: parts.summary,
        body: parts.body.filter(Boolean).join('\n'),
        ...scopeOf(trx, r.id),
      }
    })
    if (values.length > 0) await trx.insertInto('request_search').values(values).execute()
  }
}

/** Index many documents of any source at once (demo and bulk loads), in the caller's transaction. */
export async function indexRequestDocuments(
  trx: Db,
  docs: readonly { requestId: string; parts: RequestSearchParts }[],
) {
  for (let k = 0; k < docs.length; k += 200) {
    const values = docs.slice(k, k + 200).map(({ requestId, parts }) => ({
      request_id: requestId,
      source: parts.source,
      reference: parts.reference ?? '',
      summary: parts.summary ?? '',
      body: (parts.body ?? []).filter((t): t is string => typeof t === 'string' && t.length > 0).join('\n'),
      ...scopeOf(trx, requestId),
    }))
    if (values.length > 0) await trx.insertInto('request_search').values(values).execute()
  }
}
