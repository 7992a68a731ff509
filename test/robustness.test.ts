import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/server/app.ts'
import { createUserWithToken } from './auth.ts'
import { createTestDb, type TestDb, testConfig } from './db.ts'
import { digestDatabase } from './db-digest.ts'
import { type OpenApiOperation, openApiOperations } from './openapi-operations.ts'

// Driven by the OpenAPI document, so every route added later is covered without editing this
// file: generated invalid and hostile inputs must never produce a 5xx or change any data.

type Parameter = { name: string; in: 'query' | 'path' | 'header'; schema?: { enum?: unknown[]; type?: string } }
type Operation = OpenApiOperation<Parameter, unknown>

let db: TestDb
let app: FastifyInstance
let operations: Operation[] = []
// Hostile input from every kind of caller, so the handlers behind the access policy are reached too.
const callers: Record<string, string>[] = [{}]

beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
  for (const spec of [
    { orgCode: 'ICC-REGISTRY', role: 'admin' },
    { orgCode: 'ICC-REGISTRY', role: 'auditor' },
    { orgCode: 'ICC-OTP', role: 'officer', compartments: ['SIT-FUZZ'] },
    { orgCode: 'ICC-OTP', role: 'approver', compartments: ['SIT-FUZZ'] },
    { orgCode: 'NLD', role: 'focal-point' },
  ]) {
    callers.push((await createUserWithToken(db.db, spec)).headers)
  }
  operations = await openApiOperations<Parameter, unknown>(app)
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    "' OR 1=1 --",
    '"; drop table states; --',
    '%',
    '_',
    '\\',
    '../../etc/passwd',
    '%00',
    '\u0000',
    '<script>alert(1)</script>',
    '=HYPERLINK("http://x")',
    '9'.repeat(400),
    'x'.repeat(5000),
    '-1',
    '0',
    '1e309',
    'NaN',
    'true',
    'null',
    '[]',
    '{}',
    'eyJzb3J0IjoiYSIsImlzbzMiOiJaWloifQ',
    'eyJzb3J0IjpudWxsfQ',
  ),
)

function valueFor(param: Parameter) {
  const valid = param.schema?.enum?.length ? fc.constantFrom(...param.schema.enum.map(String)) : fc.constant('1')
  return fc.oneof(valid, hostileString)
}

const hostileBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => ({ type: 'application/json', payload: JSON.stringify(v) })),
  fc.string({ maxLength: 200 }).map((s) => ({ type: 'application/json', payload: s })),
  fc.string({ maxLength: 200 }).map((s) => ({ type: 'text/plain', payload: s })),
  fc.constant({ type: 'application/json', payload: '{"__proto__": {"polluted": true}}' }),
  fc.constant({ type: 'application/x-www-form-urlencoded', payload: 'a=1&a=2' }),
)

function requestFor(op: Operation) {
  const query = op.parameters.filter((p) => p.in === 'query')
  const path = op.parameters.filter((p) => p.in === 'path')
  return fc
    .record({
      pathValues: fc.tuple(...path.map(valueFor)),
      queryValues: fc.tuple(
        ...query.map((p) =>
          fc.option(fc.oneof(valueFor(p), fc.array(valueFor(p), { maxLength: 3 })), { nil: undefined }),
        ),
      ),
      extraKey: fc.option(fc.constantFrom('unknown', '__proto__', 'constructor', 'limit[]', ''), { nil: undefined }),
      body: op.hasBody ? hostileBody : fc.option(hostileBody, { nil: undefined }),
      caller: fc.nat({ max: callers.length - 1 }),
    })
    .map(({ pathValues, queryValues, extraKey, body, caller }) => {
      let url = op.path
      path.forEach((p, i) => {
        url = url.replace(`{${p.name}}`, encodeURIComponent(pathValues[i] as string))
      })
      const search = new URLSearchParams()
      query.forEach((p, i) => {
        const v = queryValues[i]
        if (Array.isArray(v)) for (const item of v) search.append(p.name, item as string)
        else if (v !== undefined) search.append(p.name, v as string)
      })
      if (extraKey !== undefined) search.append(extraKey, 'x')
      const qs = search.toString()
      return { method: op.method, url: qs ? `${url}?${qs}` : url, body, headers: callers[caller] ?? {} }
    })
}

describe('every route of the OpenAPI document', () => {
  it('is found in the document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(8)
  })

  it('never answers a generated hostile request with a 5xx, and never changes data', async () => {
    for (const op of operations) {
      const before = await digestDatabase(db.db)
      await fc.assert(
        fc.asyncProperty(requestFor(op), async (req) => {
          const res = await app.inject({
            method: req.method as 'GET',
            url: req.url,
            headers: { ...req.headers, ...(req.body ? { 'content-type': req.body.type } : {}) },
            ...(req.body ? { payload: req.body.payload } : {}),
          })
          if (res.statusCode >= 500)
            throw new Error(`${req.method} ${req.url} → ${res.statusCode} ${res.body.slice(0, 300)}`)
          if (res.statusCode >= 400) expect(res.json().error.code).toMatch(/^[A-Z_]+$/)
        }),
        { numRuns: 40 },
      )
      // An action that takes no input at all (e.g. "sign out everywhere") is valid whatever is sent.
      const takesNoInput = op.method !== 'GET' && !op.hasBody && op.parameters.length === 0
      if (!takesNoInput) expect(await digestDatabase(db.db), `${op.method} ${op.path} changed data`).toBe(before)
    }
  }, 300_000)
})
