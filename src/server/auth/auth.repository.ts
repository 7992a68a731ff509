import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { isSqlite } from '../db/dialect.ts'
import { executeCached, ID_VALUE } from '../db/query-cache.ts'
import { toJson } from '../db/values.ts'
import type { SessionRow, SessionTable } from '../identity/identity.table.ts'

export async function insertSession(db: Db, row: SessionTable) {
  await db.insertInto('sessions').values(row).execute()
}

const SESSION_COLUMNS = [
  'id_hash',
  'user_id',
  'state',
  'csrf_token',
  'created_at',
  'last_seen_at',
  'idle_expires_at',
  'absolute_expires_at',
  'ip',
  'user_agent',
  'revoked_at',
] as const satisfies readonly (keyof SessionRow)[]

/**
 * A browser session with its user and what their actor needs (organisation kind, compartments),
 * in one statement compiled once (db/query-cache.ts), as for a token (findApiTokenWithActor): it
 * runs on every request of a signed-in browser. The session's columns come back as `s_<name>`
 * beside the user's (both have a `created_at`). Undefined when either is missing.
 */
export async function findSessionWithUser(db: Db, idHash: string) {
  const [row] = await executeCached(
    db,
    ['auth.sessionWithUser'],
    () =>
      db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .innerJoin('organisations as o', 'o.code', 'u.org_code')
        .selectAll('u')
        .select(SESSION_COLUMNS.map((c) => `s.${c} as s_${c}` as const))
        .select('o.kind as org_kind')
        .select(compartmentsOfUser(db))
        .where('s.id_hash', '=', ID_VALUE),
    { id: idHash },
  )
  if (!row) return undefined
  const session = Object.fromEntries(SESSION_COLUMNS.map((c) => [c, row[`s_${c}`]])) as SessionRow
  const user = Object.fromEntries(Object.entries(row).filter(([key]) => !key.startsWith('s_'))) as Omit<
    typeof row,
    `s_${(typeof SESSION_COLUMNS)[number]}`
  >
  return { session, user }
}

/** The compartments of the user `u` as a JSON array text, sorted: part of an actor's statement. */
function compartmentsOfUser(db: Db) {
  return (
    isSqlite(db)
      ? sql<string>`(select json_group_array(c.compartment_code) from
          (select compartment_code from user_compartments where user_id = u.id order by compartment_code) c)`
      : sql<string>`(select coalesce(json_agg(compartment_code order by compartment_code), '[]')
          from user_compartments where user_id = u.id)`
  ).as('compartments')
}

export async function touchSession(db: Db, idHash: string, lastSeenAt: string, idleExpiresAt: string) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, idle_expires_at: idleExpiresAt })
    .where('id_hash', '=', idHash)
    .execute()
}

export async function revokeSession(db: Db, idHash: string, nowIso: string) {
  await db
    .updateTable('sessions')
    .set({ revoked_at: nowIso })
    .where('id_hash', '=', idHash)
    .where('revoked_at', 'is', null)
    .execute()
}

export async function revokeSessionsOfUser(db: Db, userId: string, nowIso: string) {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: nowIso })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export function listActiveSessionsOfUser(db: Db, userId: string, nowIso: string) {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('absolute_expires_at', '>', nowIso)
    .where('idle_expires_at', '>', nowIso)
    .orderBy('created_at', 'desc')
    .execute()
}

export async function insertApiToken(
  db: Db,
  row: {
    id: string
    userId: string
    name: string
    tokenHash: string
    scopes: string[]
    createdAt: string
    expiresAt: string
  },
) {
  await db
    .insertInto('api_tokens')
    .values({
      id: row.id,
      user_id: row.userId,
      name: row.name,
      token_hash: row.tokenHash,
      scopes: toJson(row.scopes),
      created_at: row.createdAt,
      expires_at: row.expiresAt,
      revoked_at: null,
      last_used_at: null,
    })
    .execute()
}

// Run on every API call: compiled once (db/query-cache.ts).
/**
 * A token with everything its caller's actor needs — the user, their organisation and their
 * compartments — in one statement: a token is resolved on every API call, and four statements
 * cost about half of a cheap call's time (`npm run bench`: /healthz with a token 0.34 ms of CPU,
 * without 0.17).
 */
export async function findApiTokenWithActor(db: Db, tokenHash: string) {
  const [row] = await executeCached(
    db,
    ['auth.tokenWithActor'],
    () =>
      db
        .selectFrom('api_tokens as t')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .innerJoin('organisations as o', 'o.code', 'u.org_code')
        .select([
          't.id',
          't.user_id',
          't.scopes',
          't.revoked_at',
          't.expires_at',
          't.last_used_at',
          'u.email',
          'u.display_name',
          'u.role',
          'u.status',
          'o.code as org_code',
          'o.kind as org_kind',
        ])
        .select(compartmentsOfUser(db))
        .where('t.token_hash', '=', ID_VALUE),
    { id: tokenHash },
  )
  return row
}

export function listApiTokensOfUser(db: Db, userId: string) {
  return db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute()
}

export async function markApiTokenUsed(db: Db, id: string, nowIso: string) {
  await db.updateTable('api_tokens').set({ last_used_at: nowIso }).where('id', '=', id).execute()
}

export async function revokeApiToken(db: Db, userId: string, id: string, nowIso: string) {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: nowIso })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function insertLoginFailures(db: Db, keys: string[], nowIso: string) {
  await db
    .insertInto('login_failures')
    .values(keys.map((throttle_key) => ({ throttle_key, failed_at: nowIso })))
    .execute()
}

export async function countLoginFailuresSince(db: Db, key: string, sinceIso: string): Promise<number> {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('throttle_key', '=', key)
    .where('failed_at', '>', sinceIso)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function clearLoginFailures(db: Db, key: string) {
  await db.deleteFrom('login_failures').where('throttle_key', '=', key).execute()
}

export async function pruneLoginFailures(db: Db, beforeIso: string) {
  await db.deleteFrom('login_failures').where('failed_at', '<', beforeIso).execute()
}
