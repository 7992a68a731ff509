import { sql } from 'kysely'
import { deleteRecordAccess } from '../access/record-access.ts'
import type { Db } from '../db/database.ts'
import { executeCached, ID_VALUE } from '../db/query-cache.ts'
import { fromBool } from '../db/values.ts'
import { REQUEST_RECORD } from './requests.repository.ts'
import type {
  DeadlineChangeTable,
  NewRequestEventRow,
  NewRequestRow,
  RequestReceiptTable,
  RequestUpdate,
} from './requests.table.ts'

// The records of a request and what hangs on it — reference numbers, persons, events, recipients,
// receipts, deadline changes — written and read by id. Who may see a request at all is decided
// before any of these runs, by the queries of requests.repository.ts (visibleTo()).

/**
 * The next number of an organ's series for a year. One atomic upsert on the counter row: two
 * concurrent transactions on PostgreSQL queue on the row lock; SQLite has one writer at a time.
 */
export async function takeReferenceNumber(db: Db, organ: string, year: number): Promise<number> {
  const row = await db
    .insertInto('reference_counters')
    .values({ organ_code: organ, year, last_value: 1 })
    .onConflict((oc) =>
      oc.columns(['organ_code', 'year']).doUpdateSet({ last_value: sql`reference_counters.last_value + 1` }),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow()
  return Number(row.last_value)
}

export async function insertRequests(db: Db, rows: NewRequestRow[]) {
  if (rows.length > 0) await db.insertInto('requests').values(rows).execute()
}

export async function insertRequestPersons(db: Db, rows: { request_id: string; person_id: string }[]) {
  if (rows.length > 0) await db.insertInto('request_persons').values(rows).execute()
}

export async function replaceRequestPersons(db: Db, requestId: string, personIds: readonly string[]) {
  await db.deleteFrom('request_persons').where('request_id', '=', requestId).execute()
  await insertRequestPersons(
    db,
    personIds.map((person_id) => ({ request_id: requestId, person_id })),
  )
}

export async function insertRequestWarrants(db: Db, rows: { request_id: string; warrant_id: string }[]) {
  if (rows.length > 0) await db.insertInto('request_warrants').values(rows).execute()
}

export async function replaceRequestWarrants(db: Db, requestId: string, warrantIds: readonly string[]) {
  await db.deleteFrom('request_warrants').where('request_id', '=', requestId).execute()
  await insertRequestWarrants(
    db,
    warrantIds.map((warrant_id) => ({ request_id: requestId, warrant_id })),
  )
}

// The reads of one request's parts run for every request page shown: compiled once each.

export async function listRequestPersonIds(db: Db, requestId: string) {
  const rows = await executeCached(
    db,
    ['requests.personIds'],
    () => db.selectFrom('request_persons').select('person_id').where('request_id', '=', ID_VALUE),
    { id: requestId },
  )
  return rows.map((r) => r.person_id)
}

export async function listRequestWarrantIds(db: Db, requestId: string) {
  const rows = await executeCached(
    db,
    ['requests.warrantIds'],
    () =>
      db.selectFrom('request_warrants').select('warrant_id').where('request_id', '=', ID_VALUE).orderBy('warrant_id'),
    { id: requestId },
  )
  return rows.map((r) => r.warrant_id)
}

export async function insertRequestEvents(db: Db, rows: NewRequestEventRow[]) {
  if (rows.length > 0) await db.insertInto('request_events').values(rows).execute()
}

/** The next step number of a request's timeline (the caller holds the request's row by its status update). */
export async function nextEventSeq(db: Db, requestId: string): Promise<number> {
  const row = await db
    .selectFrom('request_events')
    .select((eb) => eb.fn.max('seq').as('last'))
    .where('request_id', '=', requestId)
    .executeTakeFirst()
  return Number(row?.last ?? 0) + 1
}

export function listRequestEvents(db: Db, requestId: string) {
  return executeCached(
    db,
    ['requests.events'],
    () => db.selectFrom('request_events').selectAll().where('request_id', '=', ID_VALUE).orderBy('seq'),
    { id: requestId },
  )
}

export async function updateRequest(db: Db, id: string, set: RequestUpdate) {
  await db.updateTable('requests').set(set).where('id', '=', id).execute()
}

/** Moves the request on only if nobody moved it first: the from-status is part of the update. */
export async function updateRequestIfStatus(db: Db, id: string, fromStatus: string, set: RequestUpdate) {
  const result = await db
    .updateTable('requests')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', fromStatus)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Names organisations on requests. The addressee is never a row: the request's own column says it. */
export async function insertRecipients(db: Db, rows: { recordId: string; kind: 'named'; orgCode: string }[]) {
  if (rows.length === 0) return
  await db
    .insertInto('record_recipients')
    .values(
      rows.map((r) => ({
        record_type: REQUEST_RECORD,
        record_id: r.recordId,
        kind: r.kind,
        org_code: r.orgCode,
        user_id: null,
      })),
    )
    .execute()
}

export async function insertReceipts(db: Db, rows: RequestReceiptTable[]) {
  if (rows.length > 0) await db.insertInto('request_receipts').values(rows).execute()
}

export function listReceipts(db: Db, requestId: string) {
  return db
    .selectFrom('request_receipts')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('issued_at')
    .execute()
}

export async function insertDeadlineChanges(db: Db, rows: DeadlineChangeTable[]) {
  if (rows.length > 0) await db.insertInto('deadline_changes').values(rows).execute()
}

export function listDeadlineChanges(db: Db, requestId: string) {
  return executeCached(
    db,
    ['requests.deadlineChanges'],
    () => db.selectFrom('deadline_changes').selectAll().where('request_id', '=', ID_VALUE).orderBy('changed_at'),
    { id: requestId },
  )
}

export function findRequestType(db: Db, code: string) {
  return db
    .selectFrom('request_types')
    .select(['code', 'category', 'ref', 'label'])
    .where('code', '=', code)
    .executeTakeFirst()
}

export function listOrganisationsByCodes(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([])
  return db
    .selectFrom('organisations')
    .leftJoin('states', 'states.iso3', 'organisations.code')
    .select(['organisations.code', 'organisations.kind', 'states.rome_status'])
    .where('organisations.code', 'in', [...codes])
    .execute()
}

export async function deleteDemoRequests(db: Db) {
  const ids = db.selectFrom('requests').select('id').where('is_demo', '=', fromBool(true))
  await deleteRecordAccess(db, REQUEST_RECORD, ids)
  for (const table of [
    'request_receipts',
    'deadline_changes',
    'request_events',
    'request_persons',
    'request_warrants',
  ] as const) {
    await db.deleteFrom(table).where('request_id', 'in', ids).execute()
  }
  await db.deleteFrom('requests').where('is_demo', '=', fromBool(true)).execute()
}
