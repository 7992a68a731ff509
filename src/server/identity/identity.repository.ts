import type { Updateable } from 'kysely'
import type { Db } from '../db/database.ts'
import { executeCached, ID_VALUE } from '../db/query-cache.ts'
import { fromBool } from '../db/values.ts'
import type { NewUserRow, OrganisationKind, UserTable } from './identity.table.ts'

export function listOrganisations(db: Db) {
  return db.selectFrom('organisations').selectAll().orderBy('kind').orderBy('code').execute()
}

// findOrganisation, findUserById and listCompartmentsOfUser run on every signed-in call (the
// actor is loaded afresh each time): compiled once (db/query-cache.ts).
export async function findOrganisation(db: Db, code: string) {
  const [row] = await executeCached(
    db,
    ['identity.organisation'],
    () => db.selectFrom('organisations').selectAll().where('code', '=', ID_VALUE),
    { id: code },
  )
  return row
}

export async function upsertOrganisations(
  db: Db,
  rows: { code: string; kind: OrganisationKind; nameEn: string; nameFr: string; isDemo?: boolean }[],
) {
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('organisations')
      .values(
        rows.slice(i, i + 100).map((r) => ({
          code: r.code,
          kind: r.kind,
          name_en: r.nameEn,
          name_fr: r.nameFr,
          is_demo: fromBool(r.isDemo ?? false),
        })),
      )
      .onConflict((oc) =>
        oc
          .column('code')
          .doUpdateSet((eb) => ({ name_en: eb.ref('excluded.name_en'), name_fr: eb.ref('excluded.name_fr') })),
      )
      .execute()
  }
}

export function listCompartments(db: Db) {
  return db.selectFrom('compartments').selectAll().orderBy('code').execute()
}

export function findCompartment(db: Db, code: string) {
  return db.selectFrom('compartments').selectAll().where('code', '=', code).executeTakeFirst()
}

export async function insertCompartment(db: Db, row: { code: string; name: string; isDemo: boolean; nowIso: string }) {
  await db
    .insertInto('compartments')
    .values({ code: row.code, name: row.name, is_demo: fromBool(row.isDemo), created_at: row.nowIso })
    .execute()
}

export async function findUserById(db: Db, id: string) {
  const [row] = await executeCached(
    db,
    ['identity.userById'],
    () => db.selectFrom('users').selectAll().where('id', '=', ID_VALUE),
    { id },
  )
  return row
}

export function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst()
}

export function findUserByOidcSubject(db: Db, issuer: string, subject: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('oidc_issuer', '=', issuer)
    .where('oidc_subject', '=', subject)
    .executeTakeFirst()
}

export function listUsers(db: Db) {
  return db.selectFrom('users').selectAll().orderBy('org_code').orderBy('email').execute()
}

export async function insertUser(db: Db, row: NewUserRow) {
  await db.insertInto('users').values(row).execute()
}

export async function updateUser(db: Db, id: string, update: Updateable<UserTable>) {
  await db.updateTable('users').set(update).where('id', '=', id).execute()
}

export async function listCompartmentsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await executeCached(
    db,
    ['identity.compartmentsOfUser'],
    () =>
      db
        .selectFrom('user_compartments')
        .select('compartment_code')
        .where('user_id', '=', ID_VALUE)
        .orderBy('compartment_code'),
    { id: userId },
  )
  return rows.map((r) => r.compartment_code)
}

export async function listCompartmentsOfUsers(db: Db, userIds: string[]) {
  if (userIds.length === 0) return []
  return db.selectFrom('user_compartments').selectAll().where('user_id', 'in', userIds).execute()
}

export async function replaceUserCompartments(db: Db, userId: string, codes: string[]) {
  await db.deleteFrom('user_compartments').where('user_id', '=', userId).execute()
  if (codes.length > 0) {
    await db
      .insertInto('user_compartments')
      .values(codes.map((code) => ({ user_id: userId, compartment_code: code })))
      .execute()
  }
}

export async function replaceRecoveryCodes(db: Db, userId: string, hashes: string[]) {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute()
  if (hashes.length > 0) {
    await db
      .insertInto('recovery_codes')
      .values(hashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null })))
      .execute()
  }
}

/** Marks a recovery code used; true only for the one call that used it. */
export async function consumeRecoveryCode(db: Db, userId: string, codeHash: string, nowIso: string): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: nowIso })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Records the accepted TOTP step; false when another request already accepted this or a later one. */
export async function advanceMfaStep(db: Db, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ mfa_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('mfa_last_step', 'is', null), eb('mfa_last_step', '<', step)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function countDemoUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('is_demo', '=', fromBool(true))
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export function listUserCardsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([])
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'email', 'org_code', 'role', 'status'])
    .where('id', 'in', [...ids])
    .execute()
}

export function listActiveUserCardsOf(db: Db, orgCode: string, role: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'email', 'org_code', 'role', 'status'])
    .where('org_code', '=', orgCode)
    .where('role', '=', role)
    .where('status', '=', 'active')
    .orderBy('display_name')
    .orderBy('id')
    .execute()
}
