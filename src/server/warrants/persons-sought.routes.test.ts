import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserWithToken } from '../../../test/auth.ts'
import { systemCtx } from '../../../test/context.ts'
import { createTestDb, type TestDb, testConfig } from '../../../test/db.ts'
import { buildApp } from '../app.ts'
import { loadReferenceData } from '../reference/reference.service.ts'
import { readDataset } from '../reference/reference-files.ts'

// The public list of persons sought is the reference data's public warrants, loaded as public
// records (idempotently, corrections kept); photos are documents of the person (encrypted,
// content-checked, every download audited).

type H = Record<string, string>
let db: TestDb
let app: FastifyInstance
const who: Record<string, H> = { anonymous: {} }
const reference = readDataset('arrest-warrants-public')
const referenceCount = reference.at_large.length + reference.no_longer_at_large_recent.length
const KONY = 'ref:person:joseph-kony'
// The smallest valid PNG header plus a marker that must never be stored in clear.
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('PLAINTEXT-PHOTO-MARKER-93c1'),
])

async function listAll(headers: H = {}) {
  const res = await app.inject({ url: '/api/v1/persons-sought?limit=200', headers })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
  for (const [label, spec] of Object.entries({
    registryOfficer: { orgCode: 'ICC-REGISTRY', role: 'officer', compartments: ['SIT-P'] },
    admin: { orgCode: 'ICC-REGISTRY', role: 'admin' },
    kenFocal: { orgCode: 'KEN', role: 'focal-point' },
  })) {
    who[label] = (await createUserWithToken(db.db, spec)).headers
  }
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

describe('persons sought from the reference data', () => {
  it('lists every public warrant of the reference file for anonymous visitors, with sources and flags', async () => {
    const list = await listAll()
    expect(list.total).toBe(referenceCount)
    const kony = list.items.find((p: { id: string }) => p.id === KONY)
    expect(kony).toMatchObject({
      name: 'Joseph Kony',
      situation: { code: 'SIT-UGA', name: 'Situation in Uganda' },
      status: 'at_large',
      isAtLarge: true,
      verified: true,
      origin: 'reference',
      classification: 'public',
      isDemo: false,
      yearsAtLarge: { since: '2005-01-01', until: null, isApproximate: true },
    })
    expect(kony.yearsAtLarge.years).toBeGreaterThan(20)
    expect(kony.sources.length).toBeGreaterThan(0)
    const deif = list.items.find((p: { aliases: string[] }) => p.aliases.includes('Deif'))
    expect(deif).toMatchObject({ status: 'warrant_withdrawn', isAtLarge: false })
    const hishri = list.items.find((p: { name: string }) => p.name === 'Khaled Mohamed Ali El Hishri')
    expect(hishri).toMatchObject({ status: 'surrendered', isAtLarge: false })
    expect(hishri.yearsAtLarge.until).toMatch(/^2025-/)
    const unverified = list.items.filter((p: { verified: boolean }) => !p.verified)
    expect(unverified.length).toBeGreaterThan(0)
  })

  it('filters by status, situation, at large and words of names or aliases', async () => {
    const atLarge = (await app.inject({ url: '/api/v1/persons-sought?atLarge=true&limit=200' })).json()
    expect(atLarge.total).toBe(referenceCount - 2)
    const notAtLarge = (await app.inject({ url: '/api/v1/persons-sought?atLarge=false' })).json()
    expect(notAtLarge.total).toBe(2)
    const alias = (await app.inject({ url: '/api/v1/persons-sought?q=al%20kani' })).json()
    expect(alias.items.map((p: { name: string }) => p.name)).toEqual(['Abdurahem Khalefa Abdurahem Elshgagi'])
    const literal = (await app.inject({ url: '/api/v1/persons-sought?q=%25' })).json()
    expect(literal.total).toBe(0)
    const withdrawn = (await app.inject({ url: '/api/v1/persons-sought?status=warrant_withdrawn' })).json()
    expect(withdrawn.total).toBe(1)
    const kony = (await app.inject({ url: `/api/v1/persons-sought/${KONY}` })).json()
    const uganda = (await app.inject({ url: `/api/v1/persons-sought?situationId=${kony.situation.id}` })).json()
    expect(uganda.items.map((p: { id: string }) => p.id)).toContain(KONY)
    expect((await app.inject({ url: '/api/v1/persons-sought?atLarge=maybe' })).statusCode).toBe(400)
    expect((await app.inject({ url: '/api/v1/persons-sought?cursor=bogus' })).statusCode).toBe(400)
  })

  it('pages through the list by name with a cursor, each person once', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const url: string = `/api/v1/persons-sought?limit=7${cursor ? `&cursor=${cursor}` : ''}`
      const page = (await app.inject({ url })).json()
      seen.push(...page.items.map((p: { id: string }) => p.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(referenceCount)
    expect(new Set(seen).size).toBe(referenceCount)
  })

  it('reloads idempotently and keeps corrections made on the platform', async () => {
    const corrected = await app.inject({
      method: 'POST',
      url: `/api/v1/persons-sought/${KONY}/details`,
      headers: who.admin,
      payload: { aliases: ['Joseph Rao Kony'], nationalities: ['UGA'] },
    })
    expect(corrected.statusCode, corrected.body).toBe(200)
    expect(corrected.json()).toMatchObject({ aliases: ['Joseph Rao Kony'], nationalities: ['UGA'], origin: 'admin' })
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/persons-sought/${KONY}/details`,
          headers: who.admin,
          payload: { nationalities: ['XXX'] },
        })
      ).statusCode,
    ).toBe(422)
    const kony = (await app.inject({ url: `/api/v1/persons-sought/${KONY}` })).json()
    const warrantId = kony.warrants[0].id
    const moved = await app.inject({
      method: 'POST',
      url: `/api/v1/warrants/${warrantId}/status-changes`,
      headers: who.registryOfficer,
      payload: { status: 'arrested', occurredOn: '2026-11-01', note: 'Correction test (fictional)' },
    })
    expect(moved.statusCode, moved.body).toBe(200)
    const before = await listAll()
    await loadReferenceData(systemCtx(db.db))
    await loadReferenceData(systemCtx(db.db))
    const after = await listAll()
    expect(after.total).toBe(before.total)
    expect(after.items).toEqual(before.items)
    const konyAfter = after.items.find((p: { id: string }) => p.id === KONY)
    expect(konyAfter).toMatchObject({ aliases: ['Joseph Rao Kony'], status: 'arrested', isAtLarge: false })
    const counts = await db.db
      .selectFrom('warrants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('origin', '!=', 'court')
      .executeTakeFirstOrThrow()
    const situations = await db.db.selectFrom('situations').select('code').where('code', 'like', 'SIT-%').execute()
    expect(Number(counts.n)).toBeGreaterThanOrEqual(referenceCount)
    expect(new Set(situations.map((s) => s.code)).size).toBe(situations.length)
  })
})

describe('photos of a person sought', () => {
  let personId: string

  beforeAll(async () => {
    const post = async (url: string, payload: object) => {
      const res = await app.inject({ method: 'POST', url, headers: who.registryOfficer, payload })
      expect(res.statusCode, res.body).toBe(201)
      return res.json().id as string
    }
    const situationId = await post('/api/v1/situations', {
      code: 'SIT-P',
      name: 'Situation in Photoland (fictional)',
      classification: 'confidential',
      compartment: 'SIT-P',
    })
    personId = await post('/api/v1/persons', {
      situationId,
      name: 'Photo Person (fictional)',
      roleInProceedings: 'suspect',
      classification: 'confidential',
      compartment: 'SIT-P',
    })
    await post('/api/v1/warrants', {
      personId,
      kind: 'arrest_warrant',
      issuingChamber: 'Pre-Trial Chamber III',
      issuedOn: '2023-03-03',
      charges: [{ category: 'war_crimes', counts: 2 }],
      classification: 'confidential',
      compartment: 'SIT-P',
    })
  })

  it('stores the photo encrypted, serves it to who may see the person, and audits each download', async () => {
    const upload = await app.inject({
      method: 'POST',
      url: `/api/v1/persons-sought/${personId}/photos`,
      headers: who.registryOfficer,
      payload: { filename: 'face.png', contentBase64: PNG.toString('base64'), caption: 'Fictional' },
    })
    expect(upload.statusCode, upload.body).toBe(201)
    const photoId = upload.json().id
    expect(upload.json()).toMatchObject({ mediaType: 'image/png', sizeBytes: PNG.length })
    const stored = await db.db
      .selectFrom('person_photos')
      .select('ciphertext')
      .where('id', '=', photoId)
      .executeTakeFirstOrThrow()
    expect(Buffer.from(stored.ciphertext).includes(Buffer.from('PLAINTEXT-PHOTO-MARKER-93c1'))).toBe(false)

    const url = `/api/v1/persons-sought/${personId}/photos/${photoId}/content`
    const download = await app.inject({ url, headers: who.registryOfficer })
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe('image/png')
    expect(download.rawPayload.equals(PNG)).toBe(true)
    const audited = await db.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'person.photo_downloaded')
      .where('record_id', '=', personId)
      .execute()
    expect(audited).toHaveLength(1)
    for (const headers of [who.anonymous, who.kenFocal, who.admin]) {
      expect((await app.inject({ url, headers })).statusCode).toBe(404)
    }
    const page = (await app.inject({ url: `/api/v1/persons-sought/${personId}`, headers: who.registryOfficer })).json()
    expect(page.photos.map((p: { id: string }) => p.id)).toEqual([photoId])
  })

  it('refuses what is not an image, whatever its name says, and uploads by those who may not edit', async () => {
    const pdf = Buffer.from('%PDF-1.4 fictional')
    for (const [filename, bytes] of [
      ['face.pdf', pdf],
      ['face.png', pdf],
      ['notes.txt', Buffer.from('hello')],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/persons-sought/${personId}/photos`,
        headers: who.registryOfficer,
        payload: { filename, contentBase64: bytes.toString('base64') },
      })
      expect(res.statusCode, filename).toBe(415)
    }
    const byState = await app.inject({
      method: 'POST',
      url: `/api/v1/persons-sought/${KONY}/photos`,
      headers: who.kenFocal,
      payload: { filename: 'face.png', contentBase64: PNG.toString('base64') },
    })
    expect(byState.statusCode).toBe(403)
  })
})
