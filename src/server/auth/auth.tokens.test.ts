import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { systemCtx } from '../../../test/context.ts'
import { createTestDb, type TestDb } from '../../../test/db.ts'
import { loadUserActor } from '../identity/identity.service.ts'
import { resolveApiToken } from './auth.tokens.ts'

// A token is resolved in one statement (token, user, organisation, compartments); the actor it
// gives must be the one a session gets from loadUserActor, and must stop at once with the user.

let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => db.destroy())

describe('resolveApiToken', () => {
  it('gives the same actor as a session would, compartments in order', async () => {
    const { user, token } = await createUserWithToken(db.db, {
      orgCode: 'ICC-OTP',
      role: 'officer',
      compartments: ['TOK-B', 'TOK-A', 'TOK-C'],
      scopes: ['read'],
    })
    const ctx = systemCtx(db.db)
    const actor = await resolveApiToken(ctx, token)
    expect(actor).toEqual(await loadUserActor(db.db, user.id, { via: 'token', sessionId: null, scopes: ['read'] }))
    expect(actor).toMatchObject({ orgKind: 'court_organ', compartments: ['TOK-A', 'TOK-B', 'TOK-C'] })

    const { token: none } = await createUserWithToken(db.db, { orgCode: 'NLD', role: 'focal-point' })
    expect(await resolveApiToken(ctx, none)).toMatchObject({ orgCode: 'NLD', orgKind: 'state', compartments: [] })
  })

  it('stops at once for a disabled user, an expired, revoked or unknown token', async () => {
    const { user, token } = await createUserWithToken(db.db, { orgCode: 'NLD', role: 'focal-point' })
    const ctx = systemCtx(db.db)
    expect(await resolveApiToken(ctx, token)).not.toBeNull()
    await db.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute()
    expect(await resolveApiToken(ctx, token)).toBeNull()
    await db.db.updateTable('users').set({ status: 'active' }).where('id', '=', user.id).execute()
    expect(await resolveApiToken(ctx, token)).not.toBeNull()
    const later = systemCtx(db.db, undefined, () => new Date(Date.now() + 2 * 86_400_000))
    expect(await resolveApiToken(later, token)).toBeNull()
    await db.db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date().toISOString() })
      .where('user_id', '=', user.id)
      .execute()
    expect(await resolveApiToken(ctx, token)).toBeNull()
    expect(await resolveApiToken(ctx, 'p9_unknown')).toBeNull()
  })
})
