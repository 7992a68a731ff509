import { type Expression, type SelectQueryBuilder, type SqlBool, sql } from 'kysely'
import type { Actor } from '../context.ts'
import type { Db } from '../db/database.ts'
import { isSqlite } from '../db/dialect.ts'
import { executeCached, NOW_VALUE, placeholder } from '../db/query-cache.ts'
import { hasSelectiveFilter, type RequestFilters, visibleRequestsQuery } from './requests.repository.ts'
import { addresseeWordPrefix, parseSearchTerms } from './requests.search-index.ts'

// Full-text search over requests: the queries. The documents and their words are written by
// requests.search-index.ts. A search never decides who sees what: it only narrows the list's
// query, which keeps visibleTo() (requests.repository.ts).

// Dialect-specific on purpose: FTS5 MATCH on SQLite, tsvector @@ tsquery on PostgreSQL.
// Every term is a prefix ("arrest" finds "arrested"); all terms must match (AND).

/**
 * The FTS5 query of `terms`. With `addressee`, it is a query of request_search_by_addressee, whose
 * words stand behind their addressee's prefix (migration 2026-11-29T0930): only that State's
 * postings are read, and bm25 counts a word's documents among that State's.
 */
function ftsQuery(terms: readonly string[], addressee?: string) {
  const prefix = addressee === undefined ? '' : addresseeWordPrefix(addressee)
  // Terms are letters and digits only; quoting makes each a plain string in FTS5's syntax.
  return terms.map((t) => `"${prefix}${t}"*`).join(' AND ')
}

/**
 * What a search binds for its terms: on SQLite the FTS5 query text, of the addressee's index when
 * the list is of one addressee (`byAddressee`); on PostgreSQL one prefix per term. They are
 * parameters, never SQL text, so a cached query (relevance pages) holds stand-ins for them.
 */
type MatchTexts = { fts: string; byAddressee: boolean; prefixes: readonly string[] }

function matchTextsOf(terms: readonly string[], addressee?: string): MatchTexts {
  return { fts: ftsQuery(terms, addressee), byAddressee: addressee !== undefined, prefixes: terms.map((t) => `${t}:*`) }
}

/** The stand-ins of a cached query for `termCount` terms (matchValues gives what fills them in). */
function matchStandIns(termCount: number, byAddressee: boolean): MatchTexts {
  const prefixes = Array.from({ length: termCount }, (_, i) => placeholder(`prefix${i}`))
  return { fts: placeholder('fts'), byAddressee, prefixes }
}
function matchValues(texts: MatchTexts): Record<string, string> {
  const values: Record<string, string> = { fts: texts.fts }
  texts.prefixes.forEach((p, i) => {
    values[`prefix${i}`] = p
  })
  return values
}

/** SQLite: the FTS5 table a match reads. */
function ftsTable(match: MatchTexts) {
  return sql.raw(match.byAddressee ? 'request_search_by_addressee' : 'request_search_fts')
}

/** bm25 with the weights reference 10, summary 4, body 1 (lower is better). */
function bm25(match: MatchTexts) {
  return sql`bm25(${ftsTable(match)}, 10.0, 4.0, 1.0)`
}

function tsQuery(prefixes: readonly string[]) {
  // Each term may match as written ('simple': references, names) or stemmed in either language.
  const one = (p: string) =>
    sql`(to_tsquery('simple', ${p}) || to_tsquery('english', ${p}) || to_tsquery('french', ${p}))`
  return sql.join(prefixes.map(one), sql` && `)
}

/**
 * Ids of requests with a document matching every term (to be narrowed by the visibility rule),
 * for `requests.id in (…)`. With the 'candidates' plan (RelevancePlan) on SQLite, the subquery is
 * correlated: each request the other filters leave looks up its own documents and probes the
 * match's document ids, collected once; the ids of every matching request are never gathered
 * ("vessel" in NLD at 200,000 requests: counts 420 → 40 ms, a page by deadline 380 → 30 ms;
 * without a selective filter it would visit every request: 2× slower).
 */
export function matchingRequestIds(
  db: Db,
  terms: readonly string[],
  plan: RelevancePlan = 'matches',
  addressee?: string,
): Expression<string> {
  const match = matchTextsOf(terms, addressee)
  const fts = ftsTable(match)
  if (isSqlite(db) && plan === 'candidates') {
    // "+s.id": the probe must not become a lookup of every matching document for each request.
    return sql<string>`(select s.request_id from request_search s where s.request_id = requests.id
      and +s.id in (select rowid from ${fts} where ${fts} match ${match.fts}))`
  }
  if (isSqlite(db)) {
    return sql<string>`(select s.request_id from ${fts} f join request_search s on s.id = f.rowid
      where ${fts} match ${match.fts})`
  }
  return sql<string>`(select request_id from request_search where document @@ (${tsQuery(match.prefixes)}))`
}

/** Per request, the relevance of its best-matching document (higher is better). */
function rankedMatches(db: Db, match: MatchTexts, order = sql``) {
  if (isSqlite(db)) {
    // bm25 is lower-is-better: negated. Weights: reference 10, summary 4, body 1. The no-op
    // "limit -1" keeps SQLite from flattening the subquery into the aggregate, where FTS5's
    // auxiliary functions cannot run.
    const fts = ftsTable(match)
    return sql`(select s.request_id as request_id, max(-f.rank) as relevance
      from (select rowid, ${bm25(match)} as rank from ${fts} where ${fts} match ${match.fts} limit -1) f
      join request_search s on s.id = f.rowid group by s.request_id ${order})`
  }
  // float8: the value a cursor carries back must compare exactly (real would round).
  return sql`(select request_id, max(ts_rank(document, q))::float8 as relevance
    from request_search, (select ${tsQuery(match.prefixes)} as q) query
    where document @@ q group by request_id)`
}

/**
 * The same relevance, computed only for the documents of `search_candidates` (the visible requests
 * the filters leave, with their documents' ids on SQLite): the 'candidates' plan (RelevancePlan).
 */
function rankedCandidates(db: Db, match: MatchTexts) {
  if (isSqlite(db)) {
    // One pass over the match, scoring only candidates' documents. "+rowid" is on purpose: a
    // plain rowid constraint would reach FTS5, which then runs the whole query again for each
    // candidate (a prefix term's postings merged each time, ≈ 5 ms at 200,000 requests, and
    // bm25's statistics recounted): seconds. bm25's statistics are the whole table's, so a
    // document scores exactly as in rankedMatches.
    const fts = ftsTable(match)
    return sql`(select c.request_id as request_id, max(f.relevance) as relevance
      from (select rowid as document_id, -${bm25(match)} as relevance from ${fts} where ${fts} match ${match.fts}
              and +rowid in (select document_id from search_candidates) limit -1) f
      join search_candidates c on c.document_id = f.document_id group by c.request_id)`
  }
  return sql`(select s.request_id as request_id, max(ts_rank(s.document, q))::float8 as relevance
    from search_candidates c join request_search s on s.request_id = c.request_id,
      (select ${tsQuery(match.prefixes)} as q) query
    where s.document @@ q group by s.request_id)`
}

/**
 * The list's filters narrowed by a full-text query. A query without any word (only punctuation)
 * matches nothing. With a selective filter (one addressee included) the match is probed per
 * request, whatever plan a relevance page takes: a list in another order then walks its index and
 * stops at the page's end ("vessel" in NLD by deadline, 25,000 NLD requests among 1,000,000:
 * 7.6–8 ms, against 109–130 ms with NLD's matching requests gathered first).
 */
export function withSearch(db: Db, filters: RequestFilters, q: string | undefined) {
  if (q === undefined) return { filters, terms: [] as string[] }
  const terms = parseSearchTerms(q)
  return {
    filters:
      terms.length === 0
        ? { ...filters, ids: [] }
        : {
            ...filters,
            matching: matchingRequestIds(
              db,
              terms,
              hasSelectiveFilter({ ...filters, matching: undefined }) ? 'candidates' : 'matches',
              filters.addressee,
            ),
          },
    terms,
  }
}

/**
 * Under this share of the documents, a match is narrow (withSearchInOrder). Either plan is
 * bounded there: a narrow match gathers at most 1 % of the requests; a broad one lets the list
 * find a page within about a hundred requests per row of it.
 */
const BROAD_MATCH_SHARE = 0.01

/**
 * The list's filters narrowed by a full-text query, for a list in another order than relevance.
 * With no selective filter on SQLite, a broad match (a common word) is checked per request while
 * the list walks its sort order and stops at the page's end (requests.repository.ts
 * listVisibleRequests), instead of every matching request being gathered and sorted: "vessel", in
 * 28 % of the documents, by deadline at 200,000 requests took 1.1 s that way, 5.9 s at 1,000,000.
 * A narrow match stays gathered: the walk would pass over nearly every request for a few matches.
 * Counting the match first costs one pass over its postings in FTS5, no request read.
 */
export async function withSearchInOrder(
  db: Db,
  filters: RequestFilters,
  q: string | undefined,
  broadShare = BROAD_MATCH_SHARE,
) {
  const searched = withSearch(db, filters, q)
  const { terms } = searched
  if (!isSqlite(db) || terms.length === 0 || hasSelectiveFilter(filters)) return searched
  const { rows } = await sql<{ matches: number; documents: number }>`select
      (select count(*) from request_search_fts where request_search_fts match ${ftsQuery(terms)}) as matches,
      (select coalesce(max(rowid), 0) from request_search) as documents`.execute(db)
  const [size] = rows
  if (!size || size.matches === 0 || size.matches < broadShare * size.documents) return searched
  return {
    terms,
    filters: { ...filters, matching: matchingRequestIds(db, terms, 'candidates'), broadMatch: true },
  }
}

/** A keyset position in relevance order: the last row's relevance and id. */
export type RelevanceKeyset = [number, string]

type RelevanceInput = {
  terms: readonly string[]
  filters: RequestFilters
  after: RelevanceKeyset | null
  limit: number
  nowIso: string
}

/** What a relevance page's query is built from: the terms' texts, any value possibly a stand-in. */
type RelevanceBuild = {
  match: MatchTexts
  filters: RequestFilters
  after: readonly [unknown, unknown] | null
  limit: number
  nowIso: string
}

/**
 * How a relevance page is found; every plan gives the same rows in the same order.
 * - 'matches': score every matching document, then keep the visible requests the filters leave:
 *   its cost follows the number of matches.
 * - 'candidates': first the visible requests the filters leave, then one pass over the match that
 *   scores only their documents: its cost follows the number of candidates, plus that pass.
 * - 'best-first': score every matching document, then walk the requests from the most relevant,
 *   checking each one's visibility, and stop at the page's end: no filter to check, and the
 *   requests anyone may see (public and released) are common enough that the walk is short.
 */
export type RelevancePlan = 'matches' | 'candidates' | 'best-first'

/**
 * No filter but one addressee, or none at all: 'best-first' on SQLite (PostgreSQL plans joins by
 * cost, not in the order written). One addressee's search reads that State's index of words
 * (migration 0930), so its matches are all that State's and the walk is short; "vessel" in NLD at
 * 200,000 requests: 3.7–5.3 ms a page against 7.5–11 ms by 'candidates'. Any other selective
 * filter (a situation, a case, a group, a person, a list of ids), with or without an addressee,
 * leaves few candidates while the match may be huge (a common word): 'candidates'. Other filters
 * (status, type, classification, dates…) may leave few of the matches, which a walk would visit
 * one by one: 'matches'; with an addressee too, 'candidates' (2.4–3.5 ms there, against 5–6).
 * Measured in docs/requests.md.
 */
export function relevancePlanFor(db: Db, filters: RequestFilters): RelevancePlan {
  // "matching" is the search itself (withSearch), not a filter.
  const { matching, broadMatch, addressee, ...others } = filters
  // An empty list of ids is a filter (it leaves nothing); an empty list of statuses is none.
  const hasOtherFilter =
    others.ids !== undefined ||
    Object.values(others).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0))
  if (!hasOtherFilter && isSqlite(db)) return 'best-first'
  if (hasSelectiveFilter({ ...filters, matching: undefined })) return 'candidates'
  return 'matches'
}

/** One relevance page's query, by any plan (all give the same rows in the same order). */
export function relevancePageQuery(db: Db, actor: Actor, input: RelevanceInput, plan: RelevancePlan) {
  return buildRelevancePage(db, actor, { ...input, match: matchTextsOf(input.terms, input.filters.addressee) }, plan)
}

function buildRelevancePage(db: Db, actor: Actor, input: RelevanceBuild, plan: RelevancePlan) {
  if (plan === 'candidates') return inRelevanceOrder(candidatesPlan(db, actor, input), input)
  if (plan === 'best-first') return inRelevanceOrder(bestFirstPlan(db, actor, input), input)
  return inRelevanceOrder(matchesPlan(db, actor, input), input)
}

/** The page after the keyset position, most relevant first, ties by id. */
function inRelevanceOrder<DB, TB extends keyof DB, O>(q: SelectQueryBuilder<DB, TB, O>, input: RelevanceBuild) {
  const relevance = sql.ref<number>('hits.relevance')
  const id = sql.ref<string>('requests.id')
  const after = input.after
  const rest = after
    ? q.where(sql<SqlBool>`(${relevance} < ${after[0]} or (${relevance} = ${after[0]} and ${id} > ${after[1]}))`)
    : q
  return rest.orderBy(relevance, 'desc').orderBy(id, 'asc').limit(input.limit)
}

function matchesPlan(db: Db, actor: Actor, input: RelevanceBuild) {
  // The list's "matching" narrowing stays: SQLite may then check the visibility of the matching
  // ids before computing any bm25 (a rare word without a visible match: 15 ms instead of 35 at
  // 200,000 requests).
  return visibleRequestsQuery(db, actor, input.filters, input.nowIso)
    .innerJoin(rankedMatches(db, input.match).as('hits'), 'hits.request_id' as never, 'requests.id')
    .selectAll('requests')
    .select(sql.ref<number>('hits.relevance').as('relevance'))
}

function candidatesPlan(db: Db, actor: Actor, input: RelevanceBuild) {
  return (
    db
      .with(
        (cte) => cte('search_candidates').materialized(),
        // Without "matching": the ranked subquery checks the match, once for all candidates.
        () => candidatesQuery(db, actor, { ...input.filters, matching: undefined }, input.nowIso),
      )
      .selectFrom('requests')
      // Candidates passed visibleRequestsQuery: every joined row is one the actor may see.
      .innerJoin(rankedCandidates(db, input.match).as('hits'), 'hits.request_id' as never, 'requests.id')
      .selectAll('requests')
      .select(sql.ref<number>('hits.relevance').as('relevance'))
  )
}

function bestFirstPlan(db: Db, actor: Actor, input: RelevanceBuild) {
  const hits = rankedMatches(db, input.match, sql`order by relevance desc, request_id asc`)
  // "cross join": SQLite keeps the tables in the order written, so it walks the matches in
  // relevance order and can stop at the page's end. Each request is checked by
  // visibleRequestsQuery, correlated (without "matching": the ranked subquery is the match).
  const visible = visibleRequestsQuery(db, actor, { ...input.filters, matching: undefined }, input.nowIso)
    .select('requests.id')
    .where('requests.id', '=', sql.ref<string>('hits.request_id'))
  return db
    .selectFrom(hits.as('hits'))
    .crossJoin('requests')
    .where('requests.id', '=', sql.ref<string>('hits.request_id'))
    .where('requests.id', 'in', visible)
    .selectAll('requests')
    .select(sql.ref<number>('hits.relevance').as('relevance'))
}

/** The visible requests the filters leave; on SQLite one row per search document (its rowid). */
function candidatesQuery(db: Db, actor: Actor, filters: RequestFilters, nowIso: string) {
  const visible = visibleRequestsQuery(db, actor, filters, nowIso)
  if (!isSqlite(db)) return visible.select('requests.id as request_id')
  return visible
    .innerJoin('request_search', 'request_search.request_id', 'requests.id')
    .select([sql<number>`request_search.id`.as('document_id'), 'requests.id as request_id'])
}

/** Visible requests matching the terms and the filters, most relevant first, in keyset pages. */
export async function listVisibleRequestsByRelevance(db: Db, actor: Actor, input: RelevanceInput) {
  if (input.terms.length === 0) return []
  const plan = relevancePlanFor(db, input.filters)
  const rows =
    plan === 'matches'
      ? // This plan keeps the list's "matching" narrowing, terms included: built each time.
        await relevancePageQuery(db, actor, input, plan).execute()
      : await cachedRelevancePage(db, actor, input, plan)
  // In place: the driver's rows are ours, and copying 30-odd columns per row cost more than the
  // page's mapping (object spread: about 3 % of a search's CPU at 10,000 requests).
  for (const r of rows) r.relevance = Number(r.relevance)
  return rows
}

/**
 * The page's query compiled once per caller, filters and shape (number of terms, first page or
 * not, page size), as the list's is (db/query-cache.ts): building the visibility rule, the
 * candidates and the ranking with Kysely cost about 0.5 ms a search, more than the SQL itself at
 * 10,000 requests. The terms, the keyset position and the clock are stand-ins filled in per
 * execution.
 */
function cachedRelevancePage(db: Db, actor: Actor, input: RelevanceInput, plan: RelevancePlan) {
  const { terms, after, limit, nowIso } = input
  // These plans never read "matching" (their ranked subquery is the match): it stays out of the key.
  const filters = { ...input.filters, matching: undefined }
  const key = ['requests.relevance', plan, actor, filters, terms.length, after !== null, limit]
  const build = () =>
    buildRelevancePage(
      db,
      actor,
      {
        match: matchStandIns(terms.length, filters.addressee !== undefined),
        filters,
        after: after ? [placeholder('afterRelevance'), placeholder('afterId')] : null,
        limit,
        nowIso: NOW_VALUE,
      },
      plan,
    )
  const values = {
    ...matchValues(matchTextsOf(terms, filters.addressee)),
    now: nowIso,
    ...(after ? { afterRelevance: after[0], afterId: after[1] } : {}),
  }
  return executeCached(db, key, build, values)
}
