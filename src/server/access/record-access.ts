import type { SelectQueryBuilder } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Database } from '../db/tables.ts'
import type { ClassificationDecision } from './classification.ts'

/**
 * Removes the need-to-know rows (recipients, delegations) of records being deleted. These rows
 * belong to the access mechanism, so every feature deletes them through here.
 */
export async function deleteRecordAccess(
  db: Db,
  recordType: string,
  ids: readonly string[] | SelectQueryBuilder<Database, any, { id: string }>,
) {
  if (Array.isArray(ids) && ids.length === 0) return
  for (const table of ['record_recipients', 'record_delegations'] as const) {
    await db
      .deleteFrom(table)
      .where('record_type', '=', recordType)
      .where('record_id', 'in', ids as never)
      .execute()
  }
}

/** Whether the organisation is named on the record (a named recipient: it may know of it). */
export async function isNamedOrganisation(db: Db, recordType: string, recordId: string, orgCode: string) {
  const row = await db
    .selectFrom('record_recipients')
    .select('record_id')
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .where('kind', '=', 'named')
    .where('org_code', '=', orgCode)
    .executeTakeFirst()
  return row !== undefined
}

/** Un-names the organisation on the record (a case's former Defence team, say): it may no longer know of it. */
export async function removeNamedOrganisation(db: Db, recordType: string, recordId: string, orgCode: string) {
  await db
    .deleteFrom('record_recipients')
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .where('kind', '=', 'named')
    .where('org_code', '=', orgCode)
    .execute()
}

/**
 * Keeps a decision on a record's classification (a seal lifted, a record sealed) in its history,
 * with its legal basis: every feature records it through here, in the decision's transaction.
 */
export async function recordClassificationChange(
  db: Db,
  recordType: string,
  change: { recordId: string; from: string; to: string; legalBasis: string; decidedBy: string; nowIso: string },
) {
  await db
    .insertInto('classification_history')
    .values({
      record_type: recordType,
      record_id: change.recordId,
      from_classification: change.from,
      to_classification: change.to,
      legal_basis: change.legalBasis,
      decided_by: change.decidedBy,
      decided_at: change.nowIso,
    })
    .execute()
}

/** The decisions on a record's classification, oldest first, as the record shows them. */
export async function listClassificationDecisions(
  db: Db,
  recordType: string,
  recordId: string,
): Promise<ClassificationDecision[]> {
  const rows = await db
    .selectFrom('classification_history')
    .select(['from_classification', 'to_classification', 'legal_basis', 'decided_at'])
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('decided_at')
    .execute()
  return rows.map((r) => ({
    from: r.from_classification as ClassificationDecision['from'],
    to: r.to_classification as ClassificationDecision['to'],
    legalBasis: r.legal_basis,
    decidedAt: r.decided_at,
  }))
}
