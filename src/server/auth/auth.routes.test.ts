import type { FastifyInstance } from 'fastify'
import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemCtx, testSecrets } from '../../../test/context.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'
import { sealSecret } from '../crypto/secret-box.ts'
import { changeUser, createCompartment, createUser, getUserIdByEmail } from '../identity/identity.service.ts'
import { resolveSession } from './auth.service.ts'

const SECRET = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU'
const PASSWORD = 'correct horse battery staple for tests'
let db: TestDb
let app: FastifyInstance
let clock = Date.parse('2026-11-28T09:00:00Z')
const now = () => new Date(clock)
const advance = (ms: number) => {
  clock += ms
}

beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db, now })
  const ctx = systemCtx(db.db, { kind: 'operator', name: 'test' }, now)
  const sealed = sealSecret(testSecrets.encryptionKey, 'totp-secret', SECRET)
  for (const local of ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace']) {
    await createUser(ctx, {
      email: `${local}@icc.test`,
      name: local,
      orgCode: 'ICC-REGISTRY',
      role: 'officer',
      password: PASSWORD,
      mfaSecretSealed: sealed,
    })
  }
  await createUser(ctx, {
    email: 'newbie@nld.test',
    name: 'Newbie',
    orgCode: 'NLD',
    role: 'focal-point',
    password: PASSWORD,
  })
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

type Session = { cookie: string; csrf: string }
const code = (offsetSteps = 0) => generate({ secret: SECRET, epoch: Math.floor(clock / 1000) + offsetSteps * 30 })

async function login(email: string, password = PASSWORD, ip = '10.0.0.1') {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip })
}
function sessionOf(res: Awaited<ReturnType<typeof login>>): Session {
  const cookie = res.cookies.find((c) => c.name === 'partnine_session')
  if (!cookie) throw new Error(`no session cookie: ${res.statusCode} ${res.body}`)
  return { cookie: cookie.value, csrf: res.json().csrfToken }
}
async function post(s: Session, url: string, payload?: Record<string, unknown>, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url,
    cookies: { partnine_session: s.cookie },
    headers: { 'x-csrf-token': s.csrf, ...headers },
    ...(payload === undefined ? {} : { payload }),
  })
}
async function get(s: Session, url: string) {
  return app.inject({ url, cookies: { partnine_session: s.cookie } })
}
async function signIn(email: string): Promise<Session> {
  const pending = sessionOf(await login(email))
  const done = await post(pending, '/api/v1/auth/mfa', { code: await code() })
  expect(done.statusCode).toBe(200)
  return sessionOf(done)
}

describe('sign-in', () => {
  it('answers an unknown account and a wrong password identically', async () => {
    const unknown = await login('nobody@icc.test', PASSWORD, '10.1.0.1')
    const wrong = await login('alice@icc.test', 'not the password at all', '10.1.0.2')
    expect(unknown.statusCode).toBe(401)
    expect(wrong.statusCode).toBe(401)
    expect(unknown.json()).toEqual(wrong.json())
    expect(unknown.json().error.code).toBe('LOGIN_FAILED')
  })

  it('throttles an account after 5 failures, answering the same for an unknown one', async () => {
    for (let i = 0; i < 5; i++) {
      await login('bob@icc.test', 'wrong wrong wrong wrong', `10.2.0.${i}`)
      await login('ghost@icc.test', 'wrong wrong wrong wrong', `10.3.0.${i}`)
    }
    const known = await login('bob@icc.test', PASSWORD, '10.2.1.1')
    const ghost = await login('ghost@icc.test', PASSWORD, '10.3.1.1')
    expect(known.statusCode).toBe(429)
    expect(known.json()).toEqual(ghost.json())
    advance(16 * 60_000) // the window slides
    expect((await login('bob@icc.test', PASSWORD, '10.2.1.1')).statusCode).toBe(200)
  })

  it('throttles an address after 30 failures, whatever the accounts', async () => {
    for (let i = 0; i < 30; i++) await login(`spray${i}@icc.test`, 'wrong wrong wrong wrong', '10.9.9.9')
    expect((await login('carol@icc.test', PASSWORD, '10.9.9.9')).statusCode).toBe(429)
    expect((await login('carol@icc.test', PASSWORD, '10.9.9.10')).statusCode).toBe(200)
    advance(16 * 60_000)
  })

  it('requires the second step before anything else, then rotates the session identifier', async () => {
    const pending = sessionOf(await login('alice@icc.test'))
    expect((await get(pending, '/api/v1/auth/session')).json().state).toBe('mfa_pending')
    const blocked = await get(pending, '/api/v1/account/sessions')
    expect(blocked.statusCode).toBe(403)
    expect(blocked.json().error.code).toBe('MFA_REQUIRED')
    const done = await post(pending, '/api/v1/auth/mfa', { code: await code() })
    const active = sessionOf(done)
    expect(done.json().state).toBe('active')
    expect(active.cookie).not.toBe(pending.cookie)
    expect(active.csrf).not.toBe(pending.csrf)
    // The pre-verification identifier is dead: fixation gains nothing.
    expect((await get(pending, '/api/v1/auth/session')).json().state).toBe('anonymous')
    expect((await get(active, '/api/v1/account/sessions')).statusCode).toBe(200)
  })

  it('accepts a TOTP code once (replay refused), and a recovery code once', async () => {
    advance(60_000)
    const first = sessionOf(await login('dave@icc.test'))
    const used = await code()
    expect((await post(first, '/api/v1/auth/mfa', { code: used })).statusCode).toBe(200)
    const second = sessionOf(await login('dave@icc.test'))
    const replay = await post(second, '/api/v1/auth/mfa', { code: used })
    expect(replay.statusCode).toBe(401)
    expect(replay.json().error.code).toBe('MFA_CODE_INVALID')
    expect((await post(second, '/api/v1/auth/mfa', { code: '000000' })).statusCode).toBe(401)
  })

  it('ignores a session cookie the client made up', async () => {
    const res = await app.inject({
      url: '/api/v1/account/sessions',
      cookies: { partnine_session: 'attacker-chosen-value' },
    })
    expect(res.statusCode).toBe(401)
    const fresh = await login('erin@icc.test')
    expect(sessionOf(fresh).cookie).not.toBe('attacker-chosen-value')
  })
})

describe('two-step enrolment', () => {
  it('makes an account without TOTP enrol, then gives ten single-use recovery codes', async () => {
    const start = sessionOf(await login('newbie@nld.test'))
    expect((await get(start, '/api/v1/auth/session')).json().state).toBe('mfa_enrolment')
    const enrolment = await post(start, '/api/v1/auth/mfa/enrolment')
    expect(enrolment.statusCode).toBe(200)
    const { secret, qrDataUrl } = enrolment.json()
    expect(qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/)
    const confirmed = await post(start, '/api/v1/auth/mfa/enrolment/confirmation', {
      code: await generate({ secret, epoch: Math.floor(clock / 1000) }),
    })
    expect(confirmed.statusCode).toBe(200)
    const { recoveryCodes, state } = confirmed.json()
    expect(state).toBe('active')
    expect(recoveryCodes).toHaveLength(10)
    advance(60_000)
    const again = sessionOf(await login('newbie@nld.test'))
    expect((await post(again, '/api/v1/auth/mfa', { recoveryCode: recoveryCodes[0] })).statusCode).toBe(200)
    const third = sessionOf(await login('newbie@nld.test'))
    expect((await post(third, '/api/v1/auth/mfa', { recoveryCode: recoveryCodes[0] })).statusCode).toBe(401)
  })
})

describe('sessions', () => {
  it('refuses a state-changing request without the CSRF token or from another origin', async () => {
    const s = await signIn('frank@icc.test')
    const noToken = await app.inject({
      method: 'POST',
      url: '/api/v1/account/tokens',
      cookies: { partnine_session: s.cookie },
      payload: { name: 'x' },
    })
    expect(noToken.statusCode).toBe(403)
    expect(noToken.json().error.code).toBe('CSRF_FAILED')
    const wrongToken = await post({ ...s, csrf: 'x'.repeat(32) }, '/api/v1/account/tokens', { name: 'x' })
    expect(wrongToken.json().error.code).toBe('CSRF_FAILED')
    const crossOrigin = await post(s, '/api/v1/account/tokens', { name: 'x' }, { origin: 'https://evil.example' })
    expect(crossOrigin.json().error.code).toBe('CSRF_FAILED')
    expect((await post(s, '/api/v1/account/tokens', { name: 'x' })).statusCode).toBe(201)
  })

  it('expires after the idle timeout and at the absolute timeout', async () => {
    advance(60_000)
    const s = await signIn('alice@icc.test')
    advance(14 * 60_000)
    expect((await get(s, '/api/v1/account/sessions')).statusCode).toBe(200) // slides the idle expiry
    advance(14 * 60_000)
    expect((await get(s, '/api/v1/account/sessions')).statusCode).toBe(200)
    advance(16 * 60_000)
    expect((await get(s, '/api/v1/account/sessions')).statusCode).toBe(401)
    advance(60_000)
    const t = await signIn('carol@icc.test')
    for (let i = 0; i < 40; i++) {
      advance(14 * 60_000)
      if ((await get(t, '/api/v1/account/sessions')).statusCode !== 200) break
    }
    // Registry officers handle sealed material: 8 hours at most, however active.
    expect((await get(t, '/api/v1/account/sessions')).statusCode).toBe(401)
  })

  it("acts as the user's organisation and compartments as they are now, and not at all once disabled", async () => {
    advance(60_000)
    const s = await signIn('grace@icc.test')
    const ctx = systemCtx(db.db, { kind: 'operator', name: 'test' }, now)
    for (const code of ['SES-B', 'SES-A']) await createCompartment(ctx, { code, name: code })
    const userId = await getUserIdByEmail(ctx, 'grace@icc.test')
    await changeUser(ctx, userId, { kind: 'set-compartments', compartments: ['SES-B', 'SES-A'] })
    const resolved = await resolveSession(ctx, s.cookie)
    expect(resolved?.user).toMatchObject({ id: userId, email: 'grace@icc.test', org_code: 'ICC-REGISTRY' })
    expect(resolved?.actor).toEqual({
      kind: 'user',
      userId,
      email: 'grace@icc.test',
      name: 'grace',
      orgCode: 'ICC-REGISTRY',
      orgKind: 'court_organ',
      role: 'officer',
      compartments: ['SES-A', 'SES-B'],
      via: 'session',
      sessionId: resolved?.session.id_hash,
      scopes: ['read', 'write'],
    })
    // Read at every request: a change shows at the next one, and disabling ends the session.
    await changeUser(ctx, userId, { kind: 'set-compartments', compartments: ['SES-B'] })
    expect((await resolveSession(ctx, s.cookie))?.actor?.compartments).toEqual(['SES-B'])
    await changeUser(ctx, userId, { kind: 'disable' })
    expect(await resolveSession(ctx, s.cookie)).toBeNull()
    expect((await get(s, '/api/v1/account/sessions')).statusCode).toBe(401)
  })

  it('ends one session on sign-out and every session on "sign out everywhere"', async () => {
    advance(60_000)
    const one = await signIn('erin@icc.test')
    advance(31_000)
    const two = await signIn('erin@icc.test')
    expect((await post(one, '/api/v1/auth/logout')).statusCode).toBe(200)
    expect((await get(one, '/api/v1/account/sessions')).statusCode).toBe(401)
    expect((await get(two, '/api/v1/account/sessions')).statusCode).toBe(200)
    advance(31_000)
    const three = await signIn('erin@icc.test')
    expect((await post(three, '/api/v1/account/logout-everywhere')).statusCode).toBe(200)
    expect((await get(two, '/api/v1/account/sessions')).statusCode).toBe(401)
    expect((await get(three, '/api/v1/account/sessions')).statusCode).toBe(401)
  })
})

describe('API tokens', () => {
  it('are shown once, hashed at rest, scoped, expiring and revocable', async () => {
    advance(60_000)
    const s = await signIn('frank@icc.test')
    const created = (await post(s, '/api/v1/account/tokens', { name: 'reader', days: 1, scopes: ['read'] })).json()
    const bearer = { authorization: `Bearer ${created.token}` }
    const stored = await db.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow()
    expect(stored.token_hash).not.toContain(created.token)
    expect((await app.inject({ url: '/api/v1/account/tokens', headers: bearer })).statusCode).toBe(200)
    const write = await app.inject({
      method: 'POST',
      url: '/api/v1/account/tokens',
      headers: bearer,
      payload: { name: 'more' },
    })
    expect(write.statusCode).toBe(403)
    advance(25 * 3600_000)
    expect((await app.inject({ url: '/api/v1/account/tokens', headers: bearer })).statusCode).toBe(401)
    const s2 = await signIn('frank@icc.test')
    const other = (await post(s2, '/api/v1/account/tokens', { name: 'revoked', days: 30, scopes: ['read'] })).json()
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: `/api/v1/account/tokens/${other.id}`,
          cookies: { partnine_session: s2.cookie },
          headers: { 'x-csrf-token': s2.csrf },
        })
      ).statusCode,
    ).toBe(200)
    expect(
      (await app.inject({ url: '/api/v1/account/tokens', headers: { authorization: `Bearer ${other.token}` } }))
        .statusCode,
    ).toBe(401)
    expect(
      (await app.inject({ url: '/api/v1/account/tokens', headers: { authorization: 'Bearer p9_forged' } })).statusCode,
    ).toBe(401)
  })
})

describe('audit of authentication', () => {
  it('records logins and failed logins', async () => {
    const actions = (await db.db.selectFrom('audit_events').select('action').execute()).map((r) => r.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'auth.login',
        'auth.login_failed',
        'auth.mfa_verified',
        'auth.mfa_enrolled',
        'auth.logout',
      ]),
    )
  })
})
