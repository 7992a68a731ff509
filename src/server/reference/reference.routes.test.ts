import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'

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

describe('reference routes', () => {
  it('serve the Part IX articles verbatim, chapeau-only paragraphs included', async () => {
    const res = await app.inject({ url: '/api/v1/reference/articles' })
    expect(res.statusCode).toBe(200)
    const a93 = res.json().items.find((a: { article: string }) => a.article === '93')
    expect(a93.title).toMatch(/cooperation/i)
    expect(a93.paragraphs.find((p: { ref: string }) => p.ref === '93(1)(k)').text).toMatch(
      /freezing or seizure of proceeds/,
    )
    expect(a93.paragraphs.some((p: { text: string | null }) => p.text === null)).toBe(true)
  })

  it('serve the request types in Statute order', async () => {
    const items = (await app.inject({ url: '/api/v1/reference/request-types' })).json().items
    expect(items[0].ref).toBe('93(1)(a)')
    expect(items.map((t: { code: string }) => t.code)).toContain('PROVISIONAL_ARREST')
  })

  it('give every type its summary in English and in French (the project’s translation)', async () => {
    const items = (await app.inject({ url: '/api/v1/reference/request-types' })).json().items as {
      code: string
      summary: string | null
      summaryFr: string | null
    }[]
    expect(items.filter((t) => !t.summary || !t.summaryFr || t.summaryFr === t.summary).map((t) => t.code)).toEqual([])
    expect(items.find((t) => t.code === 'SEARCH_SEIZURE')?.summaryFr).toBe(
      'Procéder à des perquisitions et à des saisies.',
    )
  })

  it('serve public warrants, keeping unknown warrant dates as null rather than inventing them', async () => {
    const items = (await app.inject({ url: '/api/v1/reference/public-warrants' })).json().items
    expect(items.length).toBe(31)
    expect(items.some((w: { warrantDates: (string | null)[] }) => w.warrantDates.includes(null))).toBe(true)
  })
})
