import { type apiOf, expect } from './fixtures.ts'

// Records of a browser test's own, made through the API as the signed-in Registry officer: a
// confidential situation in the demo's compartment SIT-DEMO-A, a suspect, and the sealed warrant
// of arrest a Chamber issued; then arrest requests carrying it out. Tests that change what they
// act on use these, so that the demo's records stay as the other tests read them.

type Api = ReturnType<typeof apiOf>

export type WarrantedSuspect = { situationId: string; personId: string; warrantId: string }

/** A situation `SIT-E2E-<code>`, its suspect `<name>` and a sealed warrant for their arrest. */
export async function recordWarrantedSuspect(api: Api, code: string, name: string): Promise<WarrantedSuspect> {
  const protection = { classification: 'confidential', compartment: 'SIT-DEMO-A' }
  const situation = await api('POST', '/situations', {
    code: `SIT-E2E-${code}`,
    name: `Situation of ${name} (fictional)`,
    ...protection,
  })
  expect(situation.status).toBe(201)
  const person = await api('POST', '/persons', {
    situationId: situation.body.id,
    name: `${name} (fictional)`,
    roleInProceedings: 'suspect',
    ...protection,
  })
  expect(person.status).toBe(201)
  const warrant = await api('POST', '/warrants', {
    personId: person.body.id,
    kind: 'arrest_warrant',
    issuingChamber: 'Pre-Trial Chamber I',
    issuedOn: '2025-01-10',
    charges: [{ category: 'war_crimes', counts: 2 }],
    classification: 'under_seal',
    compartment: 'SIT-DEMO-A',
  })
  expect(warrant.status).toBe(201)
  return { situationId: situation.body.id ?? '', personId: person.body.id ?? '', warrantId: warrant.body.id ?? '' }
}

/**
 * Drafts a complete, sealed request to `addressee` for the arrest and surrender of `suspect`, in
 * `language` if given (else the addressee's declared one); its id.
 */
export async function draftArrest(
  api: Api,
  suspect: WarrantedSuspect,
  addressee: string,
  summary: string,
  language?: 'en' | 'fr',
) {
  const draft = await api('POST', '/requests', {
    ...(language ? { language } : {}),
    requestType: 'ARREST_AND_SURRENDER',
    addressees: [addressee],
    classification: 'under_seal',
    compartment: 'SIT-DEMO-A',
    situationId: suspect.situationId,
    warrantIds: [suspect.warrantId],
    legalBasis: 'Articles 89(1) and 91 of the Rome Statute',
    summary,
    facts: 'Fictional facts for a browser test.',
    checklist: {
      answers: {
        '91(2)(a)': 'Description and probable location (fictional).',
        '91(2)(c)': 'Surrender documents (fictional).',
      },
    },
  })
  expect(draft.status).toBe(201)
  return draft.body.items?.[0]?.id ?? ''
}
