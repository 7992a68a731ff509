import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { systemCtx } from '../../../test/context.ts'
import { createTestDb, type TestDb } from '../../../test/db.ts'
import { createDb, type Db } from '../db/database.ts'
import { loadUserActor } from '../identity/identity.service.ts'
import { resolveApiToken } from './auth.tokens.ts'

// A token is resolved in one statement (token, user, organisation, compartments); the actor it
// gives must be the one a session gets from loadUserActor, and must stop at once with the user.

let db: TestDb
const revokeTokensOf = (on: Db, userId: string) =>
  on.updateTable('api_tokens').set({ revoked_at: new Date().toISOString() }).where('user_id', '=', userId).execute()
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
    await revokeTokensOf(db.db, user.id)
    expect(await resolveApiToken(ctx, token)).toBeNull()
    expect(await resolveApiToken(ctx, 'p9_unknown')).toBeNull()
  })
})

// On the embedded database the server keeps what a token resolved to while the credential epoch
// (migration 0920) stays the same; on PostgreSQL it reads the token every time. Either way a
// change must show at the next call, whoever made it.
describe('tokens kept between calls', () => {
  const epoch = async (on: Db) =>
    Number((await on.selectFrom('credential_epoch').select('value').executeTakeFirstOrThrow()).value)
  // Another process on the same database: a command-line `partnine token revoke`, for one.
  const openOther = () => createDb({ dialect: db.dialect, sqlitePath: db.sqlitePath, databaseUrl: db.databaseUrl })

  it('moves the epoch with every change to a token, a user, an organisation or a membership', async () => {
    const { user } = await createUserWithToken(db.db, { orgCode: 'NLD', role: 'focal-point' })
    const changes: [string, () => Promise<unknown>][] = [
      ['a token revoked', () => revokeTokensOf(db.db, user.id)],
      ['a token deleted', () => db.db.deleteFrom('api_tokens').where('user_id', '=', user.id).execute()],
      [
        'a user renamed',
        () => db.db.updateTable('users').set({ display_name: 'Renamed' }).where('id', '=', user.id).execute(),
      ],
      [
        'an organisation renamed',
        () =>
          db.db
            .updateTable('organisations')
            .set({ name_en: 'Kingdom of the Netherlands' })
            .where('code', '=', 'NLD')
            .execute(),
      ],
      [
        'a membership added',
        () => db.db.insertInto('user_compartments').values({ user_id: user.id, compartment_code: 'EPOCH-1' }).execute(),
      ],
      ['a membership removed', () => db.db.deleteFrom('user_compartments').where('user_id', '=', user.id).execute()],
    ]
    await db.db.insertInto('compartments').values({ code: 'EPOCH-1', name: 'Epoch test' }).execute()
    for (const [what, change] of changes) {
      const before = await epoch(db.db)
      await change()
      expect(await epoch(db.db), what).toBeGreaterThan(before)
    }
    // A token's last use, and other tables, leave it alone: they are not what a token resolves to.
    const before = await epoch(db.db)
    await db.db.updateTable('api_tokens').set({ last_used_at: new Date().toISOString() }).execute()
    await db.db.updateTable('compartments').set({ name: 'Epoch test, renamed' }).where('code', '=', 'EPOCH-1').execute()
    expect(await epoch(db.db)).toBe(before)
  })

  it('moves the epoch with a change to any column of a token but its last use', async () => {
    const { user, token } = await createUserWithToken(db.db, { orgCode: 'NLD', role: 'focal-point' })
    const { user: other } = await createUserWithToken(db.db, { orgCode: 'NLD', role: 'focal-point' })
    const [row] = await db.db.selectFrom('api_tokens').select('id').where('user_id', '=', user.id).execute()
    let id = row?.id as string
    const later = new Date(Date.now() + 3_600_000).toISOString()
    // A new value for each column; a column added to api_tokens must be added here and, unless it
    // is bookkeeping like the last use, to migration 0920's trigger.
    const next: Record<string, () => unknown> = {
      id: () => crypto.randomUUID(),
      user_id: () => other.id,
      name: () => 'renamed',
      token_hash: () => `${token.length}-${crypto.randomUUID()}`,
      scopes: () => (db.dialect === 'sqlite' ? '["read"]' : sql`'["read"]'::jsonb`),
      created_at: () => later,
      expires_at: () => later,
      revoked_at: () => later,
      last_used_at: () => later,
    }
    const columns = (await db.db.introspection.getTables()).find((t) => t.name === 'api_tokens')?.columns ?? []
    expect(columns.map((c) => c.name).filter((c) => !(c in next))).toEqual([])
    for (const { name } of columns) {
      const before = await epoch(db.db)
      const value = next[name]?.()
      await db.db
        .updateTable('api_tokens')
        .set({ [name]: value } as never)
        .where('id', '=', id)
        .execute()
      if (name === 'id') id = value as string
      if (name === 'last_used_at') expect(await epoch(db.db), name).toBe(before)
      else expect(await epoch(db.db), name).toBeGreaterThan(before)
    }
  })

  it('marks a token used once a minute, not at every call', async () => {
    const { user, token } = await createUserWithToken(db.db, { orgCode: 'NLD', role: 'focal-point' })
    const start = Date.now()
    const at = (seconds: number) => systemCtx(db.db, undefined, () => new Date(start + seconds * 1000))
    const lastUse = async () =>
      (await db.db.selectFrom('api_tokens').select('last_used_at').where('user_id', '=', user.id).executeTakeFirst())
        ?.last_used_at
    await resolveApiToken(at(0), token)
    expect(await lastUse()).toBe(new Date(start).toISOString())
    await resolveApiToken(at(30), token)
    await resolveApiToken(at(50), token)
    expect(await lastUse()).toBe(new Date(start).toISOString())
    await resolveApiToken(at(90), token)
    expect(await lastUse()).toBe(new Date(start + 90_000).toISOString())
  })

  it('answers with a change made by another process at the next call', async () => {
    const { user, token } = await createUserWithToken(db.db, {
      orgCode: 'ICC-OTP',
      role: 'officer',
      compartments: ['KEPT-A'],
    })
    const ctx = systemCtx(db.db)
    expect(await resolveApiToken(ctx, token)).toMatchObject({ role: 'officer', compartments: ['KEPT-A'] })
    expect(await resolveApiToken(ctx, token)).toMatchObject({ role: 'officer' })
    const other = openOther()
    try {
      await other.db.updateTable('users').set({ role: 'approver' }).where('id', '=', user.id).execute()
      expect(await resolveApiToken(ctx, token)).toMatchObject({ role: 'approver', compartments: ['KEPT-A'] })
      await other.db.deleteFrom('user_compartments').where('user_id', '=', user.id).execute()
      expect(await resolveApiToken(ctx, token)).toMatchObject({ role: 'approver', compartments: [] })
      await revokeTokensOf(other.db, user.id)
      expect(await resolveApiToken(ctx, token)).toBeNull()
    } finally {
      await other.close()
    }
  })

  it('does not answer from a transaction opened before the change: it waits and reads it', async () => {
    const { user, token } = await createUserWithToken(db.db, { orgCode: 'NLD', role: 'focal-point' })
    const ctx = systemCtx(db.db)
    expect(await resolveApiToken(ctx, token)).not.toBeNull()
    const other = openOther()
    let pending: Promise<unknown> = Promise.resolve()
    try {
      await db.db
        .transaction()
        .setAccessMode('read only')
        .execute(async (trx) => {
          // The transaction has its snapshot; another process revokes the token after it.
          await trx.selectFrom('api_tokens').select('id').where('user_id', '=', user.id).execute()
          await revokeTokensOf(other.db, user.id)
          pending = resolveApiToken(ctx, token)
        })
      expect(await pending).toBeNull()
    } finally {
      await other.close()
    }
  })

  it('keeps a token only while the epoch stays the same (embedded), reads it every time (PostgreSQL)', async () => {
    const { user, token } = await createUserWithToken(db.db, { orgCode: 'NLD', role: 'focal-point' })
    const ctx = systemCtx(db.db)
    expect(await resolveApiToken(ctx, token)).not.toBeNull()
    // Revoked, and the epoch wound back by hand: only the epoch tells the server to read again.
    await db.db.transaction().execute(async (trx) => {
      await revokeTokensOf(trx, user.id)
      await trx
        .updateTable('credential_epoch')
        .set((eb) => ({ value: eb('value', '-', 1) }))
        .where('id', '=', 1)
        .execute()
    })
    if (db.dialect === 'sqlite') expect(await resolveApiToken(ctx, token)).toMatchObject({ orgCode: 'NLD' })
    else expect(await resolveApiToken(ctx, token)).toBeNull()
    await db.db
      .updateTable('credential_epoch')
      .set((eb) => ({ value: eb('value', '+', 1) }))
      .where('id', '=', 1)
      .execute()
    expect(await resolveApiToken(ctx, token)).toBeNull()
  })

  it("reads the epoch of all requests with the credential epoch, for the call's kept answers (embedded)", async () => {
    const { token } = await createUserWithToken(db.db, { orgCode: 'NLD', role: 'focal-point' })
    const allRequests = async () =>
      String(
        (await db.db.selectFrom('request_counts_epochs').select('value').where('scope', '=', '*').executeTakeFirst())
          ?.value ?? 0,
      )
    const ctx = systemCtx(db.db)
    await resolveApiToken(ctx, token)
    if (db.dialect === 'postgres') {
      expect(ctx.allRequestsEpoch).toBeUndefined()
      return
    }
    expect(ctx.allRequestsEpoch).toBe(await allRequests())
    await db.db
      .insertInto('request_counts_epochs')
      .values({ scope: '*', value: 1 })
      .onConflict((oc) =>
        oc.column('scope').doUpdateSet((eb) => ({ value: eb('request_counts_epochs.value', '+', 1) })),
      )
      .execute()
    const later = systemCtx(db.db)
    await resolveApiToken(later, token)
    expect(later.allRequestsEpoch).toBe(await allRequests())
    expect(later.allRequestsEpoch).not.toBe(ctx.allRequestsEpoch)
  })
})
