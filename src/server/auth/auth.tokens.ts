import { randomBytes, randomUUID } from 'node:crypto'
import { recordAuditEvent } from '../audit/audit.service.ts'
import type { Ctx, UserActor } from '../context.ts'
import { parseJson } from '../db/values.ts'
import { AppError } from '../errors.ts'
import { toUserActor } from '../identity/identity.service.ts'
import * as repo from './auth.repository.ts'
import { hashToken, MINUTE } from './auth.service.ts'

// API tokens: `p9_` + 32 random bytes; only the SHA-256 is stored. The token resolves to its
// user's actor on every request that carries it (plugins/access.ts).

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
  const row = await repo.findApiTokenWithActor(ctx.db, hashToken(token))
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
