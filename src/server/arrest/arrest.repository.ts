import { type ExpressionBuilder, sql } from 'kysely'
import { deleteRecordAccess } from '../access/record-access.ts'
import { protectedColumns, visibleTo } from '../access/visibility.ts'
import type { Actor } from '../context.ts'
import type { Db } from '../db/database.ts'
import type { Database } from '../db/tables.ts'
import { fromBool } from '../db/values.ts'
import type {
  ArrestOpportunityUpdate,
  ArrestStrategyUpdate,
  NewArrestOpportunityOutcomeRow,
  NewArrestOpportunityRow,
  NewArrestStrategyRow,
  NewArrestStrategyVersionRow,
} from './arrest.table.ts'

// Strategies and opportunities are protected records: every read here goes through visibleTo().
export const STRATEGY_RECORD = 'arrest_strategy'
export const OPPORTUNITY_RECORD = 'arrest_opportunity'
const STRATEGIES = protectedColumns('arrest_strategies', STRATEGY_RECORD)
const OPPORTUNITIES = protectedColumns('arrest_opportunities', OPPORTUNITY_RECORD)

// ── Strategies ──────────────────────────────────────────────────────────────────────────────

export type StrategyFilters = { personId?: string | undefined; status?: string | undefined; terms: string[] }
export type StrategyKeyset = [string, string] // updated_at, id

/** A search term as a LIKE pattern: its wildcards escaped, matched anywhere in the folded text. */
function containsTerm(eb: ExpressionBuilder<Database, 'arrest_strategies'>, term: string) {
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  return sql<boolean>`${eb.ref('arrest_strategies.search_text')} like ${pattern} escape '\\'`
}

function strategiesQuery(db: Db, actor: Actor, filters: StrategyFilters) {
  let query = db.selectFrom('arrest_strategies').where(visibleTo(actor, STRATEGIES))
  if (filters.personId) query = query.where('arrest_strategies.person_id', '=', filters.personId)
  if (filters.status) query = query.where('arrest_strategies.status', '=', filters.status as never)
  for (const term of filters.terms) query = query.where((eb) => containsTerm(eb, term))
  return query
}

export function listVisibleStrategies(
  db: Db,
  actor: Actor,
  filters: StrategyFilters,
  after: StrategyKeyset | null,
  limit: number,
) {
  let query = strategiesQuery(db, actor, filters).selectAll('arrest_strategies')
  if (after) {
    const [updatedAt, id] = after
    query = query.where((eb) =>
      eb.or([
        eb('arrest_strategies.updated_at', '<', updatedAt),
        eb.and([eb('arrest_strategies.updated_at', '=', updatedAt), eb('arrest_strategies.id', '<', id)]),
      ]),
    )
  }
  return query
    .orderBy('arrest_strategies.updated_at', 'desc')
    .orderBy('arrest_strategies.id', 'desc')
    .limit(limit)
    .execute()
}

export async function countVisibleStrategies(db: Db, actor: Actor, filters: StrategyFilters): Promise<number> {
  const row = await strategiesQuery(db, actor, filters)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function countVisibleStrategiesByPerson(db: Db, actor: Actor, personId: string | undefined) {
  const rows = await strategiesQuery(db, actor, { personId, terms: [] })
    .select((eb) => [
      'arrest_strategies.person_id as person_id',
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when('arrest_strategies.status', '=', 'active').then(1).else(0).end()).as('active'),
    ])
    .groupBy('arrest_strategies.person_id')
    .orderBy('arrest_strategies.person_id')
    .execute()
  return rows.map((r) => ({ personId: r.person_id, total: Number(r.total), active: Number(r.active) }))
}

export function findVisibleStrategy(db: Db, actor: Actor, id: string) {
  return db
    .selectFrom('arrest_strategies')
    .selectAll()
    .where('id', '=', id)
    .where(visibleTo(actor, STRATEGIES))
    .executeTakeFirst()
}

/** The other active strategies of a person in the same cell (a new one supersedes them). */
export function listActiveStrategiesOfPersonInCell(db: Db, personId: string, cell: string) {
  return db
    .selectFrom('arrest_strategies')
    .selectAll()
    .where('person_id', '=', personId)
    .where('compartment_code', '=', cell)
    .where('status', '=', 'active')
    .execute()
}

export async function insertStrategy(db: Db, row: NewArrestStrategyRow) {
  await db.insertInto('arrest_strategies').values(row).execute()
}

/** Updates only if nobody changed the strategy since `version` was read; true when it did. */
export async function updateStrategyIfVersion(db: Db, id: string, version: number, set: ArrestStrategyUpdate) {
  const result = await db
    .updateTable('arrest_strategies')
    .set(set)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function insertStrategyVersions(db: Db, rows: NewArrestStrategyVersionRow[]) {
  if (rows.length > 0) await db.insertInto('arrest_strategy_versions').values(rows).execute()
}

export function listStrategyVersions(db: Db, id: string) {
  return db
    .selectFrom('arrest_strategy_versions')
    .selectAll()
    .where('strategy_id', '=', id)
    .orderBy('version', 'desc')
    .execute()
}

// ── Opportunities ───────────────────────────────────────────────────────────────────────────

export type OpportunityFilters = {
  personId?: string | undefined
  iso3?: string | undefined
  outcome?: string | undefined
  pendingOnly?: boolean | undefined
}
export type OpportunityKeyset = [string, string] // reported_at, id

function opportunitiesQuery(db: Db, actor: Actor, filters: OpportunityFilters) {
  let query = db.selectFrom('arrest_opportunities').where(visibleTo(actor, OPPORTUNITIES))
  if (filters.personId) query = query.where('arrest_opportunities.person_id', '=', filters.personId)
  if (filters.iso3) query = query.where('arrest_opportunities.iso3', '=', filters.iso3)
  if (filters.outcome) query = query.where('arrest_opportunities.outcome', '=', filters.outcome as never)
  if (filters.pendingOnly === true) query = query.where('arrest_opportunities.outcome', '=', 'pending')
  if (filters.pendingOnly === false) query = query.where('arrest_opportunities.outcome', '<>', 'pending')
  return query
}

export function listVisibleOpportunities(
  db: Db,
  actor: Actor,
  filters: OpportunityFilters,
  after: OpportunityKeyset | null,
  limit: number,
) {
  let query = opportunitiesQuery(db, actor, filters).selectAll('arrest_opportunities')
  if (after) {
    const [reportedAt, id] = after
    query = query.where((eb) =>
      eb.or([
        eb('arrest_opportunities.reported_at', '<', reportedAt),
        eb.and([eb('arrest_opportunities.reported_at', '=', reportedAt), eb('arrest_opportunities.id', '<', id)]),
      ]),
    )
  }
  return query
    .orderBy('arrest_opportunities.reported_at', 'desc')
    .orderBy('arrest_opportunities.id', 'desc')
    .limit(limit)
    .execute()
}

export async function countVisibleOpportunities(db: Db, actor: Actor, filters: OpportunityFilters) {
  const row = await opportunitiesQuery(db, actor, filters)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export function findVisibleOpportunity(db: Db, actor: Actor, id: string) {
  return db
    .selectFrom('arrest_opportunities')
    .selectAll()
    .where('id', '=', id)
    .where(visibleTo(actor, OPPORTUNITIES))
    .executeTakeFirst()
}

export async function insertOpportunity(db: Db, row: NewArrestOpportunityRow) {
  await db.insertInto('arrest_opportunities').values(row).execute()
}

export async function updateOpportunity(db: Db, id: string, set: ArrestOpportunityUpdate) {
  await db.updateTable('arrest_opportunities').set(set).where('id', '=', id).execute()
}

/** Links the drafted request, only if no request was linked meanwhile; true when it did. */
export async function linkRequestIfNone(db: Db, id: string, requestId: string, nowIso: string) {
  const result = await db
    .updateTable('arrest_opportunities')
    .set({ request_id: requestId, updated_at: nowIso })
    .where('id', '=', id)
    .where('request_id', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export function listOutcomes(db: Db, id: string) {
  return db
    .selectFrom('arrest_opportunity_outcomes')
    .selectAll()
    .where('opportunity_id', '=', id)
    .orderBy('seq')
    .execute()
}

export async function nextOutcomeSeq(db: Db, id: string): Promise<number> {
  const row = await db
    .selectFrom('arrest_opportunity_outcomes')
    .select((eb) => eb.fn.max('seq').as('max'))
    .where('opportunity_id', '=', id)
    .executeTakeFirst()
  return Number(row?.max ?? 0) + 1
}

export async function insertOutcome(db: Db, row: NewArrestOpportunityOutcomeRow) {
  await db.insertInto('arrest_opportunity_outcomes').values(row).execute()
}

/**
 * Outcome entries that concern a request (refused, unanswered…), of opportunities the actor may
 * see: what a non-cooperation matter cites. Visibility is the opportunity's.
 */
export function listVisibleOutcomesOfRequests(db: Db, actor: Actor, requestIds: readonly string[]) {
  return db
    .selectFrom('arrest_opportunity_outcomes as o')
    .innerJoin('arrest_opportunities', 'arrest_opportunities.id', 'o.opportunity_id')
    .select([
      'o.opportunity_id',
      'o.seq',
      'o.outcome',
      'o.outcome_date',
      'o.note',
      'o.request_id',
      'arrest_opportunities.iso3',
      'arrest_opportunities.person_id',
      'arrest_opportunities.classification',
    ])
    .where('o.request_id', 'in', [...requestIds])
    .where(visibleTo(actor, OPPORTUNITIES))
    .orderBy('o.request_id')
    .orderBy('o.opportunity_id')
    .orderBy('o.seq')
    .execute()
}

// ── Demo ────────────────────────────────────────────────────────────────────────────────────

export async function deleteDemoArrestRecords(db: Db) {
  const opportunities = db.selectFrom('arrest_opportunities').select('id').where('is_demo', '=', fromBool(true))
  const strategies = db.selectFrom('arrest_strategies').select('id').where('is_demo', '=', fromBool(true))
  await deleteRecordAccess(db, OPPORTUNITY_RECORD, opportunities)
  await deleteRecordAccess(db, STRATEGY_RECORD, strategies)
  await db.deleteFrom('arrest_opportunity_outcomes').where('opportunity_id', 'in', opportunities).execute()
  await db.deleteFrom('arrest_opportunities').where('is_demo', '=', fromBool(true)).execute()
  await db.deleteFrom('arrest_strategy_versions').where('strategy_id', 'in', strategies).execute()
  await db.deleteFrom('arrest_strategies').where('is_demo', '=', fromBool(true)).execute()
}

export function countDemoArrestRecords(db: Db) {
  return db
    .selectFrom('arrest_strategies')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('is_demo', '=', fromBool(true))
    .executeTakeFirstOrThrow()
}

/**
 * Demo only: fictional arrest requests of the demo's person sought, so demo opportunities whose
 * outcome concerns a request (refused, no response) point at one. Read-only, demo rows only.
 */
export function listDemoArrestRequestIds(db: Db, personId: string) {
  return db
    .selectFrom('requests')
    .innerJoin('request_persons', 'request_persons.request_id', 'requests.id')
    .select(['requests.id', 'requests.addressee', 'requests.status'])
    .where('request_persons.person_id', '=', personId)
    .where('requests.is_demo', '=', fromBool(true))
    .where('requests.request_type', 'in', ['ARREST_AND_SURRENDER', 'PROVISIONAL_ARREST'])
    .orderBy('requests.id')
    .execute()
}
