import { randomBytes, randomUUID } from 'node:crypto'
import { recordAuditEvent } from '../audit/audit.service.ts'
import type { Ctx, UserActor } from '../context.ts'
import { committedEpochsNow } from '../db/epochs.ts'
import { parseJson } from '../db/values.ts'
import { AppError } from '../errors.ts'
import { toUserActor } from '../identity/identity.service.ts'
import * as repo from './auth.repository.ts'
import { hashToken, MINUTE } from './auth.service.ts'

// API tokens: `p9_` + 32 random bytes; only the SHA-256 is stored. The token resolves to its
// user's actor on every request that carries it (plugins/access.ts).
//
// On the embedded database the server keeps what a token resolved to, for as long as the
// credential epoch stays the same (migration 0920: triggers move it with every change to a token,
// a user, an organisation or a membership, whoever makes it). The token's statement cost about
// 70 µs of CPU per API call, the epoch's read about 8 (db/epochs.ts: it reads the epoch of all
// requests too, for the call's kept answers). Expiry is checked on every call, as before. Unknown
// tokens are not kept: guessing cannot fill the memory. A token's last use, marked once a minute,
// leaves the epoch alone.

type TokenRow = NonNullable<Awaited<ReturnType<typeof repo.findApiTokenWithActor>>>
type ResolvedTokens = { epoch: number; rows: Map<string, TokenRow> }
const MAX_KEPT_TOKENS = 10_000
// Per database (its adapter, shared by the root and its transactions).
const resolvedTokens = new WeakMap<object, ResolvedTokens>()

async function findTokenRow(ctx: Ctx, tokenHash: string): Promise<TokenRow | undefined> {
  const db = ctx.db
  const epochs = committedEpochsNow(db)
  if (epochs === undefined) return repo.findApiTokenWithActor(db, tokenHash)
  // Read with the credential epoch, in the same statement: the call's kept answers check it.
  ctx.allRequestsEpoch = epochs.allRequests
  const epoch = epochs.credential
  const adapter = db.getExecutor().adapter
  let kept = resolvedTokens.get(adapter)
  if (kept?.epoch !== epoch) {
    kept = { epoch, rows: new Map() }
    resolvedTokens.set(adapter, kept)
  }
  const known = kept.rows.get(tokenHash)
  if (known) return known
  // Read after the epoch: a change committed in between has moved it, so the next call reads again.
  const row = await repo.findApiTokenWithActor(db, tokenHash)
  if (row) {
    if (kept.rows.size >= MAX_KEPT_TOKENS) kept.rows.clear()
    kept.rows.set(tokenHash, row)
  }
  return row
}

export type ApiTokenScope = 'read' | 'write'

export async function createApiToken(
  ctx: Ctx,
  userId: string,
  input: { name: string; days: number; scopes: ApiTokenScope[] },
) {
  const token = `p9_${randomBytes(32).toString('base64url')}`
  const id = randomUUID()
  const now = ctx.now()
  const expiresAt = new Date(now.getTime() + input.days * 24 * 60 * MINUTE).toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertApiToken(trx, {
      id,
      userId,
      name: input.name,
      tokenHash: hashToken(token),
      scopes: input.scopes,
      createdAt: now.toISOString(),
      expiresAt,
    })
    await recordAuditEvent(ctx, trx, {
      action: 'token.created',
      recordType: 'api_token',
      recordId: id,
      details: { userId, name: input.name, scopes: input.scopes, expiresAt },
    })
  })
  return { id, token, expiresAt }
}

export async function resolveApiToken(ctx: Ctx, token: string): Promise<UserActor | null> {
  if (!token.startsWith('p9_')) return null
  const row = await findTokenRow(ctx, hashToken(token))
  const nowIso = ctx.now().toISOString()
  if (!row || row.revoked_at || row.expires_at <= nowIso) return null
  if (row.status !== 'active') return null
  const actor = toUserActor(
    { id: row.user_id, email: row.email, display_name: row.display_name, role: row.role },
    { code: row.org_code, kind: row.org_kind },
    parseJson<string[]>(row.compartments),
    { via: 'token', sessionId: null, scopes: parseJson<ApiTokenScope[]>(row.scopes) },
  )
  if (!row.last_used_at || Date.parse(nowIso) - Date.parse(row.last_used_at) > MINUTE) {
    await repo.markApiTokenUsed(ctx.db, row.id, nowIso)
    // The last use does not move the epoch (migration 0920): a kept row learns of it here, or it
    // would mark the token at every call from now on.
    row.last_used_at = nowIso
  }
  return actor
}

export async function listApiTokens(ctx: Ctx, userId: string) {
  const rows = await repo.listApiTokensOfUser(ctx.db, userId)
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    scopes: parseJson<ApiTokenScope[]>(t.scopes),
    createdAt: t.created_at,
    expiresAt: t.expires_at,
    revokedAt: t.revoked_at,
    lastUsedAt: t.last_used_at,
  }))
}

export async function revokeApiToken(ctx: Ctx, userId: string, tokenId: string) {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.revokeApiToken(trx, userId, tokenId, ctx.now().toISOString()))) {
      throw new AppError('RECORD_NOT_FOUND', 'No such active token')
    }
    await recordAuditEvent(ctx, trx, { action: 'token.revoked', recordType: 'api_token', recordId: tokenId })
  })
}
