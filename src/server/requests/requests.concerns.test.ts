import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDocumentsWorld, type DocumentsWorld } from '../../../test/documents-world.ts'

// GET /requests/{id}/concerns, on both databases: what a request concerns, each record as far as
// the reader may see it through its own need-to-know, read and audited as its own read.

let w: DocumentsWorld
beforeAll(async () => {
  w = await createDocumentsWorld()
})
afterAll(async () => w.close())

const concerns = (id: string, as: string) =>
  w.app.inject({ url: `/api/v1/requests/${id}/concerns`, headers: w.who[as] ?? {} })

describe('GET /requests/{id}/concerns', () => {
  it('gives the Court its situation, case and persons, and the State only what it may see, never a 404 for a part', async () => {
    const id = await w.draftRequest()
    await w.transmit(id)
    const court = await concerns(id, 'otpOfficer')
    expect(court.statusCode, court.body).toBe(200)
    expect(court.json()).toMatchObject({
      situation: { code: 'SIT-DOC' },
      case: { code: 'CASE-DOC' },
      persons: [{ name: 'Doc Person (fictional)', classification: 'under_seal' }],
      warrants: [],
    })
    // The Netherlands is named on the request, not on its confidential situation and case nor on
    // the sealed suspect: it gets the request's page, and none of them.
    const state = await concerns(id, 'nldFocal')
    expect(state.statusCode, state.body).toBe(200)
    expect(state.json()).toEqual({ situation: null, case: null, persons: [], warrants: [] })
  })

  it('audits each part read as its own read, and refuses a request the caller may not see', async () => {
    const id = await w.draftRequest()
    const personId = (await concerns(id, 'otpOfficer')).json().persons[0].id
    expect(await w.countAudit('person.read', personId)).toBeGreaterThanOrEqual(1)
    const before = await w.countAudit('person.read', personId)
    await concerns(id, 'otpApprover')
    expect(await w.countAudit('person.read', personId)).toBe(before + 1)
    for (const as of ['otpOutside', 'kenFocal', 'nldFocal']) {
      const res = await concerns(id, as) // a draft, or another compartment's, or another State's
      expect([as, res.statusCode, res.json().error?.code]).toEqual([as, 404, 'RECORD_NOT_FOUND'])
    }
    expect((await concerns(id, 'anonymous')).statusCode).toBe(401)
  })
})
