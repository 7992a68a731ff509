import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemCtx } from '../../../test/context.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'
import { createApiToken } from '../auth/auth.tokens.ts'
import { prepareDatabase } from '../boot/prepare-database.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../identity/identity.demo.ts'
import { DEMO_SITUATION_ID } from '../situations/situations.demo.ts'
import { DEMO_SUSPECT_WARRANT } from '../warrants/warrants.demo.ts'
import { removeDemoData } from './demo.service.ts'

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

describe('the fictional demo', () => {
  it('is not announced before it is loaded', async () => {
    expect((await app.inject({ url: '/api/v1/demo/accounts' })).statusCode).toBe(404)
  })

  it('loads one account per role, labelled fictional, and records of every classification', async () => {
    const result = await prepareDatabase(systemCtx(db.db), { demo: true })
    expect(result.demo).toMatchObject({ users: DEMO_ACCOUNTS.length })
    const users = await db.db.selectFrom('users').select(['role', 'org_code', 'display_name', 'is_demo']).execute()
    expect(new Set(users.map((u) => u.role))).toEqual(
      new Set(['officer', 'approver', 'counsel', 'focal-point', 'auditor', 'admin']),
    )
    expect(users.every((u) => u.display_name.includes('(fictional)'))).toBe(true)
    const classifications = await db.db
      .selectFrom('agreements')
      .select('classification')
      .where('id', 'like', 'demo:%')
      .execute()
    expect(new Set(classifications.map((c) => c.classification))).toEqual(
      new Set(['public', 'confidential', 'under_seal', 'ex_parte']),
    )
    const accounts = (await app.inject({ url: '/api/v1/demo/accounts' })).json()
    expect(accounts).toMatchObject({ password: DEMO_PASSWORD, currentCode: expect.stringMatching(/^\d{6}$/) })
    expect((await app.inject({ url: '/api/v1/meta' })).json().demoLoadedAt).not.toBeNull()
  })

  it('lets a demo account sign in with the published details', async () => {
    const accounts = (await app.inject({ url: '/api/v1/demo/accounts' })).json()
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nld.focal-point@demo.invalid', password: accounts.password },
    })
    expect(login.json().state).toBe('mfa_pending')
    const mfa = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa',
      cookies: { partnine_session: login.cookies[0]?.value as string },
      headers: { 'x-csrf-token': login.json().csrfToken },
      payload: { code: accounts.currentCode },
    })
    expect(mfa.json().state).toBe('active')
    const agreements = (
      await app.inject({ url: '/api/v1/agreements', cookies: { partnine_session: mfa.cookies[0]?.value as string } })
    ).json()
    expect(agreements.items.map((a: { id: string }) => a.id)).toContain('demo:witness_relocation:NLD')
  })

  it('lets users add documents and messages to demo requests (removed with the demo, below)', async () => {
    // An API token: the sign-in test above already spent this minute's TOTP code.
    const user = await db.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'nld.focal-point@demo.invalid')
      .executeTakeFirstOrThrow()
    const { token } = await createApiToken(systemCtx(db.db), user.id, {
      name: 'demo test',
      days: 1,
      scopes: ['read', 'write'],
    })
    const headers = { authorization: `Bearer ${token}` }
    const inbox = await app.inject({
      url: '/api/v1/requests?addressee=NLD&status=acknowledged&status=in_execution&limit=1',
      headers,
    })
    const requestId = inbox.json().items[0]?.id as string
    expect(requestId).toBeTruthy()
    const upload = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${requestId}/documents`,
      headers,
      payload: { filename: 'reponse.pdf', contentBase64: Buffer.from('%PDF-1.7\nfictional').toString('base64') },
    })
    expect(upload.statusCode).toBe(201)
    const message = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${requestId}/messages`,
      headers,
      payload: { body: 'Voir la pièce jointe.', attachmentIds: [upload.json().id] },
    })
    expect(message.statusCode).toBe(201)
  })

  const practice: Record<string, string> = {}
  it('lets users make records on the demo’s records (removed with the demo, below)', async () => {
    const user = await db.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'registry.officer@demo.invalid')
      .executeTakeFirstOrThrow()
    const { token } = await createApiToken(systemCtx(db.db), user.id, { name: 'practice', days: 1, scopes: ['write'] })
    const headers = { authorization: `Bearer ${token}` }
    const post = async (url: string, payload: object) => {
      const res = await app.inject({ method: 'POST', url, headers, payload })
      expect(res.statusCode, res.body).toBe(201)
      return res.json()
    }
    const person = await post('/api/v1/persons', {
      situationId: DEMO_SITUATION_ID,
      name: 'Practice person (fictional)',
      roleInProceedings: 'suspect',
      classification: 'confidential',
      compartment: 'SIT-DEMO-A',
    })
    practice.person = person.id
    practice.warrant = (
      await post('/api/v1/warrants', {
        personId: person.id,
        kind: 'arrest_warrant',
        issuingChamber: 'Pre-Trial Chamber II (fictional)',
        issuedOn: '2025-01-10',
        charges: [{ category: 'war_crimes', counts: 1 }],
        classification: 'confidential',
        compartment: 'SIT-DEMO-A',
      })
    ).id
    const arrest = await post('/api/v1/requests', {
      requestType: 'ARREST_AND_SURRENDER',
      addressees: ['NLD'],
      classification: 'confidential',
      compartment: 'SIT-DEMO-A',
      warrantIds: [practice.warrant, DEMO_SUSPECT_WARRANT],
      summary: 'Practice arrest on the demo warrants (fictional)',
    })
    practice.request = arrest.items[0].id
    // A request resting on no demo record stays when the demo goes.
    const unrelated = await post('/api/v1/requests', {
      requestType: 'TAKE_EVIDENCE',
      addressees: ['KEN'],
      classification: 'confidential',
      compartment: 'SIT-DEMO-A',
      summary: 'A request on no demo record (fictional)',
    })
    practice.unrelated = unrelated.items[0].id
  })

  it('stops the server from starting without the demo while demo accounts exist', async () => {
    await expect(prepareDatabase(systemCtx(db.db), { demo: false })).rejects.toMatchObject({
      code: 'DEMO_ACCOUNTS_IN_PRODUCTION',
    })
    const removed = await removeDemoData(systemCtx(db.db))
    // With what users made on the demo's records: a person, its warrant, a request (above).
    expect(removed.adopted).toMatchObject({ persons: 1, warrants: 1, requests: 1 })
    const ids = async (table: 'persons' | 'warrants' | 'requests') =>
      (await db.db.selectFrom(table).select('id').execute()).map((r) => r.id)
    expect(await ids('persons')).not.toContain(practice.person)
    expect(await ids('warrants')).not.toContain(practice.warrant)
    expect(await ids('requests')).toEqual([practice.unrelated])
    // With everything users added to the demo requests: documents, their blobs and messages.
    const left = async (table: 'documents' | 'document_blobs' | 'request_messages' | 'requests') =>
      Number(
        (
          await db.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst()
        )?.n,
      )
    expect(await left('documents')).toBe(0)
    expect(await left('document_blobs')).toBe(0)
    expect(await left('request_messages')).toBe(0)
    await expect(prepareDatabase(systemCtx(db.db), { demo: false })).resolves.toBeDefined()
    expect((await app.inject({ url: '/api/v1/demo/accounts' })).statusCode).toBe(404)
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nld.focal-point@demo.invalid', password: DEMO_PASSWORD },
    })
    expect(login.statusCode).toBe(401)
  })
})
