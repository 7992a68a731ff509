import type { Db } from '../db/database.ts'
import { fromBool } from '../db/values.ts'
import * as repo from './situations.repository.ts'

// A fictional situation, its case and the persons concerned, in the demo compartments
// (identity.demo.ts). Every name says it is fictional.

export const DEMO_SITUATION_ID = 'demo:situation:A'
/**
 * Two further fictional situations under investigation, with no case yet: the Court's workload has
 * more than one situation to compare. Their compartment is the situation's own code.
 */
export const DEMO_FURTHER_SITUATIONS = [
  {
    id: 'demo:situation:B',
    code: 'SIT-DEMO-B',
    name: 'Situation in the Federal Republic of Fictonia (fictional)',
  },
  {
    id: 'demo:situation:C',
    code: 'SIT-DEMO-C',
    name: 'Situation in the Kingdom of Exemplaria (fictional)',
  },
] as const
export const DEMO_CASE_ID = 'demo:case:A1'
export const DEMO_PERSONS = {
  suspect: 'demo:person:A',
  witness1: 'demo:person:W1',
  witness2: 'demo:person:W2',
  victim: 'demo:person:V1',
} as const

export async function loadDemoSituations(trx: Db, nowIso: string): Promise<number> {
  if (await repo.findSituationByCode(trx, 'SIT-DEMO-A')) return 0
  const base = { is_demo: fromBool(true), created_by: 'system:demo', created_at: nowIso, updated_at: nowIso }
  await repo.insertSituations(trx, [
    {
      ...base,
      id: DEMO_SITUATION_ID,
      code: 'SIT-DEMO-A',
      name: 'Situation in the Republic of Demoland (fictional)',
      description: 'A fictional situation for demonstration. No real events, places or people.',
      classification: 'public',
      compartment_code: 'SIT-DEMO-A',
      ex_parte_party: null,
    },
    ...DEMO_FURTHER_SITUATIONS.map((situation) => ({
      ...base,
      ...situation,
      description: 'A fictional situation under investigation, for demonstration. No real events, places or people.',
      classification: 'public',
      compartment_code: situation.code,
      ex_parte_party: null,
    })),
  ])
  await repo.insertCases(trx, [
    {
      ...base,
      id: DEMO_CASE_ID,
      situation_id: DEMO_SITUATION_ID,
      code: 'CASE-DEMO-A1',
      name: 'The Prosecutor v. Fictional Person A (fictional)',
      defence_org_code: 'ICC-DEFENCE-DEMO-A1',
      classification: 'confidential',
      compartment_code: 'CASE-DEMO-A1',
      ex_parte_party: null,
    },
  ])
  await repo.insertNamedOrganisation(trx, repo.CASE_RECORD, DEMO_CASE_ID, 'ICC-DEFENCE-DEMO-A1')
  const person = (id: string, name: string, role: 'suspect' | 'witness' | 'victim', classification: string) => ({
    ...base,
    id,
    situation_id: DEMO_SITUATION_ID,
    case_id: DEMO_CASE_ID,
    name,
    role_in_proceedings: role,
    description: 'Fictional person for demonstration.',
    classification,
    compartment_code: 'CASE-DEMO-A1',
    ex_parte_party: null,
  })
  await repo.insertPersons(trx, [
    person(DEMO_PERSONS.suspect, 'Fictional Person A (fictional)', 'suspect', 'under_seal'),
    person(DEMO_PERSONS.witness1, 'Witness W-1 (fictional)', 'witness', 'confidential'),
    person(DEMO_PERSONS.witness2, 'Witness W-2 (fictional)', 'witness', 'confidential'),
    person(DEMO_PERSONS.victim, 'Victim V-1 (fictional)', 'victim', 'confidential'),
  ])
  // Situations, the case, the persons.
  return 1 + DEMO_FURTHER_SITUATIONS.length + 1 + 4
}

export function removeDemoSituations(trx: Db) {
  return repo.deleteDemoSituations(trx)
}

/** Further fictional persons of the demo situation, for other features' demos (removed with the situation). */
export async function insertDemoPersons(
  trx: Db,
  nowIso: string,
  persons: { id: string; name: string; classification: string; compartment: string | null }[],
) {
  await repo.insertPersons(
    trx,
    persons.map((p) => ({
      id: p.id,
      situation_id: DEMO_SITUATION_ID,
      case_id: null,
      name: p.name,
      role_in_proceedings: 'suspect' as const,
      description: 'Fictional person for demonstration.',
      classification: p.classification,
      compartment_code: p.compartment,
      ex_parte_party: null,
      is_demo: fromBool(true),
      created_by: 'system:demo',
      created_at: nowIso,
      updated_at: nowIso,
    })),
  )
}
