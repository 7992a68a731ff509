import { describe, expect, it } from 'vitest'
import {
  assessBinding,
  buildReminder,
  chooseRequestType,
  describeGrading,
  draftFacts,
  pickArrangement,
  reminderRefs,
} from './arrest.proposal.ts'

// The rules of a proposal, without a database: who is bound and why, which request, the reminder.

const party = { iso3: 'SEN', nameEn: 'Senegal', nameFr: 'Sénégal', romeStatus: 'party', withdrawalEffectiveDate: null }
const nonParty = { ...party, iso3: 'IND', nameEn: 'India', nameFr: 'Inde', romeStatus: 'non_party' }
const signatory = { ...nonParty, romeStatus: 'signatory' }

describe('assessBinding', () => {
  it('binds a State Party under 86 and 89(1), whatever agreements exist', () => {
    const b = assessBinding(party, null)
    expect(b).toMatchObject({ isBound: true, basis: 'state_party' })
    expect(b.explanation.fr).toContain('Sénégal')
  })

  it('does not bind a State not party, nor a signatory, without an arrangement', () => {
    for (const state of [nonParty, signatory]) expect(assessBinding(state, null)).toMatchObject({ isBound: false })
  })

  it('binds a State not party through a signed or in-force ad hoc arrangement only', () => {
    const arrangement = (status: string, kind = 'ad_hoc_arrangement') => ({ id: 'a', title: 'T', kind, status })
    expect(pickArrangement([arrangement('negotiation')])).toBeNull()
    expect(pickArrangement([arrangement('in_force', 'enforcement_of_sentences')])).toBeNull()
    const picked = pickArrangement([arrangement('negotiation'), arrangement('signed')])
    expect(assessBinding(nonParty, picked)).toMatchObject({ isBound: true, basis: 'ad_hoc_arrangement' })
  })

  it('names 127(2) for a State that withdrew, and the date its withdrawal took effect', () => {
    const b = assessBinding({ ...party, romeStatus: 'withdrawn', withdrawalEffectiveDate: '2019-03-17' }, null)
    expect(b).toMatchObject({ isBound: false, basis: 'withdrawn' })
    expect(b.explanation.en).toContain('2019-03-17')
    expect(b.articles).toContain('127(2)')
  })
})

describe('chooseRequestType', () => {
  it('proposes provisional arrest when urgent (92), arrest and surrender otherwise (89(1), 91)', () => {
    expect(chooseRequestType('urgent', null).type).toBe('PROVISIONAL_ARREST')
    expect(chooseRequestType('normal', null).type).toBe('ARREST_AND_SURRENDER')
  })

  it('warns when no warrant of arrest is recorded', () => {
    expect(chooseRequestType('normal', false).reason.en).toContain('No warrant of arrest')
    expect(chooseRequestType('normal', true).reason.en).not.toContain('No warrant')
  })
})

describe('buildReminder', () => {
  const paragraphs = new Map([['86', { ref: '86', text: 'States Parties shall…', verified: true }]])

  it('is in French for a French-speaking State, with the English text and a note saying so', () => {
    const r = buildReminder(['86'], paragraphs, 'fr')
    expect(r.language).toBe('fr')
    expect(r.items[0]).toMatchObject({ heading: 'Obligation générale de coopérer', text: 'States Parties shall…' })
    expect(r.note).toContain('anglais')
  })

  it('falls back to English for another language and says why', () => {
    const r = buildReminder(['86'], paragraphs, 'es')
    expect(r.language).toBe('en')
    expect(r.note).toContain('“es”')
  })

  it('marks a paragraph missing from the reference data as unverified with no text', () => {
    expect(buildReminder(['59(1)'], paragraphs, 'en').items[0]).toMatchObject({ text: null, verified: false })
  })

  it('quotes 92 only for a provisional arrest, and 87(5) instead of 86 for a State not party', () => {
    const bound = assessBinding(party, null)
    expect(reminderRefs('ARREST_AND_SURRENDER', bound)).not.toContain('92(1)')
    expect(reminderRefs('PROVISIONAL_ARREST', bound)).toContain('92(1)')
    const adHoc = assessBinding(nonParty, { id: 'a', title: null, kind: 'ad_hoc_arrangement', status: 'signed' })
    expect(reminderRefs('ARREST_AND_SURRENDER', adHoc)).toEqual(expect.arrayContaining(['87(5)(a)']))
    expect(reminderRefs('ARREST_AND_SURRENDER', adHoc)).not.toContain('86')
  })
})

describe('the report in the draft', () => {
  it('gives place and dates, never the source', () => {
    const facts = draftFacts({
      personName: 'X (fictional)',
      kind: 'travel',
      place: 'Dakar',
      stateName: 'Senegal',
      fromDate: '2026-12-03',
      toDate: '2026-12-05',
    })
    expect(facts).toContain('is expected to travel to Dakar, Senegal, from 2026-12-03 to 2026-12-05')
  })

  it('describes an Admiralty grading in words', () => {
    expect(describeGrading('B', '2')).toBe('B2 — source usually reliable, information probably true')
  })
})
