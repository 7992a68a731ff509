import { randomUUID } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemCtx, testSecrets } from '../../../test/context.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { startTestIdp, TEST_IDP_PASSWORD, type TestIdp, type TestIdpAccount } from '../../../test/oidc-provider.ts'
import { buildApp } from '../app.ts'
import { sealSecret } from '../crypto/secret-box.ts'
import { parseJson } from '../db/values.ts'
import { changeUser, createUser } from '../identity/identity.service.ts'

// The app is reached through inject(); its public URL is only a name the IdP redirects to, and
// the test carries each redirect across by hand (the IdP is a real server on loopback).
const PUBLIC_URL = 'http://partnine.test'
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
const PROVIDER_IDS = ['test-idp', 'trusting-idp']

let db: TestDb
let idp: TestIdp
let app: FastifyInstance

beforeAll(async () => {
  db = await createTestDb()
  idp = await startTestIdp({
    redirectUris: PROVIDER_IDS.map((id) => `${PUBLIC_URL}/api/v1/auth/oidc/${id}/callback`),
  })
  const common = { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, orgCode: 'ICC-REGISTRY' }
  const config = testConfig(db, {
    publicUrl: PUBLIC_URL,
    oidcProviders: [
      { id: 'test-idp', name: 'Registry sign-on', ...common, trustIdpMfa: false },
      { id: 'trusting-idp', name: 'Registry sign-on (MFA)', ...common, trustIdpMfa: true },
      { id: 'down-idp', name: 'Unreachable', ...common, issuer: 'http://127.0.0.1:9', trustIdpMfa: false },
    ],
  })
  app = await buildApp(config, { db })
})

afterAll(async () => {
  await app?.close()
  await idp?.stop()
  await db?.destroy()
})

type Person = { userId: string; email: string; account: TestIdpAccount }

/** An account here (ICC-REGISTRY unless said otherwise, TOTP enrolled) and the same person at the IdP. */
async function person(options: { orgCode?: string; idp?: Partial<TestIdpAccount>; role?: string } = {}) {
  const email = `sso.${randomUUID().slice(0, 8)}@registry.test`
  const user = await createUser(systemCtx(db.db, { kind: 'operator', name: 'test' }), {
    email,
    name: 'SSO Tester',
    orgCode: options.orgCode ?? 'ICC-REGISTRY',
    role: options.role ?? 'officer',
    mfaSecretSealed: sealSecret(testSecrets.encryptionKey, 'totp-secret', TOTP_SECRET),
  })
  const account = { sub: randomUUID(), email, ...options.idp }
  idp.addAccount(account)
  return { userId: user.id, email, account } satisfies Person
}

function setCookie(res: LightMyRequestResponse, name: string): string | undefined {
  return res.cookies.find((c) => c.name === name)?.value
}

/** Leaves for the IdP, signs in on its login form and returns where it sends the browser back. */
async function throughIdp(email: string, options: { provider?: string; editAuthUrl?: (url: URL) => void } = {}) {
  const start = await app.inject({ url: `/api/v1/auth/oidc/${options.provider ?? 'test-idp'}/start?returnTo=/cases` })
  expect(start.statusCode).toBe(302)
  const flowCookie = setCookie(start, 'partnine_oidc')
  expect(flowCookie).toBeTruthy()
  const authUrl = new URL(start.headers.location as string)
  options.editAuthUrl?.(authUrl)
  const jar = new Map<string, string>()
  let url = authUrl
  for (let hop = 0; hop < 10; hop++) {
    if (url.href.startsWith(PUBLIC_URL)) return { callback: url, flowCookie: flowCookie as string, authUrl }
    const isLoginForm = /^\/interaction\/[^/]+$/.test(url.pathname)
    const res = await fetch(
      isLoginForm ? `${url.href}/login` : url,
      isLoginForm
        ? {
            method: 'POST',
            redirect: 'manual',
            headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ login: email, password: TEST_IDP_PASSWORD }).toString(),
          }
        : { redirect: 'manual', headers: { cookie: cookieHeader(jar) } },
    )
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const [name = '', value = ''] = pair.split('=')
      if (value) jar.set(name, value)
      else jar.delete(name)
    }
    const location = res.headers.get('location')
    if (!location) throw new Error(`IdP stopped at ${url.pathname} with ${res.status}: ${await res.text()}`)
    url = new URL(location, url)
  }
  throw new Error('too many redirects at the IdP')
}

function cookieHeader(jar: Map<string, string>) {
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
}

function callback(url: URL, flowCookie: string | undefined) {
  return app.inject({ url: url.pathname + url.search, cookies: flowCookie ? { partnine_oidc: flowCookie } : {} })
}

async function sessionOf(res: LightMyRequestResponse) {
  const token = setCookie(res, 'partnine_session')
  expect(token).toBeTruthy()
  const session = await app.inject({ url: '/api/v1/auth/session', cookies: { partnine_session: token as string } })
  return { token: token as string, ...(session.json() as { state: string; csrfToken: string; user: { id: string } }) }
}

async function lastAuditOf(action: string) {
  const row = await db.db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', action)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow()
  return { ...row, details: parseJson<Record<string, unknown>>(row.details) }
}

function expectRefused(res: LightMyRequestResponse, code: string) {
  expect(res.statusCode).toBe(302)
  expect(res.headers.location).toBe(`/sign-in?sso_error=${code}`)
  expect(setCookie(res, 'partnine_session')).toBeUndefined()
}

describe('GET /auth/oidc/providers', () => {
  it('lists the configured providers by id and name only', async () => {
    const res = await app.inject({ url: '/api/v1/auth/oidc/providers' })
    expect(res.statusCode).toBe(200)
    expect(res.json().items).toEqual([
      { id: 'test-idp', name: 'Registry sign-on' },
      { id: 'trusting-idp', name: 'Registry sign-on (MFA)' },
      { id: 'down-idp', name: 'Unreachable' },
    ])
  })
})

describe('GET /auth/oidc/:provider/start', () => {
  it('sends the browser to the IdP with PKCE S256, state and nonce, and a sealed Lax flow cookie', async () => {
    const res = await app.inject({ url: '/api/v1/auth/oidc/test-idp/start' })
    expect(res.statusCode).toBe(302)
    const url = new URL(res.headers.location as string)
    expect(url.origin).toBe(idp.issuer)
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(url.searchParams.get('state')).toBeTruthy()
    expect(url.searchParams.get('nonce')).toBeTruthy()
    expect(url.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/api/v1/auth/oidc/test-idp/callback`)
    const cookie = res.cookies.find((c) => c.name === 'partnine_oidc')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/oidc', maxAge: 600 })
    // Sealed: the verifier is not readable in the cookie.
    expect(cookie?.value).not.toContain(url.searchParams.get('state'))
  })

  it('refuses an unknown provider by redirecting to the sign-in page, audited', async () => {
    expectRefused(await app.inject({ url: '/api/v1/auth/oidc/nope/start' }), 'unknown_provider')
    expect((await lastAuditOf('auth.login_failed')).details).toMatchObject({ method: 'oidc:nope' })
  })

  it('answers idp_unavailable when the IdP cannot be reached', async () => {
    expectRefused(await app.inject({ url: '/api/v1/auth/oidc/down-idp/start' }), 'idp_unavailable')
  })
})

describe('single sign-on through a real OpenID provider', () => {
  it('signs in, links the account, and leaves the session awaiting our TOTP step', async () => {
    const p = await person()
    const { callback: url, flowCookie } = await throughIdp(p.email)
    const res = await callback(url, flowCookie)
    expect(res.statusCode).toBe(302)
    expect(res.headers.location).toBe('/sign-in?next=%2Fcases')
    expect(res.cookies.find((c) => c.name === 'partnine_session')).toMatchObject({ sameSite: 'Strict', httpOnly: true })
    const session = await sessionOf(res)
    expect(session).toMatchObject({ state: 'mfa_pending', user: { id: p.userId } })
    expect((await lastAuditOf('auth.login')).details).toMatchObject({ method: 'oidc:test-idp', state: 'mfa_pending' })
    expect(await lastAuditOf('auth.oidc_linked')).toMatchObject({ record_id: p.userId })

    const mfa = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa',
      cookies: { partnine_session: session.token },
      headers: { 'x-csrf-token': session.csrfToken },
      payload: { code: await generate({ secret: TOTP_SECRET }) },
    })
    expect(mfa.statusCode).toBe(200)
    expect(mfa.json().state).toBe('active')
  })

  it('finds a linked account by its subject even after the IdP changes the e-mail', async () => {
    const p = await person()
    const first = await throughIdp(p.email)
    expect((await callback(first.callback, first.flowCookie)).statusCode).toBe(302)
    p.account.email = `renamed.${p.email}`
    const again = await throughIdp(p.account.email)
    const session = await sessionOf(await callback(again.callback, again.flowCookie))
    expect(session).toMatchObject({ state: 'mfa_pending', user: { id: p.userId } })
  })

  it('gives an active session at once when the IdP is trusted for MFA and its ID token says amr=mfa', async () => {
    const p = await person({ idp: { amr: ['pwd', 'mfa'] } })
    const { callback: url, flowCookie } = await throughIdp(p.email, { provider: 'trusting-idp' })
    const res = await callback(url, flowCookie)
    expect(res.headers.location).toBe('/cases')
    expect(await sessionOf(res)).toMatchObject({ state: 'active', user: { id: p.userId } })
    expect((await lastAuditOf('auth.login')).details).toMatchObject({ mfaDoneBy: 'oidc:trusting-idp' })
  })

  it('still asks for our TOTP step when the trusted IdP did not do MFA', async () => {
    const p = await person({ idp: { amr: ['pwd'] } })
    const { callback: url, flowCookie } = await throughIdp(p.email, { provider: 'trusting-idp' })
    expect(await sessionOf(await callback(url, flowCookie))).toMatchObject({ state: 'mfa_pending' })
  })

  it('ignores amr=mfa from an IdP that is not trusted for MFA', async () => {
    const p = await person({ idp: { amr: ['mfa'] } })
    const { callback: url, flowCookie } = await throughIdp(p.email)
    expect(await sessionOf(await callback(url, flowCookie))).toMatchObject({ state: 'mfa_pending' })
  })
})

describe('refused single sign-on', () => {
  it('refuses a tampered state', async () => {
    const p = await person()
    const { callback: url, flowCookie } = await throughIdp(p.email)
    url.searchParams.set('state', `${url.searchParams.get('state')}x`)
    expectRefused(await callback(url, flowCookie), 'invalid_state')
    expect((await lastAuditOf('auth.login_failed')).details).toMatchObject({ reason: 'state does not match' })
  })

  it('refuses a tampered or missing flow cookie', async () => {
    const p = await person()
    const { callback: url, flowCookie } = await throughIdp(p.email)
    const altered = `${flowCookie.slice(0, -4)}${flowCookie.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`
    expectRefused(await callback(url, altered), 'invalid_state')
    expectRefused(await callback(url, undefined), 'invalid_state')
  })

  it('refuses a replayed callback', async () => {
    const p = await person()
    const { callback: url, flowCookie } = await throughIdp(p.email)
    expect((await callback(url, flowCookie)).headers.location).toBe('/sign-in?next=%2Fcases')
    expectRefused(await callback(url, flowCookie), 'invalid_state')
    expect((await lastAuditOf('auth.login_failed')).details).toMatchObject({ reason: 'callback replayed' })
  })

  it('refuses an ID token carrying another nonce', async () => {
    const p = await person()
    const { callback: url, flowCookie } = await throughIdp(p.email, {
      editAuthUrl: (u) => u.searchParams.set('nonce', 'a-nonce-we-never-issued'),
    })
    expectRefused(await callback(url, flowCookie), 'invalid_token')
    expect(String((await lastAuditOf('auth.login_failed')).details.reason)).toMatch(/nonce/)
  })

  it('refuses a user of another organisation, whatever e-mail the IdP asserts', async () => {
    const p = await person({ orgCode: 'ICC-OTP' })
    const { callback: url, flowCookie } = await throughIdp(p.email)
    expectRefused(await callback(url, flowCookie), 'no_account')
    const audit = await lastAuditOf('auth.login_failed')
    expect(audit).toMatchObject({ record_id: p.userId })
    expect(audit.details).toMatchObject({ reason: 'organisation mismatch', method: 'oidc:test-idp' })
  })

  it('refuses a disabled account, linked or not', async () => {
    const p = await person()
    const first = await throughIdp(p.email)
    await callback(first.callback, first.flowCookie) // links it
    await changeUser(systemCtx(db.db, { kind: 'operator', name: 'test' }), p.userId, { kind: 'disable' })
    const again = await throughIdp(p.email)
    expectRefused(await callback(again.callback, again.flowCookie), 'no_account')
    expect((await lastAuditOf('auth.login_failed')).details).toMatchObject({ reason: 'account disabled' })
  })

  it('refuses an e-mail address that no account has, and never creates one', async () => {
    const email = `stranger.${randomUUID().slice(0, 8)}@registry.test`
    idp.addAccount({ sub: randomUUID(), email })
    const { callback: url, flowCookie } = await throughIdp(email)
    expectRefused(await callback(url, flowCookie), 'no_account')
    expect(await db.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()).toBeUndefined()
    expect((await lastAuditOf('auth.login_failed')).details).toMatchObject({ reason: 'unknown account', email })
  })

  it('refuses to link by an e-mail address the IdP has not verified', async () => {
    const p = await person({ idp: { emailVerified: false } })
    const { callback: url, flowCookie } = await throughIdp(p.email)
    expectRefused(await callback(url, flowCookie), 'email_not_verified')
  })

  it('refuses an error answer from the IdP', async () => {
    const start = await app.inject({ url: '/api/v1/auth/oidc/test-idp/start' })
    const state = new URL(start.headers.location as string).searchParams.get('state') as string
    const url = new URL(
      `${PUBLIC_URL}/api/v1/auth/oidc/test-idp/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(idp.issuer)}`,
    )
    expectRefused(await callback(url, setCookie(start, 'partnine_oidc')), 'idp_error')
  })

  it('refuses a flow started with another provider', async () => {
    const p = await person()
    const { callback: url, flowCookie } = await throughIdp(p.email)
    const elsewhere = new URL(url.href.replace('/test-idp/', '/trusting-idp/'))
    expectRefused(await callback(elsewhere, flowCookie), 'invalid_state')
  })
})
