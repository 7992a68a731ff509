import { type ExpressionBuilder, sql } from 'kysely'
import { protectedColumns, visibleTo } from '../access/visibility.ts'
import type { Db } from '../db/database.ts'
import type { Database } from '../db/tables.ts'
import { fromBool, toJson } from '../db/values.ts'
import type { ReferenceAgreement, ReferenceFact } from './states.reference.ts'
import type { NewStateRow, StateUpdate } from './states.table.ts'

export type StateFilters = {
  party?: boolean
  status?: string
  group?: string
  apic?: string
  agreement?: string
  /** Already folded with foldForSearch. */
  search?: string
}

export type StateKeyset = { sort: string; iso3: string }
export type SortLanguage = 'en' | 'fr'

// The directory is public: agreements appear in it only as the anonymous public may see them.
const ANONYMOUS = { kind: 'anonymous' } as const
const AGREEMENTS = protectedColumns('agreements', 'agreement')

// Escapes LIKE wildcards so a user's "%" or "_" searches for itself.
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** The directory's filters as one reusable where-clause. */
function matchingFilters(filters: StateFilters) {
  return (eb: ExpressionBuilder<Database, 'states'>) => {
    const conditions = []
    if (filters.party === true) conditions.push(eb('states.rome_status', '=', 'party'))
    if (filters.party === false) conditions.push(eb('states.rome_status', '<>', 'party'))
    if (filters.status) conditions.push(eb('states.rome_status', '=', filters.status as never))
    if (filters.group) conditions.push(eb('states.regional_group', '=', filters.group))
    if (filters.apic) conditions.push(eb('states.apic_status', '=', filters.apic as never))
    if (filters.search === '') {
      // A search with no letter or digit (e.g. "%") matches no name, rather than every name.
      conditions.push(sql<boolean>`1 = 0`)
    } else if (filters.search) {
      conditions.push(sql<boolean>`${sql.ref('states.search_text')} like ${likeContains(filters.search)} escape '\\'`)
    }
    if (filters.agreement) {
      conditions.push(
        eb.exists(
          eb
            .selectFrom('agreements')
            .select('agreements.id')
            .whereRef('agreements.iso3', '=', 'states.iso3')
            .where('agreements.kind', '=', filters.agreement)
            .where(visibleTo(ANONYMOUS, AGREEMENTS)),
        ),
      )
    }
    return eb.and(conditions)
  }
}

export function listStates(
  db: Db,
  filters: StateFilters,
  lang: SortLanguage,
  after: StateKeyset | null,
  limit: number,
) {
  const sortColumn = lang === 'fr' ? 'states.sort_fr' : 'states.sort_en'
  let query = db.selectFrom('states').selectAll().where(matchingFilters(filters))
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb(sortColumn, '>', after.sort),
        eb.and([eb(sortColumn, '=', after.sort), eb('states.iso3', '>', after.iso3)]),
      ]),
    )
  }
  return query.orderBy(sortColumn).orderBy('states.iso3').limit(limit).execute()
}

export async function countStates(db: Db, filters: StateFilters): Promise<number> {
  const row = await db
    .selectFrom('states')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where(matchingFilters(filters))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

export function listStateStatuses(db: Db) {
  return db.selectFrom('states').select(['iso3', 'iso_numeric', 'rome_status']).orderBy('iso3').execute()
}

export function findStateByIso3(db: Db, iso3: string) {
  return db.selectFrom('states').selectAll().where('iso3', '=', iso3).executeTakeFirst()
}

export function listFactsOfState(db: Db, iso3: string) {
  return db.selectFrom('state_facts').selectAll().where('iso3', '=', iso3).orderBy('fact_key').execute()
}

export function findFact(db: Db, iso3: string, factKey: string) {
  return db
    .selectFrom('state_facts')
    .selectAll()
    .where('iso3', '=', iso3)
    .where('fact_key', '=', factKey)
    .executeTakeFirst()
}

export function listFactsOfStates(db: Db, iso3s: readonly string[]) {
  if (iso3s.length === 0) return Promise.resolve([])
  return db.selectFrom('state_facts').select(['iso3', 'fact_key', 'value']).where('iso3', 'in', iso3s).execute()
}

export function listAllFacts(db: Db) {
  return db.selectFrom('state_facts').select(['iso3', 'fact_key', 'value']).execute()
}

export function listPublicAgreementsOfStates(db: Db, iso3s: readonly string[]) {
  if (iso3s.length === 0) return Promise.resolve([])
  return db
    .selectFrom('agreements')
    .selectAll()
    .where('iso3', 'in', iso3s)
    .where(visibleTo(ANONYMOUS, AGREEMENTS))
    .orderBy('kind')
    .orderBy('date_signed')
    .execute()
}

export function findCooperationProfile(db: Db, iso3: string) {
  return db.selectFrom('state_cooperation_profiles').selectAll().where('iso3', '=', iso3).executeTakeFirst()
}

/** New States get a row; existing rows are left for refreshStateColumns to update from facts. */
export async function insertMissingStates(db: Db, rows: NewStateRow[]): Promise<void> {
  for (const chunk of chunks(rows, 100)) {
    await db
      .insertInto('states')
      .values(chunk)
      .onConflict((oc) => oc.column('iso3').doNothing())
      .execute()
  }
}

export async function updateStateColumns(db: Db, iso3: string, update: StateUpdate): Promise<void> {
  await db.updateTable('states').set(update).where('iso3', '=', iso3).execute()
}

/**
 * Loads reference facts. A fact an administrator corrected (origin 'admin') is never touched:
 * the conflict update only applies where the stored row still comes from the reference data.
 */
export async function upsertReferenceFacts(db: Db, facts: ReferenceFact[], nowIso: string): Promise<void> {
  for (const chunk of chunks(facts, 200)) {
    await db
      .insertInto('state_facts')
      .values(
        chunk.map((f) => ({
          iso3: f.iso3,
          fact_key: f.factKey,
          value: toJson(f.value),
          source_keys: toJson(f.sourceKeys),
          verified: fromBool(f.verified),
          notes: f.notes,
          origin: 'reference' as const,
          updated_at: nowIso,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['iso3', 'fact_key'])
          .doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            source_keys: eb.ref('excluded.source_keys'),
            verified: eb.ref('excluded.verified'),
            notes: eb.ref('excluded.notes'),
            updated_at: eb.ref('excluded.updated_at'),
          }))
          .where('state_facts.origin', '=', 'reference'),
      )
      .execute()
  }
}

export async function upsertReferenceAgreements(db: Db, agreements: ReferenceAgreement[], nowIso: string) {
  for (const chunk of chunks(agreements, 100)) {
    await db
      .insertInto('agreements')
      .values(
        chunk.map((a) => ({
          id: a.id,
          iso3: a.iso3,
          kind: a.kind,
          title: a.title,
          status: a.status,
          date_signed: a.dateSigned,
          entry_into_force_date: a.entryIntoForceDate,
          person: a.person,
          notes: a.notes,
          source_keys: toJson(a.sourceKeys),
          verified: fromBool(a.verified),
          origin: 'reference' as const,
          updated_at: nowIso,
        })),
      )
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({
            title: eb.ref('excluded.title'),
            status: eb.ref('excluded.status'),
            date_signed: eb.ref('excluded.date_signed'),
            entry_into_force_date: eb.ref('excluded.entry_into_force_date'),
            notes: eb.ref('excluded.notes'),
            source_keys: eb.ref('excluded.source_keys'),
            verified: eb.ref('excluded.verified'),
            updated_at: eb.ref('excluded.updated_at'),
          }))
          .where('agreements.origin', '=', 'reference'),
      )
      .execute()
  }
}

export type FactCorrection = {
  iso3: string
  factKey: string
  value: unknown
  correctedBy: string
  note: string
  nowIso: string
}

export async function saveFactCorrection(db: Db, c: FactCorrection): Promise<void> {
  const values = {
    value: toJson(c.value),
    origin: 'admin' as const,
    corrected_by: c.correctedBy,
    corrected_at: c.nowIso,
    correction_note: c.note,
    updated_at: c.nowIso,
  }
  await db
    .insertInto('state_facts')
    .values({
      iso3: c.iso3,
      fact_key: c.factKey,
      source_keys: toJson([]),
      verified: fromBool(false),
      notes: null,
      ...values,
    })
    .onConflict((oc) => oc.columns(['iso3', 'fact_key']).doUpdateSet(values))
    .execute()
}

export async function upsertCooperationProfiles(
  db: Db,
  rows: { iso3: string; channel: string; languages: string[]; focalPointName: string; focalPointEmail: string }[],
) {
  for (const chunk of chunks(rows, 100)) {
    await db
      .insertInto('state_cooperation_profiles')
      .values(
        chunk.map((r) => ({
          iso3: r.iso3,
          channel: r.channel,
          languages: toJson(r.languages),
          focal_point_name: r.focalPointName,
          focal_point_email: r.focalPointEmail,
          is_demo: fromBool(true),
        })),
      )
      .onConflict((oc) => oc.column('iso3').doNothing())
      .execute()
  }
}

export async function deleteDemoCooperationProfiles(db: Db) {
  await db.deleteFrom('state_cooperation_profiles').where('is_demo', '=', fromBool(true)).execute()
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
