import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb, testConfig } from '../../test/db.ts'
import { buildApp } from './app.ts'

let db: TestDb
let app: FastifyInstance
beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

describe('health', () => {
  it('is live and ready when the database is at the latest migration', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' })
    expect((await app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ok' })
  })

  it('is not ready on a database without migrations', async () => {
    const empty = await createTestDb({ seeded: false })
    const other = await buildApp(testConfig(empty), { db: empty })
    const res = await other.inject({ url: '/readyz' })
    expect(res.statusCode).toBe(503)
    expect(res.json().status).toBe('unavailable')
    await other.close()
    await empty.destroy()
  })
})

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document where every route has a summary and a response schema', async () => {
    const res = await app.inject({ url: '/api/v1/openapi.json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(doc.openapi).toBe('3.1.0')
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, any>).map(([method, op]) => ({ path, method, op })),
    )
    expect(operations.map((o) => o.path)).toEqual(expect.arrayContaining(['/api/v1/states', '/api/v1/states/{iso3}']))
    for (const { op } of operations) {
      expect(op.summary).toBeTruthy()
      const success = Object.entries(op.responses as Record<string, any>).find(([status]) => /^2\d\d$/.test(status))
      // Routes a browser navigates to (single sign-on) answer with a redirect and no body.
      const isRedirect = !success && Object.keys(op.responses).some((status) => /^3\d\d$/.test(status))
      // A file download (exports) declares its own media type's schema instead of JSON.
      const content = success?.[1]?.content as Record<string, { schema?: unknown }> | undefined
      const schema = content?.['application/json']?.schema ?? Object.values(content ?? {})[0]?.schema
      expect(schema ?? (success?.[0] === '204' || isRedirect ? {} : undefined)).toBeDefined()
    }
  })

  it('serves browsable docs', async () => {
    const res = await app.inject({ url: '/api/docs/' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/html')
  })
})

describe('responses', () => {
  it('carry a request id and security headers with a strict CSP', async () => {
    const res = await app.inject({ url: '/api/v1/meta' })
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin')
    // HSTS is the TLS proxy's to add; helmet would otherwise send it on plain loopback.
    expect(res.headers['strict-transport-security']).toBeUndefined()
  })

  it('carry the security headers on errors too', async () => {
    const res = await app.inject({ url: '/api/v1/requests/nope' })
    expect(res.statusCode).toBeGreaterThanOrEqual(400)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'")
  })

  it('gives the web page, and only it, a fresh style nonce that its meta tag carries', async () => {
    const webDir = mkdtempSync(path.join(tmpdir(), 'partnine-web-'))
    writeFileSync(path.join(webDir, 'index.html'), '<meta name="csp-nonce" content="__CSP_NONCE__"><p>app</p>')
    const web = await buildApp(testConfig(db, { webDir }), { db })
    const nonceOf = (csp: string) => /style-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1]
    const pages = [await web.inject({ url: '/requests' }), await web.inject({ url: '/states/NLD' })]
    const nonces = pages.map((p) => nonceOf(String(p.headers['content-security-policy'])))
    expect(nonces[0]).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(nonces[1]).not.toBe(nonces[0])
    expect(pages[0]?.body).toContain(`content="${nonces[0]}"`)
    expect(String(pages[0]?.headers['content-security-policy'])).toContain("script-src 'self';")
    const api = await web.inject({ url: '/api/v1/meta' })
    expect(String(api.headers['content-security-policy'])).not.toContain('nonce')
    await web.close()
    rmSync(webDir, { recursive: true, force: true })
  })

  it('ignores a client-chosen request id', async () => {
    const res = await app.inject({ url: '/healthz', headers: { 'request-id': 'forged' } })
    expect(res.headers['x-request-id']).not.toBe('forged')
  })

  it('answers unknown API routes with the error shape, not the web app', async () => {
    const res = await app.inject({ url: '/api/v1/nothing-here' })
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND')
    const post = await app.inject({ method: 'POST', url: '/api/v1/states', payload: { a: 1 } })
    expect(post.statusCode).toBe(404)
    expect(post.json().error.code).toBe('ROUTE_NOT_FOUND')
  })

  it('reports whether fictional demo data is loaded', async () => {
    const meta = (await app.inject({ url: '/api/v1/meta' })).json()
    expect(meta).toMatchObject({ name: 'Part IX', demoLoadedAt: null, notificationsByMail: false })
    expect(meta.referenceLoadedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
  })
})
