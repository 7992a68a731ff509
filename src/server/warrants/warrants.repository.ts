import { type ExpressionBuilder, sql } from 'kysely'
import { deleteRecordAccess, recordClassificationChange } from '../access/record-access.ts'
import { protectedColumns, visibleTo } from '../access/visibility.ts'
import type { Actor } from '../context.ts'
import type { Db } from '../db/database.ts'
import type { Database } from '../db/tables.ts'
import { fromBool } from '../db/values.ts'
import type { NewPersonPhotoRow, NewWarrantRow, NewWarrantStatusEventRow, WarrantRow } from './warrants.table.ts'

// Warrants are protected records of their own; a person sought is a person (situations feature)
// with at least one warrant the caller may see. Every read goes through visibleTo() on both.
export const WARRANT_RECORD = 'warrant'
export const PERSON_RECORD = 'person'
const WARRANTS = protectedColumns('w', WARRANT_RECORD)
const PERSONS = protectedColumns('persons', PERSON_RECORD)

export type PersonsSoughtFilters = { status?: string; situationId?: string; atLarge?: boolean; q?: string }

type Eb = ExpressionBuilder<Database, 'persons'>

/** The person has a warrant this actor may see, matching `extra` when given. */
function hasVisibleWarrant(actor: Actor, eb: Eb, extra?: { status?: string; kind?: string }) {
  let sub = eb
    .selectFrom('warrants as w')
    .select(sql`1`.as('one'))
    .whereRef('w.person_id', '=', 'persons.id')
    .where(visibleTo(actor, WARRANTS))
  if (extra?.status) sub = sub.where('w.status', '=', extra.status)
  if (extra?.kind) sub = sub.where('w.kind', '=', extra.kind as never)
  return eb.exists(sub)
}

/** LIKE pattern for words of a name or alias, wildcards in the input taken literally. */
function containsPattern(q: string) {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

function personsSoughtQuery(db: Db, actor: Actor, f: PersonsSoughtFilters) {
  let query = db
    .selectFrom('persons')
    .where(visibleTo(actor, PERSONS))
    .where((eb) => hasVisibleWarrant(actor, eb))
  if (f.situationId) query = query.where('persons.situation_id', '=', f.situationId)
  if (f.status) {
    const status = f.status
    query = query.where((eb) => hasVisibleWarrant(actor, eb, { status }))
  }
  if (f.atLarge !== undefined) {
    const atLarge = (eb: Eb) => hasVisibleWarrant(actor, eb, { status: 'at_large', kind: 'arrest_warrant' })
    query = query.where((eb) => (f.atLarge ? atLarge(eb) : eb.not(atLarge(eb))))
  }
  if (f.q) {
    const pattern = containsPattern(f.q)
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(persons.name)`, 'like', sql`${pattern} escape '\\'`),
        eb.exists(
          eb
            .selectFrom('person_sought_details as d')
            .select(sql`1`.as('one'))
            .whereRef('d.person_id', '=', 'persons.id')
            .where(sql`lower(cast(d.aliases as text))`, 'like', sql`${pattern} escape '\\'`),
        ),
      ]),
    )
  }
  return query
}

export function listVisiblePersonsSought(
  db: Db,
  actor: Actor,
  filters: PersonsSoughtFilters,
  after: { name: string; id: string } | null,
  limit: number,
) {
  let query = personsSoughtQuery(db, actor, filters).selectAll('persons')
  if (after) {
    const { name, id } = after
    query = query.where((eb) =>
      eb.or([eb('persons.name', '>', name), eb.and([eb('persons.name', '=', name), eb('persons.id', '>', id)])]),
    )
  }
  return query.orderBy('persons.name').orderBy('persons.id').limit(limit).execute()
}

export async function countVisiblePersonsSought(db: Db, actor: Actor, filters: PersonsSoughtFilters) {
  const row = await personsSoughtQuery(db, actor, filters)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export function findVisiblePersonSought(db: Db, actor: Actor, personId: string) {
  return personsSoughtQuery(db, actor, {}).selectAll('persons').where('persons.id', '=', personId).executeTakeFirst()
}

export function findVisiblePerson(db: Db, actor: Actor, personId: string) {
  return db
    .selectFrom('persons')
    .selectAll()
    .where('persons.id', '=', personId)
    .where(visibleTo(actor, PERSONS))
    .executeTakeFirst()
}

export function listVisibleWarrantsOfPersons(db: Db, actor: Actor, personIds: readonly string[]) {
  if (personIds.length === 0) return Promise.resolve([] as WarrantRow[])
  return db
    .selectFrom('warrants as w')
    .selectAll()
    .where('w.person_id', 'in', personIds)
    .where(visibleTo(actor, WARRANTS))
    .orderBy('w.issued_on')
    .orderBy('w.id')
    .execute()
}

export type WarrantFilters = { personId?: string; status?: string; kind?: string; situationId?: string }

export function listVisibleWarrants(db: Db, actor: Actor, f: WarrantFilters, afterId: string | null, limit: number) {
  let query = db.selectFrom('warrants as w').selectAll().where(visibleTo(actor, WARRANTS))
  // A warrant whose person the caller may not see is not listed either.
  query = query.where((eb) => {
    let person = eb
      .selectFrom('persons')
      .select(sql`1`.as('one'))
      .whereRef('persons.id', '=', 'w.person_id')
      .where(visibleTo(actor, PERSONS))
    if (f.situationId) person = person.where('persons.situation_id', '=', f.situationId)
    return eb.exists(person)
  })
  if (f.personId) query = query.where('w.person_id', '=', f.personId)
  if (f.status) query = query.where('w.status', '=', f.status)
  if (f.kind) query = query.where('w.kind', '=', f.kind as never)
  if (afterId) query = query.where('w.id', '>', afterId)
  return query.orderBy('w.id').limit(limit).execute()
}

export function findVisibleWarrant(db: Db, actor: Actor, id: string) {
  return db
    .selectFrom('warrants as w')
    .selectAll()
    .where('w.id', '=', id)
    .where(visibleTo(actor, WARRANTS))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('persons')
          .select(sql`1`.as('one'))
          .whereRef('persons.id', '=', 'w.person_id')
          .where(visibleTo(actor, PERSONS)),
      ),
    )
    .executeTakeFirst()
}

export function listStatusEvents(db: Db, warrantIds: readonly string[]) {
  if (warrantIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('warrant_status_events')
    .selectAll()
    .where('warrant_id', 'in', warrantIds)
    .orderBy('warrant_id')
    .orderBy('seq')
    .execute()
}

export function listDetails(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return Promise.resolve([])
  return db.selectFrom('person_sought_details').selectAll().where('person_id', 'in', personIds).execute()
}

export function listClassificationHistory(db: Db, warrantIds: readonly string[]) {
  if (warrantIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('classification_history')
    .selectAll()
    .where('record_type', '=', WARRANT_RECORD)
    .where('record_id', 'in', warrantIds)
    .orderBy('decided_at')
    .execute()
}

export async function insertWarrant(db: Db, row: NewWarrantRow) {
  await db.insertInto('warrants').values(row).execute()
}

export async function insertNamedRecipients(db: Db, warrantId: string, orgCodes: readonly string[]) {
  if (orgCodes.length === 0) return
  await db
    .insertInto('record_recipients')
    .values(
      orgCodes.map((org) => ({
        record_type: WARRANT_RECORD,
        record_id: warrantId,
        kind: 'named' as const,
        org_code: org,
        user_id: null,
      })),
    )
    .execute()
}

export async function nextStatusSeq(db: Db, warrantId: string): Promise<number> {
  const row = await db
    .selectFrom('warrant_status_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('warrant_id', '=', warrantId)
    .executeTakeFirst()
  return Number(row?.seq ?? 0) + 1
}

export async function insertStatusEvent(db: Db, row: NewWarrantStatusEventRow) {
  await db.insertInto('warrant_status_events').values(row).execute()
}

/** Moves the status only if nobody moved it first; the number of rows changed says whether it did. */
export async function moveWarrantStatus(db: Db, id: string, from: string, to: string, nowIso: string, origin: string) {
  const result = await db
    .updateTable('warrants')
    .set({ status: to, updated_at: nowIso, origin: origin as never })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export async function unsealWarrant(
  db: Db,
  id: string,
  u: { to: string; unsealedOn: string; decision: string; nowIso: string },
) {
  await db
    .updateTable('warrants')
    .set({ classification: u.to, unsealed_on: u.unsealedOn, unsealing_decision: u.decision, updated_at: u.nowIso })
    .where('id', '=', id)
    .execute()
}

/** A decision on a  warrant's classification, kept in its history (access/record-access.ts). */
export function insertClassificationChange(
  db: Db,
  row: { recordId: string; from: string; to: string; legalBasis: string; decidedBy: string; nowIso: string },
) {
  return recordClassificationChange(db, WARRANT_RECORD, row)
}

export async function saveDetails(
  db: Db,
  row: { personId: string; aliases: string; nationalities: string; physicalDescription: string | null },
  origin: 'reference' | 'admin' | 'court',
  by: string,
  nowIso: string,
) {
  const values = {
    aliases: row.aliases,
    nationalities: row.nationalities,
    physical_description: row.physicalDescription,
    origin,
    updated_by: by,
    updated_at: nowIso,
  }
  await db
    .insertInto('person_sought_details')
    .values({ person_id: row.personId, ...values })
    .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
    .execute()
}

export function findDetails(db: Db, personId: string) {
  return db.selectFrom('person_sought_details').selectAll().where('person_id', '=', personId).executeTakeFirst()
}

export function findStateCodes(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([])
  return db.selectFrom('states').select('iso3').where('iso3', 'in', codes).execute()
}

export function findOrganisationCodes(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([])
  return db.selectFrom('organisations').select('code').where('code', 'in', codes).execute()
}

const PHOTO_META = [
  'id',
  'person_id',
  'filename',
  'media_type',
  'size_bytes',
  'sha256',
  'caption',
  'uploaded_by',
  'uploaded_by_org',
  'created_at',
] as const

export function listPhotos(db: Db, personId: string) {
  return db
    .selectFrom('person_photos')
    .select(PHOTO_META)
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .execute()
}

export function findPhotoWithContent(db: Db, personId: string, photoId: string) {
  return db
    .selectFrom('person_photos')
    .selectAll()
    .where('id', '=', photoId)
    .where('person_id', '=', personId)
    .executeTakeFirst()
}

export async function insertPhoto(db: Db, row: NewPersonPhotoRow) {
  await db.insertInto('person_photos').values(row).execute()
}

export async function deleteDemoWarrants(db: Db) {
  const ids = db.selectFrom('warrants').select('id').where('is_demo', '=', fromBool(true))
  const persons = db.selectFrom('persons').select('id').where('is_demo', '=', fromBool(true))
  await db.deleteFrom('warrant_status_events').where('warrant_id', 'in', ids).execute()
  await db
    .deleteFrom('classification_history')
    .where('record_type', '=', WARRANT_RECORD)
    .where('record_id', 'in', ids)
    .execute()
  await deleteRecordAccess(db, WARRANT_RECORD, ids)
  await db.deleteFrom('warrants').where('is_demo', '=', fromBool(true)).execute()
  await db.deleteFrom('person_photos').where('person_id', 'in', persons).execute()
  await db.deleteFrom('person_sought_details').where('person_id', 'in', persons).execute()
}

/**
 * A reference warrant and its status history. A warrant changed on the platform (origin no
 * longer 'reference') keeps its row and history as they are.
 */
export async function upsertReferenceWarrant(db: Db, row: NewWarrantRow, events: NewWarrantStatusEventRow[]) {
  const existing = await db.selectFrom('warrants').select('origin').where('id', '=', row.id).executeTakeFirst()
  if (existing && existing.origin !== 'reference') return
  if (existing) {
    const { id: _id, created_at: _created, ...update } = row
    await db.updateTable('warrants').set(update).where('id', '=', row.id).execute()
    await db.deleteFrom('warrant_status_events').where('warrant_id', '=', row.id).execute()
  } else {
    await db.insertInto('warrants').values(row).execute()
  }
  if (events.length > 0) await db.insertInto('warrant_status_events').values(events).execute()
}

/** Aliases from the reference file, unless someone corrected the details since. */
export async function upsertReferenceDetails(db: Db, personId: string, aliases: string, nowIso: string) {
  await db
    .insertInto('person_sought_details')
    .values({
      person_id: personId,
      aliases,
      nationalities: '[]',
      physical_description: null,
      origin: 'reference',
      updated_by: 'system:reference',
      updated_at: nowIso,
    })
    .onConflict((oc) =>
      oc
        .column('person_id')
        .doUpdateSet({ aliases, updated_at: nowIso })
        .where('person_sought_details.origin', '=', 'reference'),
    )
    .execute()
}
