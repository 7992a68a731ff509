import { sql } from 'kysely'
import { protectedColumns, visibleTo } from '../access/visibility.ts'
import type { Actor } from '../context.ts'
import type { Db } from '../db/database.ts'
import { fromBool } from '../db/values.ts'
import type { NewCaseRow, NewPersonRow, NewSituationRow } from './situations.table.ts'

// Situations, cases and persons are protected records: every read here goes through visibleTo().
export const SITUATION_RECORD = 'situation'
export const CASE_RECORD = 'case'
export const PERSON_RECORD = 'person'
const SITUATIONS = protectedColumns('situations', SITUATION_RECORD)
const CASES = protectedColumns('cases', CASE_RECORD)
const PERSONS = protectedColumns('persons', PERSON_RECORD)

export type Page = { afterId: string | null; limit: number }

export function listVisibleSituations(db: Db, actor: Actor, page: Page) {
  let query = db.selectFrom('situations').selectAll().where(visibleTo(actor, SITUATIONS))
  if (page.afterId) query = query.where('id', '>', page.afterId)
  return query.orderBy('id').limit(page.limit).execute()
}

export function findVisibleSituation(db: Db, actor: Actor, id: string) {
  return db
    .selectFrom('situations')
    .selectAll()
    .where('id', '=', id)
    .where(visibleTo(actor, SITUATIONS))
    .executeTakeFirst()
}

export function listVisibleCases(db: Db, actor: Actor, filters: { situationId?: string }, page: Page) {
  let query = db.selectFrom('cases').selectAll().where(visibleTo(actor, CASES))
  if (filters.situationId) query = query.where('situation_id', '=', filters.situationId)
  if (page.afterId) query = query.where('id', '>', page.afterId)
  return query.orderBy('id').limit(page.limit).execute()
}

export function findVisibleCase(db: Db, actor: Actor, id: string) {
  return db.selectFrom('cases').selectAll().where('id', '=', id).where(visibleTo(actor, CASES)).executeTakeFirst()
}

export type PersonFilters = { situationId?: string; caseId?: string; role?: string }

export function listVisiblePersons(db: Db, actor: Actor, filters: PersonFilters, page: Page) {
  let query = db.selectFrom('persons').selectAll().where(visibleTo(actor, PERSONS))
  if (filters.situationId) query = query.where('situation_id', '=', filters.situationId)
  if (filters.caseId) query = query.where('case_id', '=', filters.caseId)
  if (filters.role) query = query.where('role_in_proceedings', '=', filters.role as never)
  if (page.afterId) query = query.where('id', '>', page.afterId)
  return query.orderBy('id').limit(page.limit).execute()
}

export function listVisiblePersonsByIds(db: Db, actor: Actor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([])
  return db.selectFrom('persons').selectAll().where('id', 'in', ids).where(visibleTo(actor, PERSONS)).execute()
}

export function findVisiblePerson(db: Db, actor: Actor, id: string) {
  return db.selectFrom('persons').selectAll().where('id', '=', id).where(visibleTo(actor, PERSONS)).executeTakeFirst()
}

export function findSituationByCode(db: Db, code: string) {
  return db.selectFrom('situations').select('id').where('code', '=', code).executeTakeFirst()
}

export function findCaseByCode(db: Db, code: string) {
  return db.selectFrom('cases').select('id').where('code', '=', code).executeTakeFirst()
}

/** Which of these person ids exist (reference loading; not a visibility read). */
export function findPersonIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([])
  return db.selectFrom('persons').select('id').where('id', 'in', ids).execute()
}

export function findOrganisation(db: Db, code: string) {
  return db.selectFrom('organisations').select(['code', 'kind']).where('code', '=', code).executeTakeFirst()
}

export async function insertSituations(db: Db, rows: NewSituationRow[]) {
  if (rows.length > 0) await db.insertInto('situations').values(rows).execute()
}

export async function insertCases(db: Db, rows: NewCaseRow[]) {
  if (rows.length > 0) await db.insertInto('cases').values(rows).execute()
}

export async function insertPersons(db: Db, rows: NewPersonRow[]) {
  if (rows.length > 0) await db.insertInto('persons').values(rows).execute()
}

type Changed = Record<string, { from: unknown; to: unknown }>

/**
 * Writes a change only if each column still holds the value it was read with (`from`), and says
 * how many rows it wrote (0 or 1). Under PostgreSQL's read committed, a concurrent change commits
 * between our read and our write; the row is then written against its new values only if they
 * still match, so the trail's "before" is never a value that was already gone. (SQLite has one
 * writer, and a transaction that read an older row cannot write over a newer one.)
 */
export async function updateIfUnchanged(
  db: Db,
  table: 'situations' | 'cases' | 'persons',
  id: string,
  changes: Changed,
  updatedAt: string,
): Promise<number> {
  const values = Object.fromEntries(Object.entries(changes).map(([column, change]) => [column, change.to]))
  let query = db
    .updateTable(table)
    .set({ ...values, updated_at: updatedAt })
    .where('id', '=', id)
  for (const [column, change] of Object.entries(changes))
    query = query.where(sql.ref(column), change.from === null ? 'is' : '=', change.from as string | null)
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export async function insertNamedOrganisation(db: Db, recordType: string, recordId: string, orgCode: string) {
  await db
    .insertInto('record_recipients')
    .values({ record_type: recordType, record_id: recordId, kind: 'named', org_code: orgCode, user_id: null })
    .execute()
}

export async function deleteDemoSituations(db: Db) {
  const persons = db.selectFrom('persons').select('id').where('is_demo', '=', fromBool(true))
  const cases = db.selectFrom('cases').select('id').where('is_demo', '=', fromBool(true))
  const situations = db.selectFrom('situations').select('id').where('is_demo', '=', fromBool(true))
  for (const [type, ids] of [
    [PERSON_RECORD, persons],
    [CASE_RECORD, cases],
    [SITUATION_RECORD, situations],
  ] as const) {
    await db.deleteFrom('record_recipients').where('record_type', '=', type).where('record_id', 'in', ids).execute()
  }
  await db.deleteFrom('persons').where('is_demo', '=', fromBool(true)).execute()
  await db.deleteFrom('cases').where('is_demo', '=', fromBool(true)).execute()
  await db.deleteFrom('situations').where('is_demo', '=', fromBool(true)).execute()
}
