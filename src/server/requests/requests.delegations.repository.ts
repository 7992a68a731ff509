import type { Db } from '../db/database.ts'
import { REQUEST_RECORD } from './requests.repository.ts'

// The SQL of delegations (requests.delegations.ts): a State's focal point hands a request to one of
// its officers, who then sees it through the visibility rule's record_delegations check.

export async function isDelegatedTo(db: Db, requestId: string, userId: string) {
  const row = await db
    .selectFrom('record_delegations')
    .select('user_id')
    .where('record_type', '=', REQUEST_RECORD)
    .where('record_id', '=', requestId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row !== undefined
}

export async function insertDelegations(
  db: Db,
  rows: { recordId: string; userId: string; delegatedBy: string; nowIso: string }[],
) {
  if (rows.length === 0) return
  await db
    .insertInto('record_delegations')
    .values(
      rows.map((r) => ({
        record_type: REQUEST_RECORD,
        record_id: r.recordId,
        user_id: r.userId,
        delegated_by: r.delegatedBy,
        delegated_at: r.nowIso,
      })),
    )
    .execute()
}

export function listDelegations(db: Db, requestId: string) {
  return db
    .selectFrom('record_delegations')
    .select(['user_id', 'delegated_by', 'delegated_at'])
    .where('record_type', '=', REQUEST_RECORD)
    .where('record_id', '=', requestId)
    .orderBy('delegated_at')
    .orderBy('user_id')
    .execute()
}

/** Delegates a request to a user; false when it already was (two concurrent delegations: one wins). */
export async function insertDelegationIfAbsent(
  db: Db,
  row: { recordId: string; userId: string; delegatedBy: string; nowIso: string },
) {
  const result = await db
    .insertInto('record_delegations')
    .values({
      record_type: REQUEST_RECORD,
      record_id: row.recordId,
      user_id: row.userId,
      delegated_by: row.delegatedBy,
      delegated_at: row.nowIso,
    })
    .onConflict((oc) => oc.columns(['record_type', 'record_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst()
  return result !== undefined
}

/** Removes one delegation; false when there was none. */
export async function deleteDelegation(db: Db, requestId: string, userId: string) {
  const result = await db
    .deleteFrom('record_delegations')
    .where('record_type', '=', REQUEST_RECORD)
    .where('record_id', '=', requestId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
