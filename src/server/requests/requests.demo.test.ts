import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemCtx } from '../../../test/context.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'
import { createApiToken } from '../auth/auth.tokens.ts'
import { prepareDatabase } from '../boot/prepare-database.ts'
import { fromBool, parseJson, toBool } from '../db/values.ts'
import { removeDemoData } from '../demo/demo.service.ts'
import { addresseeRefusal, mayOriginate, restsOnWarrant } from '../reference/reference.request-rules.ts'
import { REQUEST_STATUSES } from './requests.lifecycle.ts'
import { evaluateRequest } from './requests.page.ts'
import { type Receipt, verifyReceipt } from './requests.receipts.ts'

let db: TestDb
const userIdOf = async (email: string) =>
  (await db.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id

beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => db.destroy())

describe('the demo requests', () => {
  it('load quickly: several hundred, every type and every state, fictional, some overdue', async () => {
    const started = performance.now()
    await prepareDatabase(systemCtx(db.db), { demo: true })
    expect(performance.now() - started).toBeLessThan(10_000)
    const rows = await db.db.selectFrom('requests').selectAll().execute()
    expect(rows.length).toBeGreaterThanOrEqual(300)
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(REQUEST_STATUSES))
    const types = await db.db.selectFrom('request_types').select('code').execute()
    expect(new Set(rows.map((r) => r.request_type))).toEqual(new Set(types.map((t) => t.code)))
    expect(rows.every((r) => r.summary.includes('(fictional)'))).toBe(true)
    const nowIso = new Date().toISOString()
    expect(rows.some((r) => r.status === 'in_execution' && (r.response_deadline ?? '9') < nowIso)).toBe(true)
    const refs = new Set(rows.map((r) => r.reference))
    expect(refs.size).toBe(rows.length)
  })

  it('keep the rules a real request is held to: addressees, complete checklists, details, no step in the future', async () => {
    const rows = await db.db.selectFrom('requests').selectAll().where('is_demo', '=', fromBool(true)).execute()
    const addressees = await db.db
      .selectFrom('organisations')
      .leftJoin('states', 'states.iso3', 'organisations.code')
      .select(['organisations.code', 'organisations.kind', 'states.rome_status'])
      .where('organisations.code', 'in', [...new Set(rows.map((r) => r.addressee))])
      .execute()
    const persons = await db.db.selectFrom('request_persons').select('request_id').execute()
    const warrants = await db.db.selectFrom('request_warrants').select(['request_id', 'warrant_id']).execute()
    const namedOnWarrants = await db.db
      .selectFrom('record_recipients')
      .select(['record_id', 'org_code'])
      .where('record_type', '=', 'warrant')
      .where('kind', '=', 'named')
      .execute()
    const events = await db.db.selectFrom('request_events').selectAll().execute()
    const situations = await db.db.selectFrom('situations').selectAll().execute()
    const cases = await db.db.selectFrom('cases').selectAll().execute()
    const users = await db.db.selectFrom('users').select(['id', 'email', 'org_code']).execute()
    const nowIso = new Date().toISOString()
    const problems: string[] = []
    for (const row of rows) {
      const to = addressees.find((a) => a.code === row.addressee)
      const refusal = to
        ? addresseeRefusal(row.request_type, {
            code: to.code,
            kind: to.kind as 'state' | 'io',
            romeStatus: to.rome_status,
          })
        : 'no such addressee'
      if (refusal) problems.push(`${row.reference}: ${refusal}`)
      // Originated by an organ that may, drafted and approved by two members of it (the Registry
      // approves a Defence request routed through it).
      const originator = {
        code: row.originator,
        kind: row.originator.startsWith('ICC-DEFENCE') ? 'defence' : 'court_organ',
      }
      if (!mayOriginate(originator, row.request_type))
        problems.push(`${row.reference}: ${row.request_type} originated by ${row.originator}`)
      const drafter = users.find((u) => u.id === row.drafted_by)
      if (drafter?.org_code !== row.originator) problems.push(`${row.reference}: drafted by ${drafter?.email}`)
      const approver = users.find((u) => u.id === row.approved_by)
      if (
        row.approved_by &&
        (approver?.org_code !== (row.routed_through ?? row.originator) || approver.id === drafter?.id)
      )
        problems.push(`${row.reference}: approved by ${approver?.email}`)
      const links = {
        personCount: persons.filter((p) => p.request_id === row.id).length,
        warrantCount: warrants.filter((w) => w.request_id === row.id).length,
      }
      if (restsOnWarrant(row.request_type) && links.warrantCount === 0)
        problems.push(`${row.reference}: ${row.request_type} carries out no warrant`)
      // Transmitted, its addressee learnt of the (sealed) warrants it carries out.
      for (const w of warrants.filter((w) => w.request_id === row.id && row.transmitted_at))
        if (!namedOnWarrants.some((n) => n.record_id === w.warrant_id && n.org_code === row.addressee))
          problems.push(`${row.reference}: ${row.addressee} not named on ${w.warrant_id}`)
      if (row.status !== 'draft' && evaluateRequest(row, links).missing.length > 0)
        problems.push(`${row.reference}: ${row.status} with its checklist incomplete`)
      const timeline = events.filter((e) => e.request_id === row.id)
      if (timeline.some((e) => e.occurred_at > nowIso)) problems.push(`${row.reference}: a step in the future`)
      const transmit = timeline.find((e) => e.action === 'transmit')
      if ((transmit?.occurred_at ?? null) !== row.transmitted_at)
        problems.push(`${row.reference}: transmitted_at is not its transmission's time`)
      const detail = parseJson<Record<string, unknown> | null>(row.status_detail) ?? {}
      if (row.status === 'postponed' && detail.basis === '94' && !(String(detail.postponedUntil) > nowIso))
        problems.push(`${row.reference}: postponed under article 94 without a running period`)
      if (row.status === 'not_executed' && !detail.ground)
        problems.push(`${row.reference}: not executed without a ground`)
      const situation = situations.find((s) => s.id === row.situation_id)
      const inCase = cases.find((c) => c.id === row.case_id)
      if (!situation) problems.push(`${row.reference}: no situation`)
      else if (inCase && inCase.situation_id !== situation.id)
        problems.push(`${row.reference}: its case is in another situation`)
      else if (!inCase && !['UNIT-VWS', situation.compartment_code].includes(row.compartment_code ?? ''))
        problems.push(`${row.reference}: in ${situation.code} but in compartment ${row.compartment_code}`)
    }
    expect(problems).toEqual([])
    // Each kind of addressee is there, and the host State has a request in every state.
    expect(
      new Set(rows.filter((r) => r.request_type === 'NON_PARTY_AD_HOC').map((r) => r.addressee)).size,
    ).toBeGreaterThan(0)
    expect(new Set(rows.filter((r) => r.addressee === 'NLD').map((r) => r.status))).toEqual(new Set(REQUEST_STATUSES))
    // The workload has several situations to compare, each with requests open and overdue.
    const demoSituations = situations.filter((s) => toBool(s.is_demo))
    expect(demoSituations.length).toBeGreaterThanOrEqual(3)
    for (const situation of demoSituations)
      expect(rows.filter((r) => r.situation_id === situation.id).length, situation.code).toBeGreaterThan(30)
    // Not every open request is overdue: the demo's open requests are recent.
    const transmitted = rows.filter((r) => r.status === 'transmitted')
    const overdueAck = transmitted.filter((r) => (r.acknowledgement_deadline ?? '9') < nowIso)
    expect(overdueAck.length).toBeGreaterThan(0)
    expect(overdueAck.length).toBeLessThan(transmitted.length)
  })

  it('let the Registry approver approve a Defence draft, routed through the Registry', async () => {
    const ctx = systemCtx(db.db, { kind: 'operator', name: 'test' })
    const approver = { id: await userIdOf('registry.approver@demo.invalid') }
    const defence = await db.db
      .selectFrom('requests')
      .select(['approved_by', 'drafted_by'])
      .where('originator', 'like', 'ICC-DEFENCE-%')
      .where('approved_by', 'is not', null)
      .execute()
    expect(defence.length).toBeGreaterThan(0)
    expect(new Set(defence.map((r) => r.approved_by))).toEqual(new Set([approver.id]))
    const { token } = await createApiToken(ctx, approver.id, { name: 'test', days: 1, scopes: ['read', 'write'] })
    const app = await buildApp(testConfig(db), { db })
    try {
      const headers = { authorization: `Bearer ${token}` }
      const drafts = await app.inject({
        url: '/api/v1/requests?organ=ICC-DEFENCE-DEMO-A1&status=draft&limit=200',
        headers,
      })
      expect(drafts.statusCode, drafts.body).toBe(200)
      let approvable: string | undefined
      for (const r of drafts.json().items as { id: string }[]) {
        const detail = (await app.inject({ url: `/api/v1/requests/${r.id}`, headers })).json()
        if (detail.allowedSteps.some((s: { action: string }) => s.action === 'approve')) approvable = r.id
      }
      expect(approvable).toBeDefined()
      const approved = await app.inject({
        method: 'POST',
        url: `/api/v1/requests/${approvable}/transitions`,
        headers,
        payload: { action: 'approve' },
      })
      expect(approved.statusCode, approved.body).toBe(200)
      expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: approver.id })
    } finally {
      await app.close()
    }
  })

  it('carry the signed receipts of their transmission and acknowledgement, verified offline', async () => {
    const ctx = systemCtx(db.db, { kind: 'operator', name: 'test' })
    const { token } = await createApiToken(ctx, await userIdOf('nld.focal-point@demo.invalid'), {
      name: 'test',
      days: 1,
      scopes: ['read'],
    })
    const headers = { authorization: `Bearer ${token}` }
    const byStatus = async (status: string) =>
      db.db
        .selectFrom('requests')
        .select('id')
        .where('addressee', '=', 'NLD')
        .where('status', '=', status)
        .where('is_demo', '=', fromBool(true))
        .executeTakeFirstOrThrow()
    const app = await buildApp(testConfig(db), { db })
    try {
      for (const [status, kinds] of [
        ['transmitted', ['transmission']],
        ['executed', ['transmission', 'acknowledgement']],
      ] as const) {
        const { id } = await byStatus(status)
        const res = await app.inject({ url: `/api/v1/requests/${id}/receipts`, headers })
        expect(res.statusCode, res.body).toBe(200)
        const { items, publicKeyPem } = res.json() as { items: Receipt[]; publicKeyPem: string }
        expect(items.map((r) => r.kind)).toEqual(kinds)
        for (const receipt of items) {
          expect(verifyReceipt(receipt, publicKeyPem)).toBe(true)
          expect(receipt.statement).toMatchObject({ requestId: id, addressee: 'NLD' })
        }
        const tampered = { ...items[0], statement: { ...items[0]?.statement, addressee: 'KEN' } } as Receipt
        expect(verifyReceipt(tampered, publicKeyPem)).toBe(false)
      }
    } finally {
      await app.close()
    }
  })

  it('carry fictional threads, indexed for search with their request', async () => {
    const messages = await db.db.selectFrom('request_messages').select(['id', 'request_id']).execute()
    expect(messages.length).toBeGreaterThan(20)
    const indexed = await db.db
      .selectFrom('request_search')
      .select(['request_id', 'source'])
      .where('source', 'like', 'message:%')
      .execute()
    expect(new Set(indexed.map((r) => r.source))).toEqual(new Set(messages.map((m) => `message:${m.id}`)))
  })

  it('are removed with the demo', async () => {
    await removeDemoData(systemCtx(db.db))
    expect(await db.db.selectFrom('requests').select('id').execute()).toEqual([])
    expect(await db.db.selectFrom('request_messages').select('id').execute()).toEqual([])
    // Only the demo's: the reference data also loads the public situations (non-demo rows).
    expect(await db.db.selectFrom('situations').select('id').where('is_demo', '=', fromBool(true)).execute()).toEqual(
      [],
    )
  })
})
