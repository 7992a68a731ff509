import { randomUUID } from 'node:crypto'
import { recordAuditEvent } from '../audit/audit.service.ts'
import { assertPasswordAcceptable, hashPassword } from '../auth/passwords.ts'
import type { Ctx, UserActor } from '../context.ts'
import type { Db } from '../db/database.ts'
import { fromBool, toBool } from '../db/values.ts'
import { AppError } from '../errors.ts'
import * as repo from './identity.repository.ts'
import type { OrganisationKind, UserRow } from './identity.table.ts'
import { FIXED_ORGANISATIONS, isRoleAllowed, ROLES_BY_KIND } from './organisations.ts'

export type User = {
  id: string
  email: string
  name: string
  orgCode: string
  role: string
  status: 'active' | 'disabled'
  mfaEnabled: boolean
  hasPassword: boolean
  sso: boolean
  compartments: string[]
  isDemo: boolean
  createdAt: string
  lastLoginAt: string | null
}

export type Organisation = {
  code: string
  kind: OrganisationKind
  nameEn: string
  nameFr: string
  roles: readonly string[]
}

/** Administration is for administrators and for operators at the machine (the CLI). */
function assertCanAdminister(ctx: Ctx) {
  if (ctx.actor.kind === 'operator' || ctx.actor.kind === 'system') return
  if (ctx.actor.kind === 'user' && ctx.actor.role === 'admin') return
  throw new AppError('FORBIDDEN', 'Only administrators manage users and compartments')
}

export async function listOrganisations(ctx: Ctx): Promise<Organisation[]> {
  const rows = await repo.listOrganisations(ctx.db)
  return rows.map((r) => ({
    code: r.code,
    kind: r.kind,
    nameEn: r.name_en,
    nameFr: r.name_fr,
    roles: ROLES_BY_KIND[r.kind],
  }))
}

/** Loads the organisations that are not States; States are added by the States directory. */
export async function loadFixedOrganisations(db: Db, states: { iso3: string; nameEn: string; nameFr: string }[]) {
  await repo.upsertOrganisations(db, [
    ...FIXED_ORGANISATIONS,
    ...states.map((s) => ({ code: s.iso3, kind: 'state' as const, nameEn: s.nameEn, nameFr: s.nameFr })),
  ])
}

export async function createOrganisation(
  ctx: Ctx,
  input: { code: string; kind: OrganisationKind; nameEn: string; nameFr: string; isDemo?: boolean },
) {
  assertCanAdminister(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertOrganisations(trx, [input])
    await recordAuditEvent(ctx, trx, {
      action: 'organisation.created',
      recordType: 'organisation',
      recordId: input.code,
    })
  })
}

export async function listCompartments(ctx: Ctx) {
  const rows = await repo.listCompartments(ctx.db)
  return rows.map((r) => ({ code: r.code, name: r.name, isDemo: toBool(r.is_demo), createdAt: r.created_at }))
}

export async function createCompartment(ctx: Ctx, input: { code: string; name: string; isDemo?: boolean }) {
  assertCanAdminister(ctx)
  if (await repo.findCompartment(ctx.db, input.code)) {
    throw new AppError('COMPARTMENT_EXISTS', `Compartment ${input.code} already exists`)
  }
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertCompartment(trx, { ...input, isDemo: input.isDemo ?? false, nowIso: ctx.now().toISOString() })
    await recordAuditEvent(ctx, trx, {
      action: 'compartment.created',
      recordType: 'compartment',
      recordId: input.code,
      details: { name: input.name },
    })
  })
  return { code: input.code, name: input.name }
}

export type CreateUserInput = {
  email: string
  name: string
  orgCode: string
  role: string
  compartments?: string[]
  password?: string
  isDemo?: boolean
  mfaSecretSealed?: string
}

export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<User> {
  assertCanAdminister(ctx)
  const email = input.email.trim().toLowerCase()
  const org = await repo.findOrganisation(ctx.db, input.orgCode)
  if (!org) throw new AppError('ORGANISATION_NOT_FOUND', `No organisation ${input.orgCode} (see: partnine orgs)`)
  if (!isRoleAllowed(org.kind, input.role)) {
    throw new AppError(
      'ROLE_NOT_ALLOWED',
      `${org.code} (${org.kind}) cannot have role ${input.role}; allowed: ${ROLES_BY_KIND[org.kind].join(', ')}`,
    )
  }
  if (await repo.findUserByEmail(ctx.db, email))
    throw new AppError('EMAIL_TAKEN', `An account for ${email} already exists`)
  const compartments = [...new Set(input.compartments ?? [])]
  await assertCompartmentsExist(ctx.db, compartments)
  if (input.password !== undefined) {
    assertPasswordAcceptable(input.password, { hasMfa: input.mfaSecretSealed !== undefined, email, name: input.name })
  }
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null
  const id = randomUUID()
  const nowIso = ctx.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertUser(trx, {
      id,
      email,
      display_name: input.name,
      org_code: org.code,
      role: input.role,
      status: 'active',
      password_hash: passwordHash,
      mfa_secret: input.mfaSecretSealed ?? null,
      mfa_enabled: fromBool(input.mfaSecretSealed !== undefined),
      mfa_last_step: null,
      oidc_issuer: null,
      oidc_subject: null,
      is_demo: fromBool(input.isDemo ?? false),
      created_at: nowIso,
      updated_at: nowIso,
      last_login_at: null,
    })
    await repo.replaceUserCompartments(trx, id, compartments)
    await recordAuditEvent(ctx, trx, {
      action: 'user.created',
      recordType: 'user',
      recordId: id,
      details: { email, orgCode: org.code, role: input.role, compartments },
    })
  })
  return getUser(ctx, id)
}

async function assertCompartmentsExist(db: Db, codes: string[]) {
  for (const code of codes) {
    if (!(await repo.findCompartment(db, code))) throw new AppError('COMPARTMENT_NOT_FOUND', `No compartment ${code}`)
  }
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  const row = await repo.findUserById(ctx.db, id)
  if (!row) throw new AppError('USER_NOT_FOUND', `No user ${id}`)
  return toUser(row, await repo.listCompartmentsOfUser(ctx.db, id))
}

export async function getUserIdByEmail(ctx: Ctx, email: string): Promise<string> {
  const row = await repo.findUserByEmail(ctx.db, email)
  if (!row) throw new AppError('USER_NOT_FOUND', `No user ${email}`)
  return row.id
}

export async function listUsers(ctx: Ctx): Promise<User[]> {
  assertCanAdminister(ctx)
  const rows = await repo.listUsers(ctx.db)
  const memberships = await repo.listCompartmentsOfUsers(
    ctx.db,
    rows.map((r) => r.id),
  )
  return rows.map((r) =>
    toUser(
      r,
      memberships.filter((m) => m.user_id === r.id).map((m) => m.compartment_code),
    ),
  )
}

export type UserChange =
  | { kind: 'disable' }
  | { kind: 'enable' }
  | { kind: 'reset-mfa' }
  | { kind: 'set-role'; role: string }
  | { kind: 'set-compartments'; compartments: string[] }

/** Every administrative change to an account, audited; disabling and MFA resets end its sessions. */
export async function changeUser(ctx: Ctx, userId: string, change: UserChange): Promise<User> {
  assertCanAdminister(ctx)
  const row = await repo.findUserById(ctx.db, userId)
  if (!row) throw new AppError('USER_NOT_FOUND', `No user ${userId}`)
  const nowIso = ctx.now().toISOString()
  if (change.kind === 'set-role') {
    const org = await repo.findOrganisation(ctx.db, row.org_code)
    if (!org || !isRoleAllowed(org.kind, change.role)) {
      throw new AppError('ROLE_NOT_ALLOWED', `${row.org_code} cannot have role ${change.role}`)
    }
  }
  if (change.kind === 'set-compartments') await assertCompartmentsExist(ctx.db, change.compartments)
  await ctx.db.transaction().execute(async (trx) => {
    switch (change.kind) {
      case 'disable':
        await repo.updateUser(trx, userId, { status: 'disabled', updated_at: nowIso })
        await revokeAllSessionsOf(trx, userId, nowIso)
        break
      case 'enable':
        await repo.updateUser(trx, userId, { status: 'active', updated_at: nowIso })
        break
      case 'reset-mfa':
        await repo.updateUser(trx, userId, {
          mfa_enabled: fromBool(false),
          mfa_secret: null,
          mfa_last_step: null,
          updated_at: nowIso,
        })
        await repo.replaceRecoveryCodes(trx, userId, [])
        await revokeAllSessionsOf(trx, userId, nowIso)
        break
      case 'set-role':
        await repo.updateUser(trx, userId, { role: change.role, updated_at: nowIso })
        await revokeAllSessionsOf(trx, userId, nowIso)
        break
      case 'set-compartments':
        await repo.replaceUserCompartments(trx, userId, [...new Set(change.compartments)])
        break
    }
    await recordAuditEvent(ctx, trx, {
      action: `user.${change.kind}`,
      recordType: 'user',
      recordId: userId,
      details: change,
    })
  })
  return getUser(ctx, userId)
}

// Sessions and tokens belong to the auth feature, but ending them is part of disabling an
// account and must commit with it; the tables are touched here through plain updates.
async function revokeAllSessionsOf(trx: Db, userId: string, nowIso: string) {
  await trx
    .updateTable('sessions')
    .set({ revoked_at: nowIso })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute()
  await trx
    .updateTable('api_tokens')
    .set({ revoked_at: nowIso })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute()
}

type ActorVia = { via: 'session' | 'token'; sessionId: string | null; scopes: readonly ('read' | 'write')[] }

/**
 * The actor of an active user: everything the visibility rule and policies need. Built here only,
 * whether the parts come from loadUserActor or from a token's single statement.
 */
export function toUserActor(
  user: { id: string; email: string; display_name: string; role: string },
  org: { code: string; kind: UserActor['orgKind'] },
  compartments: string[],
  via: ActorVia,
): UserActor {
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    name: user.display_name,
    orgCode: org.code,
    orgKind: org.kind,
    role: user.role,
    compartments,
    ...via,
  }
}

/** The actor a session or token acts as, or null for a user who is not active. */
export async function loadUserActor(db: Db, userId: string, via: ActorVia): Promise<UserActor | null> {
  const row = await repo.findUserById(db, userId)
  if (row?.status !== 'active') return null
  const org = await repo.findOrganisation(db, row.org_code)
  if (!org) return null
  return toUserActor(row, org, await repo.listCompartmentsOfUser(db, row.id), via)
}

export function toUser(row: UserRow, compartments: string[]): User {
  return {
    id: row.id,
    email: row.email,
    name: row.display_name,
    orgCode: row.org_code,
    role: row.role,
    status: row.status,
    mfaEnabled: toBool(row.mfa_enabled),
    hasPassword: row.password_hash !== null,
    sso: row.oidc_subject !== null,
    compartments,
    isDemo: toBool(row.is_demo),
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  }
}

// Account rows for the authentication code (sign-in, two-step verification), which owns no table
// of users itself. Pass a transaction to join one.
export const accountRows = {
  findByEmail: (db: Db, email: string) => repo.findUserByEmail(db, email),
  findById: (db: Db, id: string) => repo.findUserById(db, id),
  findByOidcSubject: (db: Db, issuer: string, subject: string) => repo.findUserByOidcSubject(db, issuer, subject),
  update: (db: Db, id: string, update: Parameters<typeof repo.updateUser>[2]) => repo.updateUser(db, id, update),
  advanceMfaStep: (db: Db, id: string, step: number) => repo.advanceMfaStep(db, id, step),
  consumeRecoveryCode: (db: Db, id: string, codeHash: string, nowIso: string) =>
    repo.consumeRecoveryCode(db, id, codeHash, nowIso),
  replaceRecoveryCodes: (db: Db, id: string, hashes: string[]) => repo.replaceRecoveryCodes(db, id, hashes),
}

/** What another feature may show of a user: who they are, not their account. */
export type UserCard = {
  id: string
  name: string
  email: string
  orgCode: string
  role: string
  status: 'active' | 'disabled'
}

const toUserCard = (r: Awaited<ReturnType<typeof repo.listUserCardsByIds>>[number]): UserCard => ({
  id: r.id,
  name: r.display_name,
  email: r.email,
  orgCode: r.org_code,
  role: r.role,
  status: r.status,
})

/** Users by id (unknown ids are left out). `db` may be the caller's transaction. */
export async function listUserCards(db: Db, ids: readonly string[]): Promise<UserCard[]> {
  return (await repo.listUserCardsByIds(db, [...new Set(ids)])).map(toUserCard)
}

/** The active users of an organisation holding a role (e.g. a State's officers), by name. */
export async function listActiveUserCards(db: Db, orgCode: string, role: string): Promise<UserCard[]> {
  return (await repo.listActiveUserCardsOf(db, orgCode, role)).map(toUserCard)
}
