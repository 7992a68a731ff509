import { type ExpressionBuilder, type Insertable, sql } from 'kysely'
import { deleteRecordAccess } from '../access/record-access.ts'
import { protectedColumns, visibleTo } from '../access/visibility.ts'
import type { Actor } from '../context.ts'
import type { Db } from '../db/database.ts'
import type { Database } from '../db/tables.ts'
import { fromBool } from '../db/values.ts'
import type { Purpose } from './assets.schemas.ts'
import type {
  AssetAlertTable,
  AssetClaimTable,
  AssetStage,
  AssetValuationTable,
  ExchangeRateTable,
  NewAssetRow,
  NewAssetStepRow,
} from './assets.table.ts'

// Assets are protected records: every read for a caller goes through visibleTo(). The alert
// sweep alone reads without a caller (listAssetsWithOrderLapsingBy): it runs as the system and
// only writes alerts, whose reads go through the same rule.
export const ASSET_RECORD = 'asset'
const ASSETS = protectedColumns('assets', ASSET_RECORD)

export type AssetFilters = {
  caseId?: string | undefined
  personId?: string | undefined
  jurisdiction?: string | undefined
  stages?: readonly AssetStage[] | undefined
  kind?: string | undefined
  purposes?: readonly Purpose[] | undefined
  /** Only assets under an order lapsing on or before this date (YYYY-MM-DD). */
  expiringBy?: string | undefined
}

const PURPOSE_COLUMN = {
  evidence: 'assets.purpose_evidence',
  reparations: 'assets.purpose_reparations',
  legal_aid: 'assets.purpose_legal_aid',
  forfeiture: 'assets.purpose_forfeiture',
} as const

type Eb = ExpressionBuilder<Database, 'assets'>

function filtered(eb: Eb, actor: Actor, f: AssetFilters) {
  const conditions = [visibleTo(actor, ASSETS)(eb)]
  if (f.caseId) conditions.push(eb('assets.case_id', '=', f.caseId))
  if (f.personId) conditions.push(eb('assets.person_id', '=', f.personId))
  if (f.jurisdiction) conditions.push(eb('assets.jurisdiction', '=', f.jurisdiction))
  if (f.stages && f.stages.length > 0) conditions.push(eb('assets.stage', 'in', [...f.stages]))
  if (f.kind) conditions.push(eb('assets.kind', '=', f.kind as never))
  for (const p of f.purposes ?? []) conditions.push(eb(sql.ref(PURPOSE_COLUMN[p]), '=', fromBool(true)))
  if (f.expiringBy) {
    conditions.push(eb('assets.stage', 'in', ['frozen', 'seized']))
    conditions.push(eb('assets.order_expires_on', 'is not', null))
    conditions.push(eb('assets.order_expires_on', '<=', f.expiringBy))
  }
  return eb.and(conditions)
}

/** A keyset position in the register's order (newest first): [created_at, id]. */
export type AssetKeyset = [string, string]

export function listVisibleAssets(
  db: Db,
  actor: Actor,
  input: { filters: AssetFilters; after: AssetKeyset | null; limit: number },
) {
  let query = db
    .selectFrom('assets')
    .selectAll()
    .where((eb) => filtered(eb, actor, input.filters))
  if (input.after) {
    const [createdAt, id] = input.after
    query = query.where((eb) =>
      eb.or([
        eb('assets.created_at', '<', createdAt),
        eb.and([eb('assets.created_at', '=', createdAt), eb('assets.id', '<', id)]),
      ]),
    )
  }
  return query.orderBy('assets.created_at', 'desc').orderBy('assets.id', 'desc').limit(input.limit).execute()
}

/** What totals need of every visible asset matching the filters (no page: totals cover all). */
export function listVisibleAssetValues(db: Db, actor: Actor, filters: AssetFilters) {
  return db
    .selectFrom('assets')
    .select(['id', 'case_id', 'classification', 'value_minor', 'value_currency'])
    .where((eb) => filtered(eb, actor, filters))
    .orderBy('case_id')
    .orderBy('id')
    .execute()
}

export function findVisibleAsset(db: Db, actor: Actor, id: string) {
  return db.selectFrom('assets').selectAll().where('id', '=', id).where(visibleTo(actor, ASSETS)).executeTakeFirst()
}

export async function insertAsset(db: Db, row: NewAssetRow) {
  await db.insertInto('assets').values(row).execute()
}

export async function updateAsset(
  db: Db,
  id: string,
  changes: Partial<{
    stage: AssetStage
    current_order_step_id: string | null
    order_expires_on: string | null
    value_minor: string
    value_currency: string
    valued_on: string
    updated_at: string
  }>,
) {
  await db.updateTable('assets').set(changes).where('id', '=', id).execute()
}

export async function nextStepSeq(db: Db, assetId: string): Promise<number> {
  const row = await db
    .selectFrom('asset_steps')
    .select((eb) => eb.fn.max('seq').as('last'))
    .where('asset_id', '=', assetId)
    .executeTakeFirst()
  return Number(row?.last ?? 0) + 1
}

export async function insertSteps(db: Db, rows: NewAssetStepRow[]) {
  if (rows.length > 0) await db.insertInto('asset_steps').values(rows).execute()
}

export function listSteps(db: Db, assetId: string) {
  return db.selectFrom('asset_steps').selectAll().where('asset_id', '=', assetId).orderBy('seq').execute()
}

export function findStep(db: Db, id: string) {
  return db.selectFrom('asset_steps').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertValuations(db: Db, rows: AssetValuationTable[]) {
  if (rows.length > 0) await db.insertInto('asset_valuations').values(rows).execute()
}

/** Oldest first; the latest is the last by valuation date, then by when it was recorded. */
export function listValuations(db: Db, assetId: string) {
  return db
    .selectFrom('asset_valuations')
    .selectAll()
    .where('asset_id', '=', assetId)
    .orderBy('valued_on')
    .orderBy('recorded_at')
    .orderBy('id')
    .execute()
}

export async function insertClaims(db: Db, rows: AssetClaimTable[]) {
  if (rows.length > 0) await db.insertInto('asset_claims').values(rows).execute()
}

export function listClaims(db: Db, assetId: string) {
  return db
    .selectFrom('asset_claims')
    .selectAll()
    .where('asset_id', '=', assetId)
    .orderBy('lodged_on')
    .orderBy('id')
    .execute()
}

export function findClaim(db: Db, assetId: string, claimId: string) {
  return db
    .selectFrom('asset_claims')
    .selectAll()
    .where('asset_id', '=', assetId)
    .where('id', '=', claimId)
    .executeTakeFirst()
}

export async function updateClaimStatus(
  db: Db,
  claimId: string,
  changes: { status: string; status_note: string | null; updated_at: string },
) {
  await db
    .updateTable('asset_claims')
    .set(changes as never)
    .where('id', '=', claimId)
    .execute()
}

/** Names organisations on an asset (need-to-know rows of the access mechanism, record_recipients). */
export async function insertNamedOrganisations(db: Db, assetId: string, orgCodes: readonly string[]) {
  if (orgCodes.length === 0) return
  await db
    .insertInto('record_recipients')
    .values(
      orgCodes.map((org) => ({
        record_type: ASSET_RECORD,
        record_id: assetId,
        kind: 'named' as const,
        org_code: org,
        user_id: null,
      })),
    )
    .execute()
}

// Alerts

/** The sweep's read (system, no caller): assets under an order lapsing on or before `by`. */
export function listAssetsWithOrderLapsingBy(db: Db, by: string) {
  return db
    .selectFrom('assets')
    .select(['id', 'current_order_step_id', 'order_expires_on', 'classification'])
    .where('stage', 'in', ['frozen', 'seized'])
    .where('current_order_step_id', 'is not', null)
    .where('order_expires_on', 'is not', null)
    .where('order_expires_on', '<=', by)
    .execute()
}

/** Inserts alerts, skipping any order-and-lapse-date pair already alerted; returns how many were new. */
export async function insertAlertsIfNew(db: Db, rows: AssetAlertTable[]): Promise<number> {
  let raised = 0
  for (const row of rows) {
    const result = await db
      .insertInto('asset_alerts')
      .values(row)
      .onConflict((oc) => oc.columns(['step_id', 'lapses_on']).doNothing())
      .executeTakeFirst()
    raised += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  return raised
}

const ALERT_COLUMNS = [
  'asset_alerts.id',
  'asset_alerts.asset_id',
  'asset_alerts.step_id',
  'asset_alerts.kind',
  'asset_alerts.lapses_on',
  'asset_alerts.status',
  'asset_alerts.raised_at',
  'asset_alerts.resolved_by',
  'asset_alerts.resolved_at',
  'asset_alerts.resolution_note',
  'assets.description as asset_description',
  'assets.case_id',
  'assets.stage',
  'assets.classification',
  'asset_steps.order_reference',
] as const

/**
 * Alerts go to the asset's owners: the Court staff of its compartment who may see it. Visibility
 * first, then the owning compartment (a party named on the asset is not its owner).
 */
function ownedAlerts(db: Db, actor: Actor) {
  const compartments = actor.kind === 'user' && actor.orgKind === 'court_organ' ? [...actor.compartments] : []
  return db
    .selectFrom('asset_alerts')
    .innerJoin('assets', 'assets.id', 'asset_alerts.asset_id')
    .innerJoin('asset_steps', 'asset_steps.id', 'asset_alerts.step_id')
    .select(ALERT_COLUMNS)
    .where(visibleTo(actor, ASSETS))
    .where((eb) => (compartments.length > 0 ? eb('assets.compartment_code', 'in', compartments) : sql<boolean>`1 = 0`))
}

export function listOwnedAlerts(
  db: Db,
  actor: Actor,
  filters: { statuses: readonly string[]; caseId?: string | undefined; assetId?: string | undefined },
) {
  let query = ownedAlerts(db, actor).where('asset_alerts.status', 'in', [...filters.statuses] as never)
  if (filters.caseId) query = query.where('assets.case_id', '=', filters.caseId)
  if (filters.assetId) query = query.where('asset_alerts.asset_id', '=', filters.assetId)
  return query.orderBy('asset_alerts.lapses_on').orderBy('asset_alerts.id').execute()
}

export function findOwnedAlert(db: Db, actor: Actor, id: string) {
  return ownedAlerts(db, actor).where('asset_alerts.id', '=', id).executeTakeFirst()
}

export async function resolveAlert(
  db: Db,
  id: string,
  changes: { status: string; resolved_by: string; resolved_at: string; resolution_note: string | null },
) {
  await db
    .updateTable('asset_alerts')
    .set(changes as never)
    .where('id', '=', id)
    .execute()
}

/** Clears the asset's unresolved alerts (its order was renewed, replaced or ended); returns their ids. */
export async function clearAlertsOfAsset(db: Db, assetId: string, by: string, nowIso: string, note: string) {
  const open = await db
    .selectFrom('asset_alerts')
    .select('id')
    .where('asset_id', '=', assetId)
    .where('status', 'in', ['open', 'acknowledged'])
    .execute()
  if (open.length === 0) return []
  const ids = open.map((r) => r.id)
  await db
    .updateTable('asset_alerts')
    .set({ status: 'cleared', resolved_by: by, resolved_at: nowIso, resolution_note: note })
    .where('id', 'in', ids)
    .execute()
  return ids
}

// Exchange rates (not protected records: public reference rates the Court records and cites)

export async function insertExchangeRates(db: Db, rows: Insertable<ExchangeRateTable>[]) {
  if (rows.length > 0) await db.insertInto('exchange_rates').values(rows).execute()
}

export function findExchangeRate(db: Db, from: string, to: string, asOf: string) {
  return db
    .selectFrom('exchange_rates')
    .selectAll()
    .where('from_currency', '=', from)
    .where('to_currency', '=', to)
    .where('as_of', '=', asOf)
    .executeTakeFirst()
}

/** The latest rate from → to recorded for a date on or before `asOf`. */
export function findLatestExchangeRate(db: Db, from: string, to: string, asOf: string) {
  return db
    .selectFrom('exchange_rates')
    .selectAll()
    .where('from_currency', '=', from)
    .where('to_currency', '=', to)
    .where('as_of', '<=', asOf)
    .orderBy('as_of', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export function listExchangeRates(db: Db, filters: { from?: string | undefined; to?: string | undefined }) {
  let query = db.selectFrom('exchange_rates').selectAll()
  if (filters.from) query = query.where('from_currency', '=', filters.from)
  if (filters.to) query = query.where('to_currency', '=', filters.to)
  return query.orderBy('as_of', 'desc').orderBy('from_currency').orderBy('to_currency').limit(500).execute()
}

export async function deleteDemoAssets(db: Db) {
  const ids = db.selectFrom('assets').select('id').where('is_demo', '=', fromBool(true))
  await deleteRecordAccess(db, ASSET_RECORD, ids)
  await db.deleteFrom('asset_alerts').where('asset_id', 'in', ids).execute()
  await db.deleteFrom('asset_claims').where('asset_id', 'in', ids).execute()
  await db.deleteFrom('asset_valuations').where('asset_id', 'in', ids).execute()
  await db.deleteFrom('asset_steps').where('asset_id', 'in', ids).execute()
  await db.deleteFrom('assets').where('is_demo', '=', fromBool(true)).execute()
  await db.deleteFrom('exchange_rates').where('is_demo', '=', fromBool(true)).execute()
}
