import type { FastifyInstance } from 'fastify'
import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { systemCtx, testSecrets } from '../../../test/context.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'
import { sealSecret } from '../crypto/secret-box.ts'
import { createUser } from '../identity/identity.service.ts'
import { ROLES_BY_KIND } from '../identity/organisations.ts'
import { isInfrastructureRoute, ROUTE_POLICIES, type RoutePolicy } from './policy.ts'

// Route level: every route of the app × every kind of caller, the expected answer read from the
// written policy table (ROUTE_POLICIES) by this test's own reading of it. Record level (who may
// know that a protected record exists) is access/need-to-know.test.ts.

type Caller = {
  label: string
  credential: 'none' | 'pending' | 'session' | 'token'
  orgKind?: string
  role?: string
  readOnly?: boolean
  headers: Record<string, string>
  cookies?: Record<string, string>
}

const ORG_FOR_KIND: Record<string, string> = {
  court_organ: 'ICC-REGISTRY',
  defence: 'ICC-DEFENCE-MATRIX',
  state: 'NLD',
  io: 'IO-UN',
  assembly: 'ASP',
}
const SECRET = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU'

let db: TestDb
let app: FastifyInstance
const callers: Caller[] = []

beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
  const ctx = systemCtx(db.db, { kind: 'operator', name: 'matrix' })
  await db.db
    .insertInto('organisations')
    .values({ code: 'ICC-DEFENCE-MATRIX', kind: 'defence', name_en: 'Defence (test)', name_fr: 'Défense (test)' })
    .execute()
  callers.push({ label: 'anonymous', credential: 'none', headers: {} })
  for (const [orgKind, roles] of Object.entries(ROLES_BY_KIND)) {
    for (const role of roles) {
      const orgCode = ORG_FOR_KIND[orgKind] as string
      const { headers } = await createUserWithToken(db.db, { orgCode, role })
      callers.push({ label: `${orgKind}:${role} (token)`, credential: 'token', orgKind, role, headers })
    }
  }
  const reader = await createUserWithToken(db.db, { orgCode: 'ICC-REGISTRY', role: 'admin', scopes: ['read'] })
  callers.push({
    label: 'court_organ:admin (read-only token)',
    credential: 'token',
    orgKind: 'court_organ',
    role: 'admin',
    readOnly: true,
    headers: reader.headers,
  })
  // Browser sessions: one signed in, one still at the two-step verification.
  const sealed = sealSecret(testSecrets.encryptionKey, 'totp-secret', SECRET)
  const password = 'a passphrase long enough for the matrix'
  for (const email of ['matrix.pending@icc.test', 'matrix.active@icc.test']) {
    await createUser(ctx, {
      email,
      name: email,
      orgCode: 'ICC-REGISTRY',
      role: 'admin',
      password,
      mfaSecretSealed: sealed,
    })
  }
  const pending = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'matrix.pending@icc.test', password },
  })
  callers.push({
    label: 'court_organ:admin (session awaiting MFA)',
    credential: 'pending',
    orgKind: 'court_organ',
    role: 'admin',
    headers: { 'x-csrf-token': pending.json().csrfToken },
    cookies: { partnine_session: pending.cookies[0]?.value as string },
  })
  callers.push(await signedInCaller(ctx, 'matrix.active@icc.test'))
})

const SEALED = () => sealSecret(testSecrets.encryptionKey, 'totp-secret', SECRET)
const PASSWORD = 'a passphrase long enough for the matrix'

/** A browser session that has completed two-step verification (a new account each time, since a
 * TOTP code is accepted once per account). */
async function signedInCaller(ctx: ReturnType<typeof systemCtx>, email: string): Promise<Caller> {
  if (email !== 'matrix.active@icc.test') {
    await createUser(ctx, {
      email,
      name: email,
      orgCode: 'ICC-REGISTRY',
      role: 'admin',
      password: PASSWORD,
      mfaSecretSealed: SEALED(),
    })
  }
  const first = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } })
  const done = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/mfa',
    cookies: { partnine_session: first.cookies[0]?.value as string },
    headers: { 'x-csrf-token': first.json().csrfToken },
    payload: { code: await generate({ secret: SECRET }) },
  })
  return {
    label: 'court_organ:admin (session)',
    credential: 'session',
    orgKind: 'court_organ',
    role: 'admin',
    headers: { 'x-csrf-token': done.json().csrfToken },
    cookies: { partnine_session: done.cookies[0]?.value as string },
  }
}
afterAll(async () => {
  await app.close()
  await db.destroy()
})

function apiRoutes() {
  return app.routeTable.filter((r) => r.method !== 'HEAD' && !isInfrastructureRoute(r.url))
}

/** This test's own reading of the policy table. */
function expectedAllowed(policy: RoutePolicy, caller: Caller, method: string): boolean {
  if (policy.access === 'public') return true
  if (policy.access === 'session') return caller.credential === 'session' || caller.credential === 'pending'
  if (caller.credential === 'none' || caller.credential === 'pending') return false
  if (method !== 'GET' && caller.readOnly) return false
  if (policy.access === 'signed-in') return true
  return (
    policy.roles.includes(`${caller.orgKind}:${caller.role}` as never) ||
    policy.roles.includes(`*:${caller.role}` as never)
  )
}

function concreteUrl(url: string) {
  return url
    .replace(':iso3', 'NLD')
    .replace(':id', '00000000-0000-4000-8000-000000000000')
    .replace(/:[a-zA-Z]+/g, 'x')
}

const DENIALS = new Set(['UNAUTHENTICATED', 'MFA_REQUIRED', 'FORBIDDEN', 'CSRF_FAILED'])

describe('the policy table', () => {
  it('has an entry for every API route, and no entry without a route', () => {
    const keys = apiRoutes().map((r) => `${r.method} ${r.url}`)
    expect(keys.filter((k) => !ROUTE_POLICIES[k])).toEqual([])
    expect(
      Object.keys(ROUTE_POLICIES).filter((k) => !keys.includes(k) && !isInfrastructureRoute(k.split(' ')[1] ?? '')),
    ).toEqual([])
  })
})

describe('every route × every caller', () => {
  it('answers exactly as the policy table says: 0 unexpected allows, 0 unexpected denials', async () => {
    const unexpected: string[] = []
    let cases = 0
    // Sign-out routes last: they end the sessions the other cases use.
    const routes = apiRoutes().sort((a, b) => Number(/logout/.test(a.url)) - Number(/logout/.test(b.url)))
    let fresh = 0
    for (const route of routes) {
      if (/logout/.test(route.url)) {
        // Each sign-out route gets a session of its own: the previous one ended the last.
        const index = callers.findIndex((c) => c.credential === 'session')
        callers[index] = await signedInCaller(
          systemCtx(db.db, { kind: 'operator', name: 'matrix' }),
          `matrix.fresh${fresh++}@icc.test`,
        )
      }
      const policy = ROUTE_POLICIES[`${route.method} ${route.url}`] as RoutePolicy
      for (const caller of callers) {
        const res = await app.inject({
          method: route.method as 'GET',
          url: concreteUrl(route.url),
          headers: caller.headers,
          ...(caller.cookies ? { cookies: caller.cookies } : {}),
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        })
        cases++
        const code = res.headers['content-type']?.includes('json') ? res.json()?.error?.code : undefined
        const denied = (res.statusCode === 401 || res.statusCode === 403) && DENIALS.has(code)
        const expected = expectedAllowed(policy, caller, route.method)
        if (denied === expected)
          unexpected.push(`${route.method} ${route.url} as ${caller.label}: ${res.statusCode} ${code ?? ''}`)
        expect(res.statusCode).toBeLessThan(500)
      }
    }
    expect(unexpected).toEqual([])
    expect(cases).toBeGreaterThan(300)
  })
})
