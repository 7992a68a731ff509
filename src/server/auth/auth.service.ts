import { createHash, hash, randomBytes, timingSafeEqual } from 'node:crypto'
import QRCode from 'qrcode'
import { recordAuditEvent } from '../audit/audit.service.ts'
import type { Ctx, UserActor } from '../context.ts'
import { openSecret, sealSecret } from '../crypto/secret-box.ts'
import type { Db } from '../db/database.ts'
import { fromBool, parseJson, toBool } from '../db/values.ts'
import { AppError } from '../errors.ts'
import { accountRows as identityRepo, loadUserActor, toUserActor } from '../identity/identity.service.ts'
import type { SessionRow, UserRow } from '../identity/identity.table.ts'
import * as repo from './auth.repository.ts'
import { verifyPassword } from './passwords.ts'
import { newTotpSecret, totpUri, verifyTotp } from './totp.ts'

export const MINUTE = 60_000
// Per account and per address, over a sliding window. The answer is the same whether the
// account exists or not, so throttling reveals nothing either.
export const THROTTLE = { windowMs: 15 * MINUTE, perAccount: 5, perAddress: 30 } as const
const MFA_PENDING_MS = 10 * MINUTE
const TOTP_PURPOSE = 'totp-secret'
const RECOVERY_CODES = 10

/** Roles that handle sealed and ex parte material get shorter sessions. */
function sessionTimeouts(user: UserRow) {
  const sensitive = ['officer', 'approver', 'counsel'].includes(user.role) && !user.org_code.match(/^[A-Z]{3}$/)
  return sensitive
    ? { idleMs: 15 * MINUTE, absoluteMs: 8 * 60 * MINUTE }
    : { idleMs: 30 * MINUTE, absoluteMs: 12 * 60 * MINUTE }
}

export function hashToken(token: string): string {
  // One-shot: runs on every authenticated request, and a Hash object costs more than the digest.
  return hash('sha256', token, 'hex')
}

export type IssuedSession = { token: string; csrfToken: string; state: SessionRow['state']; expiresAt: string }
export type Client = { ip: string | null; userAgent: string | null }

async function issueSession(
  trx: Db,
  ctx: Ctx,
  user: UserRow,
  state: SessionRow['state'],
  client: Client,
): Promise<IssuedSession> {
  const now = ctx.now()
  const { idleMs, absoluteMs } = sessionTimeouts(user)
  const token = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(24).toString('base64url')
  const absolute = new Date(now.getTime() + (state === 'active' ? absoluteMs : MFA_PENDING_MS)).toISOString()
  const idle = new Date(now.getTime() + Math.min(idleMs, state === 'active' ? idleMs : MFA_PENDING_MS)).toISOString()
  await repo.insertSession(trx, {
    id_hash: hashToken(token),
    user_id: user.id,
    state,
    csrf_token: csrfToken,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    idle_expires_at: idle,
    absolute_expires_at: absolute,
    ip: client.ip,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
    revoked_at: null,
  })
  return { token, csrfToken, state, expiresAt: absolute }
}

async function assertNotThrottled(ctx: Ctx, email: string, client: Client) {
  const since = new Date(ctx.now().getTime() - THROTTLE.windowMs).toISOString()
  const [account, address] = await Promise.all([
    repo.countLoginFailuresSince(ctx.db, `account:${email}`, since),
    client.ip ? repo.countLoginFailuresSince(ctx.db, `address:${client.ip}`, since) : 0,
  ])
  if (account >= THROTTLE.perAccount || address >= THROTTLE.perAddress) {
    throw new AppError('RATE_LIMITED', 'Too many failed sign-in attempts. Wait 15 minutes and try again.')
  }
}

async function recordLoginFailure(ctx: Ctx, email: string, client: Client, reason: string, userId: string | null) {
  const nowIso = ctx.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertLoginFailures(trx, [`account:${email}`, ...(client.ip ? [`address:${client.ip}`] : [])], nowIso)
    await recordAuditEvent({ ...ctx, actor: { kind: 'anonymous' } }, trx, {
      action: 'auth.login_failed',
      ...(userId ? { recordType: 'user', recordId: userId } : {}),
      details: { email, reason, ip: client.ip },
    })
  })
}

/** Password sign-in. Unknown e-mail, wrong password and disabled account all answer LOGIN_FAILED. */
export async function login(
  ctx: Ctx,
  input: { email: string; password: string },
  client: Client,
): Promise<IssuedSession> {
  const email = input.email.trim().toLowerCase()
  await assertNotThrottled(ctx, email, client)
  const user = await identityRepo.findByEmail(ctx.db, email)
  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password)
  if (!user || !passwordOk || user.status !== 'active') {
    await recordLoginFailure(
      ctx,
      email,
      client,
      !user ? 'unknown account' : !passwordOk ? 'wrong password' : 'account disabled',
      user?.id ?? null,
    )
    throw new AppError('LOGIN_FAILED', 'Wrong e-mail or password.')
  }
  return startSession(ctx, user, client, 'password')
}

/**
 * After any first factor (password, single sign-on): a session that still needs the second one,
 * unless `mfaDoneBy` names who already checked it (an identity provider trusted for that, whose
 * ID token says so): then the session is active at once.
 */
export async function startSession(
  ctx: Ctx,
  user: UserRow,
  client: Client,
  method: string,
  options: { mfaDoneBy?: string } = {},
): Promise<IssuedSession> {
  const state: SessionRow['state'] = options.mfaDoneBy
    ? 'active'
    : toBool(user.mfa_enabled)
      ? 'mfa_pending'
      : 'mfa_enrolment'
  // Read before the transaction: on SQLite the transaction holds the only connection.
  const auditCtx = await actorCtx(ctx, user)
  return ctx.db.transaction().execute(async (trx) => {
    await repo.clearLoginFailures(trx, `account:${user.email}`)
    await identityRepo.update(trx, user.id, { last_login_at: ctx.now().toISOString() })
    const session = await issueSession(trx, ctx, user, state, client)
    await recordAuditEvent(auditCtx, trx, {
      action: 'auth.login',
      recordType: 'user',
      recordId: user.id,
      details: { method, state, ip: client.ip, ...(options.mfaDoneBy ? { mfaDoneBy: options.mfaDoneBy } : {}) },
    })
    return session
  })
}

/** The ctx of a user who has just proved who they are, so the audit names them. */
async function actorCtx(ctx: Ctx, user: UserRow): Promise<Ctx> {
  const actor = await loadUserActor(ctx.db, user.id, { via: 'session', sessionId: null, scopes: [] })
  return actor ? { ...ctx, actor } : ctx
}

export type ResolvedSession = { session: SessionRow; user: UserRow; actor: UserActor | null }

/** The session behind a cookie, if it is live; slides its idle expiry. */
export async function resolveSession(ctx: Ctx, token: string): Promise<ResolvedSession | null> {
  const idHash = hashToken(token)
  const found = await repo.findSessionWithUser(ctx.db, idHash)
  if (!found) return null
  const { session, user: row } = found
  const nowIso = ctx.now().toISOString()
  if (session.revoked_at || session.absolute_expires_at <= nowIso || session.idle_expires_at <= nowIso) return null
  if (row.status !== 'active') return null
  const { org_kind: orgKind, compartments, ...user } = row
  // Sliding the idle timeout costs a write; once a minute is precise enough.
  if (ctx.now().getTime() - Date.parse(session.last_seen_at) > MINUTE && session.state === 'active') {
    const idle = new Date(
      Math.min(ctx.now().getTime() + sessionTimeouts(user).idleMs, Date.parse(session.absolute_expires_at)),
    )
    await repo.touchSession(ctx.db, idHash, nowIso, idle.toISOString())
  }
  const actor =
    session.state === 'active'
      ? toUserActor(user, { code: user.org_code, kind: orgKind }, parseJson<string[]>(compartments), {
          via: 'session',
          sessionId: idHash,
          scopes: ['read', 'write'],
        })
      : null
  return { session, user, actor }
}

/** Second factor: a TOTP code (accepted once) or a single-use recovery code. Rotates the session. */
export async function completeMfa(
  ctx: Ctx,
  current: ResolvedSession,
  input: { code?: string; recoveryCode?: string },
  client: Client,
): Promise<IssuedSession> {
  if (current.session.state !== 'mfa_pending')
    throw new AppError('MFA_NOT_PENDING', 'This session is not waiting for a code')
  const { user } = current
  const nowIso = ctx.now().toISOString()
  let accepted = false
  let method = 'totp'
  if (input.code && user.mfa_secret) {
    const step = await verifyTotp(
      openSecret(ctx.secrets.encryptionKey, TOTP_PURPOSE, user.mfa_secret),
      input.code,
      user.mfa_last_step,
      ctx.now(),
    )
    accepted = step !== null && (await identityRepo.advanceMfaStep(ctx.db, user.id, step))
  } else if (input.recoveryCode) {
    method = 'recovery-code'
    accepted = await identityRepo.consumeRecoveryCode(ctx.db, user.id, hashRecoveryCode(input.recoveryCode), nowIso)
  }
  if (!accepted) {
    await recordLoginFailure(ctx, user.email, client, `wrong ${method}`, user.id)
    throw new AppError('MFA_CODE_INVALID', 'The code is wrong, expired or already used.')
  }
  return rotateToActive(ctx, current, client, { action: 'auth.mfa_verified', method })
}

async function rotateToActive(
  ctx: Ctx,
  current: ResolvedSession,
  client: Client,
  audit: { action: string; method: string },
) {
  const auditCtx = await actorCtx(ctx, current.user)
  return ctx.db.transaction().execute(async (trx) => {
    // A new identifier after every privilege change defeats session fixation.
    await repo.revokeSession(trx, current.session.id_hash, ctx.now().toISOString())
    const session = await issueSession(trx, ctx, current.user, 'active', client)
    await recordAuditEvent(auditCtx, trx, {
      action: audit.action,
      recordType: 'user',
      recordId: current.user.id,
      details: { method: audit.method },
    })
    return session
  })
}

export async function beginMfaEnrolment(ctx: Ctx, current: ResolvedSession) {
  if (toBool(current.user.mfa_enabled))
    throw new AppError(
      'MFA_ENROLMENT_CONFLICT',
      'Two-step verification is already on; ask an administrator to reset it',
    )
  const secret = newTotpSecret()
  await identityRepo.update(ctx.db, current.user.id, {
    mfa_secret: sealSecret(ctx.secrets.encryptionKey, TOTP_PURPOSE, secret),
  })
  const uri = totpUri(secret, current.user.email)
  // A data: URL, so the browser shows it as an <img> (the CSP allows data: images, not markup).
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 1 })
  return { secret, otpauthUri: uri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` }
}

export async function confirmMfaEnrolment(ctx: Ctx, current: ResolvedSession, code: string, client: Client) {
  const user = await identityRepo.findById(ctx.db, current.user.id)
  if (!user?.mfa_secret || toBool(user.mfa_enabled))
    throw new AppError('MFA_ENROLMENT_CONFLICT', 'Start the enrolment first')
  const step = await verifyTotp(
    openSecret(ctx.secrets.encryptionKey, TOTP_PURPOSE, user.mfa_secret),
    code,
    null,
    ctx.now(),
  )
  if (step === null) throw new AppError('MFA_CODE_INVALID', 'The code is wrong or expired.')
  const recoveryCodes = Array.from({ length: RECOVERY_CODES }, () => formatRecoveryCode(randomBytes(10)))
  await ctx.db.transaction().execute(async (trx) => {
    await identityRepo.update(trx, user.id, { mfa_enabled: fromBool(true), mfa_last_step: step })
    await identityRepo.replaceRecoveryCodes(trx, user.id, recoveryCodes.map(hashRecoveryCode))
  })
  const session = await rotateToActive(ctx, { ...current, user }, client, {
    action: 'auth.mfa_enrolled',
    method: 'totp',
  })
  return { session, recoveryCodes }
}

function formatRecoveryCode(bytes: Buffer): string {
  const text = bytes.toString('hex').slice(0, 16)
  return `${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}`
}

function hashRecoveryCode(code: string): string {
  return createHash('sha256')
    .update(
      code
        .trim()
        .toLowerCase()
        .replaceAll(/[^0-9a-f]/g, ''),
    )
    .digest('hex')
}

export async function logout(ctx: Ctx, current: ResolvedSession) {
  await ctx.db.transaction().execute(async (trx) => {
    await repo.revokeSession(trx, current.session.id_hash, ctx.now().toISOString())
    await recordAuditEvent(ctx, trx, { action: 'auth.logout', recordType: 'user', recordId: current.user.id })
  })
}

export async function logoutEverywhere(ctx: Ctx, userId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const ended = await repo.revokeSessionsOfUser(trx, userId, ctx.now().toISOString())
    await recordAuditEvent(ctx, trx, {
      action: 'auth.logout_everywhere',
      recordType: 'user',
      recordId: userId,
      details: { ended },
    })
    return ended
  })
}

export async function listSessions(ctx: Ctx, userId: string, currentIdHash: string | null) {
  const rows = await repo.listActiveSessionsOfUser(ctx.db, userId, ctx.now().toISOString())
  return rows.map((s) => ({
    id: s.id_hash.slice(0, 16),
    createdAt: s.created_at,
    lastSeenAt: s.last_seen_at,
    expiresAt: s.absolute_expires_at,
    ip: s.ip,
    userAgent: s.user_agent,
    isCurrent: s.id_hash === currentIdHash,
  }))
}

export function csrfMatches(session: SessionRow, presented: string | undefined): boolean {
  if (!presented) return false
  const a = Buffer.from(session.csrf_token)
  const b = Buffer.from(presented)
  return a.length === b.length && timingSafeEqual(a, b)
}
