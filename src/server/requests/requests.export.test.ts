import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { systemCtx } from '../../../test/context.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'
import type { UserActor } from '../context.ts'
import { exportRequests, neutraliseFormula } from './requests.export.ts'
import { ExportRequestsQuery } from './requests.schemas.ts'

// Exports through the API, on both databases: exactly the visible rows the list's filters and q
// select, in the list's order and columns; formulas neutralised; every export audited.

let db: TestDb
let app: FastifyInstance
const who: Record<string, Record<string, string>> = {}
const refs: Record<string, string> = {}

async function draft(as: string, compartment: string, addressee: string, summary: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: who[as],
    payload: {
      requestType: 'TAKE_EVIDENCE',
      classification: 'confidential',
      addressees: [addressee],
      compartment,
      summary,
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().items[0].reference as string
}

const listRefs = async (as: string, query: Record<string, string>) => {
  const res = await app.inject({ url: '/api/v1/requests', query: { ...query, limit: '200' }, headers: who[as] })
  return (res.json().items as { reference: string }[]).map((i) => i.reference)
}

/** CSV rows as arrays of fields (RFC 4180: every field quoted here). */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((l) => l.length > 0)
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] ?? '').replaceAll('""', '"')))
}

async function parseXlsx(body: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(body as unknown as ArrayBuffer)
  const rows: string[][] = []
  workbook.getWorksheet('Requests')?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')))
  })
  return rows
}

beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
  who.a = (await createUserWithToken(db.db, { orgCode: 'ICC-OTP', role: 'officer', compartments: ['EXP-A'] })).headers
  who.b = (await createUserWithToken(db.db, { orgCode: 'ICC-OTP', role: 'officer', compartments: ['EXP-B'] })).headers
  refs.nld = await draft('a', 'EXP-A', 'NLD', 'Remise de la personne recherchée — éléments (fictif)')
  refs.ken = await draft('a', 'EXP-A', 'KEN', '=HYPERLINK("http://evil.example","click") (fictional)')
  refs.plus = await draft('a', 'EXP-A', 'KEN', '+1+1 @SUM(A1) (fictional)')
  refs.hidden = await draft('b', 'EXP-B', 'KEN', 'Hidden from A: exportsecretword (fictional)')
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

describe('GET /requests/export.csv', () => {
  it('holds exactly the visible rows the list shows, in its order, with a BOM and French accents', async () => {
    const queries: Record<string, string>[] = [{}, { addressee: 'KEN' }, { q: 'recherchee' }, { sort: 'reference' }]
    for (const query of queries) {
      const res = await app.inject({ url: '/api/v1/requests/export.csv', query, headers: who.a })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="requests-\d{4}-\d\d-\d\d\.csv"$/)
      expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
      const [header, ...rows] = parseCsv(res.rawPayload.toString('utf8'))
      expect(header?.slice(0, 5)).toEqual(['Reference', 'Type', 'Addressee', 'Originator', 'Status'])
      expect(header).toContain('Overdue')
      expect(
        rows.map((r) => r[0]),
        JSON.stringify(query),
      ).toEqual(await listRefs('a', query))
      expect(rows.map((r) => r[0])).not.toContain(refs.hidden)
    }
    const res = await app.inject({ url: '/api/v1/requests/export.csv', query: { q: 'recherchee' }, headers: who.a })
    expect(res.rawPayload.toString('utf8')).toContain('Remise de la personne recherchée — éléments (fictif)')
  })

  it('finds nothing with a word only an invisible request holds', async () => {
    const res = await app.inject({
      url: '/api/v1/requests/export.csv',
      query: { q: 'exportsecretword' },
      headers: who.a,
    })
    expect(parseCsv(res.rawPayload.toString('utf8'))).toHaveLength(1) // the header only
  })

  it('neutralises formulas', async () => {
    const res = await app.inject({ url: '/api/v1/requests/export.csv', query: { addressee: 'KEN' }, headers: who.a })
    const summaries = parseCsv(res.rawPayload.toString('utf8')).map((r) => r[7])
    expect(summaries).toContain(`'=HYPERLINK("http://evil.example","click") (fictional)`)
    expect(summaries).toContain(`'+1+1 @SUM(A1) (fictional)`)
    for (const cell of parseCsv(res.rawPayload.toString('utf8')).flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
  })

  it('is audited with who, the filters and the row count', async () => {
    await app.inject({ url: '/api/v1/requests/export.csv', query: { addressee: 'NLD' }, headers: who.a })
    const rows = await db.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'request.exported')
      .orderBy('id', 'desc')
      .execute()
    const last = rows[0] as Record<string, unknown>
    const details = typeof last.details === 'string' ? JSON.parse(last.details) : last.details
    expect(details).toMatchObject({ format: 'csv', filters: { addressee: 'NLD' }, rows: 1 })
    expect(last.actor).toMatch(/\S/)
    expect(last.actor_org).toBe('ICC-OTP')
  })
})

describe('GET /requests/export.xlsx', () => {
  it('reads back with the same rows as the list, formulas neutralised', async () => {
    const res = await app.inject({ url: '/api/v1/requests/export.xlsx', headers: who.a })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const [header, ...rows] = await parseXlsx(res.rawPayload)
    expect(header?.[0]).toBe('Reference')
    expect(rows.map((r) => r[0])).toEqual(await listRefs('a', {}))
    expect(rows.map((r) => r[7])).toContain(`'=HYPERLINK("http://evil.example","click") (fictional)`)
    expect(rows.map((r) => r[7])).toContain('Remise de la personne recherchée — éléments (fictif)')
  })
})

describe('exportRequests', () => {
  it('refuses more rows than the cap with EXPORT_TOO_LARGE, and audits nothing', async () => {
    const user = await db.db
      .selectFrom('users')
      .select(['id', 'email', 'display_name'])
      .where('org_code', '=', 'ICC-OTP')
      .executeTakeFirstOrThrow()
    const actor: UserActor = {
      kind: 'user',
      userId: user.id,
      email: user.email,
      name: user.display_name,
      orgCode: 'ICC-OTP',
      orgKind: 'court_organ',
      role: 'officer',
      compartments: ['EXP-A'],
      via: 'token',
      sessionId: null,
      scopes: ['read'],
    }
    const ctx = systemCtx(db.db, actor)
    const count = async () =>
      (await db.db.selectFrom('audit_events').select('id').where('action', '=', 'request.exported').execute()).length
    const before = await count()
    await expect(exportRequests(ctx, ExportRequestsQuery.parse({ sort: 'reference' }), 'csv', 2)).rejects.toMatchObject(
      {
        code: 'EXPORT_TOO_LARGE',
        details: { total: 3, limit: 2 },
      },
    )
    expect(await count()).toBe(before)
    expect((await exportRequests(ctx, ExportRequestsQuery.parse({ sort: 'reference' }), 'csv', 3)).rows).toBe(3)
  })
})

describe('neutraliseFormula', () => {
  it('prefixes = + - @ tab and carriage return, and nothing else', () => {
    for (const s of ['=1', '+1', '-1', '@a', '\tx', '\rx']) expect(neutraliseFormula(s)).toBe(`'${s}`)
    for (const s of ['ICC-OTP-2026-000001', 'a=b', '', "'x"]) expect(neutraliseFormula(s)).toBe(s)
  })
})
