import type { Db } from '../db/database.ts'
import { fromBool, toJson } from '../db/values.ts'
import { DEMO_PERSONS, insertDemoPersons } from '../situations/situations.demo.ts'
import { namePersonRecipients } from '../situations/situations.service.ts'
import type { WarrantStatus } from './warrants.lifecycle.ts'
import * as repo from './warrants.repository.ts'

// Fictional warrants for the demo situation (every name says "fictional"): two sealed ones known
// to their compartment and the States named on them, public ones with status histories, one
// summons, and one whose seal was lifted by a (fictional) Chamber decision.

const BY = 'system:demo'
export const DEMO_SEALED_WARRANTS = ['demo:warrant:A1', 'demo:warrant:F1'] as const

type Step = [WarrantStatus, string, string | null]
type DemoWarrant = {
  id: string
  personId: string
  kind: 'arrest_warrant' | 'summons_to_appear'
  issuedOn: string
  chamber: string
  charges: { category: string; counts: number | null }[]
  classification: string
  compartment: string | null
  named: string[]
  steps: Step[]
  unsealed?: { on: string; decision: string }
}

const PERSONS = [
  { id: 'demo:person:sought-B', name: 'Fictional Person B (fictional)', classification: 'public', compartment: null },
  { id: 'demo:person:sought-C', name: 'Fictional Person C (fictional)', classification: 'public', compartment: null },
  { id: 'demo:person:sought-D', name: 'Fictional Person D (fictional)', classification: 'public', compartment: null },
  { id: 'demo:person:sought-E', name: 'Fictional Person E (fictional)', classification: 'public', compartment: null },
  {
    id: 'demo:person:sought-F',
    name: 'Fictional Person F (fictional)',
    classification: 'under_seal',
    compartment: 'SIT-DEMO-A',
  },
]

const DETAILS: Record<string, { aliases: string[]; description: string | null }> = {
  [DEMO_PERSONS.suspect]: {
    aliases: ['"Commander A" (fictional)'],
    description: 'Fictional description: tall, scar on the left hand.',
  },
  'demo:person:sought-B': {
    aliases: ['"The Colonel" (fictional)'],
    description: 'Fictional description for demonstration.',
  },
  'demo:person:sought-F': { aliases: ['"F the Accountant" (fictional)'], description: null },
}

/** The demo suspect's warrant of arrest, which the demo's requests for arrest carry out. */
export const DEMO_SUSPECT_WARRANT = 'demo:warrant:A1'

const WARRANTS: DemoWarrant[] = [
  {
    id: DEMO_SUSPECT_WARRANT,
    personId: DEMO_PERSONS.suspect,
    kind: 'arrest_warrant',
    issuedOn: '2019-06-14',
    chamber: 'Pre-Trial Chamber II (fictional)',
    charges: [
      { category: 'war_crimes', counts: 5 },
      { category: 'crimes_against_humanity', counts: 3 },
    ],
    classification: 'under_seal',
    compartment: 'CASE-DEMO-A1',
    named: ['NLD'],
    steps: [['at_large', '2019-06-14', null]],
  },
  {
    id: 'demo:warrant:F1',
    personId: 'demo:person:sought-F',
    kind: 'arrest_warrant',
    issuedOn: '2024-02-20',
    chamber: 'Pre-Trial Chamber II (fictional)',
    charges: [{ category: 'article_70_offences', counts: 2 }],
    classification: 'under_seal',
    compartment: 'SIT-DEMO-A',
    named: ['KEN'],
    steps: [['at_large', '2024-02-20', null]],
  },
  {
    id: 'demo:warrant:B1',
    personId: 'demo:person:sought-B',
    kind: 'arrest_warrant',
    issuedOn: '2014-03-10',
    chamber: 'Pre-Trial Chamber I (fictional)',
    charges: [
      { category: 'war_crimes', counts: 7 },
      { category: 'crimes_against_humanity', counts: 2 },
    ],
    classification: 'public',
    compartment: null,
    named: [],
    steps: [['at_large', '2014-03-10', null]],
  },
  {
    id: 'demo:warrant:C1',
    personId: 'demo:person:sought-C',
    kind: 'arrest_warrant',
    issuedOn: '2016-09-01',
    chamber: 'Pre-Trial Chamber I (fictional)',
    charges: [{ category: 'genocide', counts: 1 }],
    classification: 'public',
    compartment: null,
    named: [],
    steps: [
      ['at_large', '2016-09-01', null],
      ['arrested', '2023-05-02', 'Arrested by the authorities of the Netherlands (fictional).'],
      ['surrendered', '2023-06-10', 'Surrendered to the Court (fictional).'],
      ['in_custody', '2023-06-11', 'In the custody of the Court (fictional).'],
    ],
  },
  {
    id: 'demo:warrant:D1',
    personId: 'demo:person:sought-D',
    kind: 'summons_to_appear',
    issuedOn: '2021-02-02',
    chamber: 'Pre-Trial Chamber III (fictional)',
    charges: [{ category: 'article_70_offences', counts: 1 }],
    classification: 'public',
    compartment: null,
    named: [],
    steps: [
      ['summoned', '2021-02-02', null],
      ['appeared', '2021-04-15', 'Appeared voluntarily (fictional).'],
    ],
  },
  {
    id: 'demo:warrant:E1',
    personId: 'demo:person:sought-E',
    kind: 'arrest_warrant',
    issuedOn: '2018-01-15',
    chamber: 'Pre-Trial Chamber II (fictional)',
    charges: [{ category: 'war_crimes', counts: 4 }],
    classification: 'public',
    compartment: 'SIT-DEMO-A',
    named: [],
    steps: [['at_large', '2018-01-15', null]],
    unsealed: { on: '2022-11-30', decision: 'ICC-99/26-01/18-42 (fictional decision)' },
  },
]

export async function loadDemoWarrants(trx: Db, nowIso: string): Promise<number> {
  await insertDemoPersons(trx, nowIso, PERSONS)
  for (const [personId, d] of Object.entries(DETAILS)) {
    await repo.saveDetails(
      trx,
      { personId, aliases: toJson(d.aliases), nationalities: toJson([]), physicalDescription: d.description },
      'court',
      BY,
      nowIso,
    )
  }
  for (const w of WARRANTS) {
    const last = w.steps.at(-1) as Step
    await repo.insertWarrant(trx, {
      id: w.id,
      classification: w.classification,
      compartment_code: w.compartment,
      ex_parte_party: null,
      is_demo: fromBool(true),
      created_by: BY,
      created_at: nowIso,
      updated_at: nowIso,
      person_id: w.personId,
      kind: w.kind,
      issuing_chamber: w.chamber,
      issued_on: w.issuedOn,
      issued_text: null,
      charges: toJson(w.charges),
      status: last[0],
      unsealed_on: w.unsealed?.on ?? null,
      unsealing_decision: w.unsealed?.decision ?? null,
      origin: 'court',
      reference_key: null,
      source_keys: toJson([]),
      verified: fromBool(true),
      notes: 'Fictional warrant for demonstration.',
    })
    await repo.insertNamedRecipients(trx, w.id, w.named)
    if (w.classification !== 'public') await namePersonRecipients(trx, w.personId, w.named)
    for (const [index, [status, on, note]] of w.steps.entries()) {
      await repo.insertStatusEvent(trx, {
        id: `${w.id}:status:${index + 1}`,
        warrant_id: w.id,
        seq: index + 1,
        status,
        occurred_on: on,
        occurred_text: null,
        note,
        source_keys: toJson([]),
        recorded_by: 'user:registry.officer@demo.invalid',
        recorded_at: nowIso,
      })
    }
    if (w.unsealed) {
      await repo.insertClassificationChange(trx, {
        recordId: w.id,
        from: 'under_seal',
        to: 'public',
        legalBasis: w.unsealed.decision,
        decidedBy: 'registry.approver@demo.invalid',
        nowIso,
      })
    }
  }
  return WARRANTS.length
}

/**
 * The States the demo's arrest requests were transmitted to learn of the suspect's sealed warrant,
 * as a transmission names them (requests/requests.warrant-links.ts).
 */
export async function nameOnDemoSuspectWarrant(trx: Db, orgCodes: readonly string[]) {
  const warrant = WARRANTS.find((w) => w.id === DEMO_SUSPECT_WARRANT) as DemoWarrant
  const others = [...new Set(orgCodes)].filter((code) => !warrant.named.includes(code))
  await repo.insertNamedRecipients(trx, warrant.id, others)
  await namePersonRecipients(trx, warrant.personId, others)
}

/** Before the demo persons go (removeDemoSituations): warrants, their history and details. */
export function removeDemoWarrants(trx: Db) {
  return repo.deleteDemoWarrants(trx)
}
