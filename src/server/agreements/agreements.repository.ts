import { deleteRecordAccess, recordClassificationChange } from '../access/record-access.ts'
import { protectedColumns, visibleTo } from '../access/visibility.ts'
import type { Actor } from '../context.ts'
import type { Db } from '../db/database.ts'
import { fromBool, toJson } from '../db/values.ts'

// Agreements are protected records: every query here goes through visibleTo().
export const AGREEMENT_RECORD = 'agreement'
const AGREEMENTS = protectedColumns('agreements', AGREEMENT_RECORD)

export type AgreementFilters = { iso3?: string; kind?: string; classification?: string }

export function listVisibleAgreements(
  db: Db,
  actor: Actor,
  filters: AgreementFilters,
  afterId: string | null,
  limit: number,
) {
  let query = db.selectFrom('agreements').selectAll().where(visibleTo(actor, AGREEMENTS))
  if (filters.iso3) query = query.where('iso3', '=', filters.iso3)
  if (filters.kind) query = query.where('kind', '=', filters.kind)
  if (filters.classification) query = query.where('classification', '=', filters.classification)
  if (afterId) query = query.where('id', '>', afterId)
  return query.orderBy('id').limit(limit).execute()
}

export async function countVisibleAgreements(db: Db, actor: Actor, filters: AgreementFilters): Promise<number> {
  let query = db
    .selectFrom('agreements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(visibleTo(actor, AGREEMENTS))
  if (filters.iso3) query = query.where('iso3', '=', filters.iso3)
  if (filters.kind) query = query.where('kind', '=', filters.kind)
  if (filters.classification) query = query.where('classification', '=', filters.classification)
  return Number((await query.executeTakeFirstOrThrow()).n)
}

export function findVisibleAgreement(db: Db, actor: Actor, id: string) {
  return db
    .selectFrom('agreements')
    .selectAll()
    .where('id', '=', id)
    .where(visibleTo(actor, AGREEMENTS))
    .executeTakeFirst()
}

export async function setAgreementClassification(db: Db, id: string, classification: string, nowIso: string) {
  await db.updateTable('agreements').set({ classification, updated_at: nowIso }).where('id', '=', id).execute()
}

/** A decision on an agreement's classification, kept in its history (access/record-access.ts). */
export function insertClassificationChange(
  db: Db,
  row: { recordId: string; from: string; to: string; legalBasis: string; decidedBy: string; nowIso: string },
) {
  return recordClassificationChange(db, AGREEMENT_RECORD, row)
}

export function listClassificationHistory(db: Db, id: string) {
  return db
    .selectFrom('classification_history')
    .selectAll()
    .where('record_type', '=', AGREEMENT_RECORD)
    .where('record_id', '=', id)
    .orderBy('decided_at')
    .execute()
}

export type NewProtectedAgreement = {
  id: string
  iso3: string
  kind: string
  title: string
  status: string
  dateSigned: string | null
  notes: string | null
  classification: string
  compartmentCode: string | null
  exParteParty: string | null
  recipients: { kind: 'addressee' | 'named'; orgCode?: string; userId?: string }[]
}

/** Demo and tests: an agreement with its need-to-know (compartment, ex parte party, recipients). */
export async function insertProtectedAgreement(db: Db, a: NewProtectedAgreement) {
  await db
    .insertInto('agreements')
    .values({
      id: a.id,
      iso3: a.iso3,
      kind: a.kind,
      title: a.title,
      status: a.status,
      date_signed: a.dateSigned,
      entry_into_force_date: null,
      person: null,
      notes: a.notes,
      classification: a.classification,
      compartment_code: a.compartmentCode,
      ex_parte_party: a.exParteParty,
      is_demo: fromBool(true),
      source_keys: toJson([]),
      verified: fromBool(false),
      origin: 'admin',
    })
    .execute()
  if (a.recipients.length > 0) {
    await db
      .insertInto('record_recipients')
      .values(
        a.recipients.map((r) => ({
          record_type: AGREEMENT_RECORD,
          record_id: a.id,
          kind: r.kind,
          org_code: r.orgCode ?? null,
          user_id: r.userId ?? null,
        })),
      )
      .execute()
  }
}

export async function insertDelegation(db: Db, recordId: string, userId: string, delegatedBy: string, nowIso: string) {
  await db
    .insertInto('record_delegations')
    .values({
      record_type: AGREEMENT_RECORD,
      record_id: recordId,
      user_id: userId,
      delegated_by: delegatedBy,
      delegated_at: nowIso,
    })
    .execute()
}

export async function deleteDemoAgreements(db: Db) {
  const ids = (await db.selectFrom('agreements').select('id').where('is_demo', '=', fromBool(true)).execute()).map(
    (r) => r.id,
  )
  if (ids.length === 0) return
  await deleteRecordAccess(db, AGREEMENT_RECORD, ids)
  await db
    .deleteFrom('classification_history')
    .where('record_type', '=', AGREEMENT_RECORD)
    .where('record_id', 'in', ids)
    .execute()
  await db.deleteFrom('agreements').where('id', 'in', ids).execute()
}
