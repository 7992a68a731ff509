import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'

// The completeness checklist before and after a draft exists, on both databases: the public
// checklist of a type (what the wizard shows from its first step) and the reasons of a draft's
// missing elements as stable codes a client words in its own language.

let db: TestDb
let app: FastifyInstance
let officer: Record<string, string> = {}

beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
  officer = (await createUserWithToken(db.db, { orgCode: 'ICC-CHAMBERS', role: 'officer', compartments: ['CHK-A'] }))
    .headers
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

const checklistOf = (code: string, query = '') =>
  app.inject({ url: `/api/v1/reference/request-types/${code}/checklist${query}` })
type Item = { ref: string; required: boolean; statuteText: string | null; statuteTextLanguage: string | null }

describe('GET /reference/request-types/:code/checklist', () => {
  it('gives anyone the elements of article 91 with their paragraph, in English as stored', async () => {
    const res = await checklistOf('ARREST_AND_SURRENDER')
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ requestType: 'ARREST_AND_SURRENDER', afterConviction: false })
    expect(body.items.map((i: Item) => i.ref)).toEqual(['91(2)(a)', '91(2)(b)', '91(2)(c)'])
    expect(body.items[0]).toMatchObject({
      article: '91',
      required: true,
      satisfiedBy: 'person_and_answer',
      statuteTextLanguage: 'en',
      statuteText: expect.stringMatching(/^Information describing the person sought/),
    })
  })

  it('follows the type: after conviction 91(3), provisional arrest 92(2), other assistance 96(2) as applicable', async () => {
    const after = (await checklistOf('ARREST_AND_SURRENDER', '?afterConviction=true')).json()
    expect(after.items.map((i: Item) => i.ref)).toEqual(['91(3)(a)', '91(3)(b)', '91(3)(c)', '91(3)(d)'])
    const provisional = (await checklistOf('PROVISIONAL_ARREST')).json()
    expect(provisional.items.map((i: Item) => i.ref)).toEqual(['92(2)(a)', '92(2)(b)', '92(2)(c)', '92(2)(d)'])
    // afterConviction only concerns arrest and surrender.
    expect((await checklistOf('PROVISIONAL_ARREST', '?afterConviction=true')).json().afterConviction).toBe(false)
    const records = (await checklistOf('PROVIDE_RECORDS')).json().items as Item[]
    const locate = (await checklistOf('IDENTIFY_LOCATE')).json().items as Item[]
    expect(records.map((i) => i.ref)).toEqual(['96(2)(a)', '96(2)(b)', '96(2)(c)', '96(2)(d)', '96(2)(e)', '96(2)(f)'])
    expect(records.find((i) => i.ref === '96(2)(b)')?.required).toBe(false)
    expect(locate.find((i) => i.ref === '96(2)(b)')?.required).toBe(true)
    for (const item of records) expect(item.statuteTextLanguage).toBe(item.statuteText === null ? null : 'en')
  })

  it('answers an unknown type with 404 and malformed input with 400', async () => {
    expect((await checklistOf('NO_SUCH_TYPE')).statusCode).toBe(404)
    expect((await checklistOf('lower-case')).statusCode).toBe(400)
    expect((await checklistOf('TRANSIT', '?afterConviction=maybe')).statusCode).toBe(400)
    expect((await checklistOf('TRANSIT', '?other=1')).statusCode).toBe(400)
  })
})

describe("a draft's missing elements", () => {
  it('carry stable reason codes with the paragraph, besides the English sentence', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: officer,
      payload: {
        requestType: 'ARREST_AND_SURRENDER',
        classification: 'confidential',
        addressees: ['NLD'],
        compartment: 'CHK-A',
        summary: 'Checklist reasons (fictional)',
        checklist: { answers: { '91(2)(b)': 'Warrant (fictional)' } },
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    const items = res.json().items[0].checklist.items
    expect(items[0]).toMatchObject({
      ref: '91(2)(a)',
      satisfied: false,
      missing: 'no answer for 91(2)(a) in the checklist; no person is linked to the request',
      reasons: [
        { code: 'answer_missing', params: { ref: '91(2)(a)' } },
        { code: 'person_not_linked', params: { ref: '91(2)(a)' } },
      ],
      statuteTextLanguage: 'en',
    })
    expect(items[1]).toMatchObject({ ref: '91(2)(b)', satisfied: true, missing: null, reasons: [] })

    const other = await app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: officer,
      payload: {
        requestType: 'PROVIDE_RECORDS',
        classification: 'confidential',
        addressees: ['NLD'],
        compartment: 'CHK-A',
        summary: 'Checklist reasons, other assistance (fictional)',
      },
    })
    const [purpose, , facts] = other.json().items[0].checklist.items
    expect(purpose.reasons.map((r: { code: string }) => r.code)).toEqual([
      'assistance_sought_empty',
      'legal_basis_empty',
    ])
    expect(facts.reasons).toEqual([{ code: 'facts_empty', params: { ref: '96(2)(c)' } }])
  })
})
