import { type Expression, type SelectQueryBuilder, type SqlBool, sql } from 'kysely'
import type { Actor } from '../context.ts'
import type { Db } from '../db/database.ts'
import { isSqlite } from '../db/dialect.ts'
import { executeCached, NOW_VALUE, placeholder } from '../db/query-cache.ts'
import { hasSelectiveFilter, type RequestFilters, visibleRequestsQuery } from './requests.repository.ts'
import { parseSearchTerms, searchScopeToken } from './requests.search-index.ts'

// Full-text search over requests: the queries. The documents and their words are written by
// requests.search-index.ts. A search never decides who sees what: it only narrows the list's
// query, which keeps visibleTo() (requests.repository.ts).

// Dialect-specific on purpose: FTS5 MATCH on SQLite, tsvector @@ tsquery on PostgreSQL.
// Every term is a prefix ("arrest" finds "arrested"); all terms must match (AND).

/**
 * The FTS5 query of `terms`, in the three text columns only. With `addressee`, only documents of
 * that addressee's requests match: FTS5 intersects with its `scope` token (migration 0850),
 * skipping through the postings, instead of every matching document of every State being
 * visited. Every plan scores a document alike: the token's column weighs 0 in bm25.
 */
function ftsQuery(terms: readonly string[], addressee?: string) {
  // Terms are letters and digits only; quoting makes each a plain string in FTS5's syntax.
  const words = `{reference summary body} : (${terms.map((t) => `"${t}"*`).join(' AND ')})`
  return addressee ? `${words} AND scope : "${searchScopeToken(addressee)}"` : words
}

/** bm25 with the weights reference 10, summary 4, body 1 (and the scope token 0). */
const BM25 = sql`bm25(request_search_fts, 10.0, 4.0, 1.0, 0.0)`

/**
 * What a search binds for its terms: the FTS5 query texts on SQLite (`scoped` to the addressee
 * when there is one), one prefix per term on PostgreSQL. They are parameters, never SQL text, so
 * a cached query (relevance pages) holds stand-ins for them instead.
 */
type MatchTexts = { fts: string; scoped: string; prefixes: readonly string[] }

function matchTextsOf(terms: readonly string[], addressee?: string): MatchTexts {
  return { fts: ftsQuery(terms), scoped: ftsQuery(terms, addressee), prefixes: terms.map((t) => `${t}:*`) }
}

/** The stand-ins of a cached query for `termCount` terms (matchValues gives what fills them in). */
function matchStandIns(termCount: number): MatchTexts {
  const prefixes = Array.from({ length: termCount }, (_, i) => placeholder(`prefix${i}`))
  return { fts: placeholder('fts'), scoped: placeholder('scoped'), prefixes }
}
function matchValues(texts: MatchTexts): Record<string, string> {
  const values: Record<string, string> = { fts: texts.fts, scoped: texts.scoped }
  texts.prefixes.forEach((p, i) => {
    values[`prefix${i}`] = p
  })
  return values
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
  if (isSqlite(db) && plan === 'candidates') {
    // "+s.id": the probe must not become a lookup of every matching document for each request.
    return sql<string>`(select s.request_id from request_search s where s.request_id = requests.id
      and +s.id in (select rowid from request_search_fts where request_search_fts match ${match.scoped}))`
  }
  if (isSqlite(db)) {
    return sql<string>`(select s.request_id from request_search_fts f join request_search s on s.id = f.rowid
      where request_search_fts match ${match.fts})`
  }
  return sql<string>`(select request_id from request_search where document @@ (${tsQuery(match.prefixes)}))`
}

/** Per request, the relevance of its best-matching document (higher is better). */
function rankedMatches(db: Db, match: MatchTexts, order = sql``) {
  if (isSqlite(db)) {
    // bm25 is lower-is-better: negated. Weights: reference 10, summary 4, body 1. The no-op
    // "limit -1" keeps SQLite from flattening the subquery into the aggregate, where FTS5's
    // auxiliary functions cannot run.
    return sql`(select s.request_id as request_id, max(-f.rank) as relevance
      from (select rowid, ${BM25} as rank from request_search_fts
            where request_search_fts match ${match.fts} limit -1) f
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
    return sql`(select c.request_id as request_id, max(f.relevance) as relevance
      from (select rowid as document_id, -${BM25} as relevance
            from request_search_fts where request_search_fts match ${match.scoped}
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
 * matches nothing.
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
            matching: matchingRequestIds(db, terms, relevancePlanFor(db, filters), filters.addressee),
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
 * A selective filter (one State among ~200, a situation, a case, a group, a person, a list of
 * ids) leaves few candidates while the match may be huge (a common word): 'candidates'. No filter
 * at all: 'best-first' on SQLite (PostgreSQL plans joins by cost, not in the order written). Other
 * filters (status, type, classification, dates…) may leave few of the matches, which a walk would
 * visit one by one: 'matches'. Measured in docs/requests.md.
 */
export function relevancePlanFor(db: Db, filters: RequestFilters): RelevancePlan {
  // "matching" is the search itself (withSearch), not a filter.
  if (hasSelectiveFilter({ ...filters, matching: undefined })) return 'candidates'
  // No selective filter is left: any other one (status, type, dates…) may leave few matches.
  const { matching, broadMatch, ...others } = filters
  const hasOtherFilter = Object.values(others).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0))
  return !hasOtherFilter && isSqlite(db) ? 'best-first' : 'matches'
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
  return rows.map((r) => ({ ...r, relevance: Number(r.relevance) }))
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
        match: matchStandIns(terms.length),
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
