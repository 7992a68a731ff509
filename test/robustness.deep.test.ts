import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/server/app.ts'
import { createApiToken } from '../src/server/auth/auth.tokens.ts'
import { prepareDatabase } from '../src/server/boot/prepare-database.ts'
import { DEMO_ACCOUNTS } from '../src/server/identity/identity.demo.ts'
import { systemCtx } from './context.ts'
import { createTestDb, type TestDb, testConfig } from './db.ts'
import { type OpenApiOperation, openApiOperations } from './openapi-operations.ts'

// test/robustness.test.ts sends hostile input, which the schemas turn away before any handler
// runs. This suite sends input shaped like each route's own schemas (the OpenAPI document's),
// with edge values inside them and the ids of records that exist (the fictional demo), from
// every demo role: so the handlers, services and SQL behind validation are reached, and a request
// a user can send must never get a 5xx. Such input may be valid and change data: that is allowed.

type Schema = {
  type?: string | string[]
  enum?: unknown[]
  anyOf?: Schema[]
  oneOf?: Schema[]
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  pattern?: string
  format?: string
}
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema }
type Operation = OpenApiOperation<Parameter, Schema>

let db: TestDb
let app: FastifyInstance
let operations: Operation[] = []
const callers: Record<string, string>[] = []

/** Ids of existing records by table, and every one of them (for ids the route's path does not name). */
const idsByTable = new Map<string, string[]>()
let allIds: string[] = []

// The table a path's `{param}` names, after the segment before it; other segments name their table.
const TABLE_OF_SEGMENT: Record<string, [table: string, column: string]> = {
  views: ['saved_views', 'id'],
  delegations: ['users', 'id'],
  alerts: ['asset_alerts', 'id'],
  claims: ['asset_claims', 'id'],
  'persons-sought': ['persons', 'id'],
  photos: ['person_photos', 'id'],
  tokens: ['api_tokens', 'id'],
  'request-types': ['request_types', 'code'],
  states: ['states', 'iso3'],
}
const TABLES: [string, string][] = [
  ...Object.values(TABLE_OF_SEGMENT),
  ...[
    'requests',
    'situations',
    'cases',
    'persons',
    'agreements',
    'warrants',
    'assets',
    'documents',
    'arrest_strategies',
    'arrest_opportunities',
    'compartments',
    'organisations',
  ].map((t): [string, string] => [t, ['compartments', 'organisations'].includes(t) ? 'code' : 'id']),
]

/** Some of the table's ids, visible to a given caller or not. */
async function sampleIds(table: string, column: string) {
  const query = sql<{ id: string }>`select ${sql.ref(column)} as id from ${sql.table(table)} order by random() limit 80`
  return (await query.execute(db.db)).rows.map((r) => String(r.id))
}

/**
 * A fresh token for every demo account (a route run before may have revoked the last ones), and
 * the ids of records as they are now (it may have made some).
 */
async function prepareRound() {
  for (const [table, column] of TABLES) idsByTable.set(`${table}.${column}`, await sampleIds(table, column))
  allIds = [...new Set([...idsByTable.values()].flat())]
  const ctx = systemCtx(db.db)
  callers.length = 0
  for (const account of DEMO_ACCOUNTS) {
    const user = await db.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', account.email)
      .executeTakeFirstOrThrow()
    const { token } = await createApiToken(ctx, user.id, { name: 'deep', days: 1, scopes: ['read', 'write'] })
    callers.push({ authorization: `Bearer ${token}` })
  }
}

beforeAll(async () => {
  db = await createTestDb()
  const ctx = systemCtx(db.db)
  await prepareDatabase(ctx, { demo: true })
  app = await buildApp(testConfig(db), { db })
  await prepareRound()
  operations = await openApiOperations<Parameter, Schema>(app)
  // Last, what changes the callers themselves (their roles, whether they may sign in).
  operations.sort(
    (a, b) => Number(a.path.startsWith('/api/v1/admin/users')) - Number(b.path.startsWith('/api/v1/admin/users')),
  )
}, 120_000)
afterAll(async () => {
  await app?.close()
  await db?.destroy()
})

const EDGE_TEXT = [
  ' ',
  '  leading and trailing  ',
  'Ünïcödé — ça va ? 日本語 🇳🇱',
  '\u0000',
  '\u202e reversed',
  'O\'Brien "quoted" \\ back',
  '=1+1',
  '%_*',
  'a'.repeat(300),
]

// Fields that name a record, and the column they name it by (`type` is a request's type wherever
// it is not an enum); other fields ending in Id or Ids take any id.
const TABLE_OF_FIELD: Record<string, string | string[]> = {
  situationId: 'situations.id',
  caseId: 'cases.id',
  personId: 'persons.id',
  personIds: 'persons.id',
  userId: 'users.id',
  requestId: 'requests.id',
  recordId: 'requests.id',
  attachmentIds: 'documents.id',
  supersedesDocumentId: 'documents.id',
  redactsDocumentId: 'documents.id',
  type: 'request_types.code',
  requestType: 'request_types.code',
  // A State, or an international organisation (87(6)).
  addressee: ['states.iso3', 'organisations.code'],
  addressees: ['states.iso3', 'organisations.code'],
  iso3: 'states.iso3',
  orgCode: 'organisations.code',
  defenceOrgCode: 'organisations.code',
  organ: 'organisations.code',
  namedOrganisations: 'organisations.code',
  compartment: 'compartments.code',
  compartments: 'compartments.code',
}

function poolFor(field: string): string[] | undefined {
  const tables = TABLE_OF_FIELD[field]
  if (tables) return [tables].flat().flatMap((table) => ids(table))
  return /Ids?$/.test(field) ? allIds : undefined
}

function ids(table: string): string[] {
  const own = idsByTable.get(table) ?? []
  return own.length > 0 ? own : allIds
}

/** Values a schema accepts, leaning to its edges (and sometimes just past them). */
function fromSchema(schema: Schema, idPool: string[], depth = 0): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum)
  const branches = schema.anyOf ?? schema.oneOf
  if (branches?.length) return fc.oneof(...branches.map((b) => fromSchema(b, idPool, depth)))
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
  if (types.length > 1) return fc.oneof(...types.map((type) => fromSchema({ ...schema, type }, idPool, depth)))
  switch (types[0]) {
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1e6
      const max = schema.maximum ?? 1e6
      const edges = [min, max, 0, 1, -1, min - 1, max + 1].filter((n) => Number.isFinite(n))
      return fc.oneof(
        fc.integer({ min: Math.ceil(Math.max(min, -1e9)), max: Math.floor(Math.min(max, 1e9)) }),
        fc.constantFrom(...edges),
        ...(types[0] === 'number' ? [fc.double({ min, max, noNaN: true })] : []),
      )
    }
    case 'array': {
      const item = schema.items ? fromSchema(schema.items, idPool, depth + 1) : fc.jsonValue({ maxDepth: 1 })
      const minLength = schema.minItems ?? 0
      return fc.array(item, { minLength, maxLength: Math.min(schema.maxItems ?? 3, minLength + 2) })
    }
    case 'object': {
      if (depth > 4 || !schema.properties) return fc.constant({})
      const required = new Set(schema.required ?? [])
      const fields: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [name, property] of Object.entries(schema.properties)) {
        const value = fromSchema(property, poolFor(name) ?? idPool, depth + 1)
        fields[name] = required.has(name) ? value : fc.option(value, { nil: undefined, freq: 3 })
      }
      return fc.record(fields).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)))
    }
    default:
      return stringFrom(schema, idPool)
  }
}

function stringFrom(schema: Schema, idPool: string[]): fc.Arbitrary<unknown> {
  const min = schema.minLength ?? 0
  const max = schema.maxLength ?? 400
  const fits = (s: string) => s.length >= min && s.length <= max
  const options: fc.Arbitrary<string>[] = []
  if (schema.format === 'uuid') options.push(fc.uuid(), fc.constant('00000000-0000-0000-0000-000000000000'))
  else if (schema.format === 'date')
    options.push(
      fc
        .date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc.constantFrom('0001-01-01', '9999-12-31', '2028-02-29'),
    )
  else if (schema.format === 'date-time')
    options.push(
      fc
        .date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString()),
      fc.constantFrom('0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999+14:00'),
    )
  else if (schema.format === 'email') options.push(fc.emailAddress())
  else if (schema.pattern) options.push(fc.stringMatching(new RegExp(schema.pattern)))
  else options.push(fc.string({ minLength: min, maxLength: Math.min(max, 60) }), fc.constantFrom(...EDGE_TEXT))
  // Strings from the patterns may not fit the length; those are still sent sometimes.
  const shaped = fc.oneof(...options)
  return fc.oneof(
    // A field that names a record mostly names one that exists.
    ...(idPool.length > 0 ? [{ arbitrary: fc.constantFrom(...idPool), weight: 12 }] : []),
    { arbitrary: shaped.filter(fits), weight: 3 },
    { arbitrary: shaped, weight: 1 },
  )
}

function requestFor(op: Operation) {
  const segments = op.path.split('/')
  const pathParams = op.parameters.filter((p) => p.in === 'path')
  const queryParams = op.parameters.filter((p) => p.in === 'query')
  const pathValue = (p: Parameter) => {
    const at = segments.indexOf(`{${p.name}}`)
    const segment = segments[at - 1] ?? ''
    const [table, column] = TABLE_OF_SEGMENT[segment] ?? [segment.replaceAll('-', '_'), 'id']
    return fc.oneof({ arbitrary: fc.constantFrom(...ids(`${table}.${column}`)), weight: 5 }, fc.uuid())
  }
  return fc
    .record({
      path: fc.tuple(...pathParams.map(pathValue)),
      query: fc.tuple(
        ...queryParams.map((p) =>
          fc.option(fromSchema(p.schema ?? {}, poolFor(p.name) ?? []), {
            nil: undefined,
            freq: p.required ? 100 : 2,
          }),
        ),
      ),
      body: op.body ? fromSchema(op.body, []) : fc.constant(undefined),
      caller: fc.nat({ max: callers.length - 1 }),
    })
    .map(({ path, query, body, caller }) => {
      let url = op.path
      pathParams.forEach((p, i) => {
        url = url.replace(`{${p.name}}`, encodeURIComponent(String(path[i])))
      })
      const search = new URLSearchParams()
      queryParams.forEach((p, i) => {
        const v = query[i]
        if (Array.isArray(v)) for (const item of v) search.append(p.name, String(item))
        else if (v !== undefined && v !== null) search.append(p.name, String(v))
      })
      const qs = search.toString()
      return { method: op.method, url: qs ? `${url}?${qs}` : url, body, headers: callers[caller] ?? {} }
    })
}

describe('every route, with input shaped like its schemas', () => {
  it('reaches records that exist, from every demo role', () => {
    expect(callers.length).toBe(DEMO_ACCOUNTS.length)
    expect(idsByTable.get('requests.id')?.length).toBeGreaterThan(10)
    expect(operations.filter((op) => op.body).length).toBeGreaterThanOrEqual(30)
  })

  it('never answers with a 5xx, and names every refusal', async () => {
    const statuses = new Map<number, number>()
    for (const op of operations) {
      // The demo's own switch is not something a generated caller should flip mid-run.
      if (op.path.startsWith('/api/v1/demo')) continue
      await prepareRound()
      await fc.assert(
        fc.asyncProperty(requestFor(op), async (req) => {
          const res = await app.inject({
            method: req.method as 'GET',
            url: req.url,
            headers: { ...req.headers, ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}) },
            ...(req.body !== undefined ? { payload: JSON.stringify(req.body) } : {}),
          })
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1)
          if (res.statusCode >= 500)
            throw new Error(
              `${req.method} ${req.url} ${JSON.stringify(req.body)?.slice(0, 400)} → ${res.statusCode} ${res.body.slice(0, 300)}`,
            )
          if (res.statusCode >= 400) expect(res.json().error.code).toMatch(/^[A-Z_]+$/)
        }),
        { numRuns: 40, endOnFailure: true },
      )
    }
    // The input got past validation to the handlers: not everything was refused as malformed.
    const answered = [...statuses].filter(([status]) => status < 300).reduce((n, [, count]) => n + count, 0)
    expect(answered).toBeGreaterThan(500)
  }, 600_000)
})
