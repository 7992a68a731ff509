import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemCtx } from '../../../test/context.ts'
import { createTestDb, type TestDb } from '../../../test/db.ts'
import { prepareDatabase } from '../boot/prepare-database.ts'
import { removeDemoData } from '../demo/demo.service.ts'
import { REQUEST_STATUSES } from './requests.lifecycle.ts'

let db: TestDb
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

  it('are removed with the demo', async () => {
    await removeDemoData(systemCtx(db.db))
    expect(await db.db.selectFrom('requests').select('id').execute()).toEqual([])
    expect(await db.db.selectFrom('situations').select('id').execute()).toEqual([])
  })
})
