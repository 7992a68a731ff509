import type { Db } from '../db/database.ts'
import * as repo from './agreements.repository.ts'

// Fictional protected agreements, one of each classification, with their need-to-know. Their
// notes carry recognisable text so a user can see the rule at work in the demo.
export async function loadDemoAgreements(trx: Db, users: Map<string, string>, nowIso: string) {
  const existing = await trx.selectFrom('agreements').select('id').where('id', 'like', 'demo:%').execute()
  if (existing.length > 0) return existing.length
  const agreements: repo.NewProtectedAgreement[] = [
    {
      id: 'demo:witness_relocation:NLD',
      iso3: 'NLD',
      kind: 'witness_relocation',
      title: 'Witness relocation agreement (fictional demo)',
      status: 'in_force',
      dateSigned: '2024-05-14',
      notes: 'Confidential: capacity and procedures for relocating protected witnesses. Fictional.',
      classification: 'confidential',
      compartmentCode: 'UNIT-VWS',
      exParteParty: null,
      recipients: [{ kind: 'addressee', orgCode: 'NLD' }],
    },
    {
      id: 'demo:ad_hoc_arrest:KEN',
      iso3: 'KEN',
      kind: 'ad_hoc_arrangement',
      title: 'Ad hoc arrangement on an arrest operation (fictional demo)',
      status: 'signed',
      dateSigned: '2025-02-03',
      notes: 'Under seal: operational arrangement for a sealed warrant. Fictional.',
      classification: 'under_seal',
      compartmentCode: 'CASE-DEMO-A1',
      exParteParty: null,
      recipients: [{ kind: 'named', orgCode: 'KEN' }],
    },
    {
      id: 'demo:interim_release:BEL',
      iso3: 'BEL',
      kind: 'interim_release',
      title: 'Interim release arrangement — ex parte Defence (fictional demo)',
      status: 'signed',
      dateSigned: '2025-09-30',
      notes: 'Ex parte: conditions proposed by the Defence for interim release. Fictional.',
      classification: 'ex_parte',
      compartmentCode: 'CASE-DEMO-A1',
      exParteParty: 'ICC-DEFENCE-DEMO-A1',
      recipients: [],
    },
    {
      id: 'demo:enforcement:ARG',
      iso3: 'ARG',
      kind: 'enforcement_of_sentences',
      title: 'Declared capacity for enforcement of sentences (fictional demo)',
      status: 'in_force',
      dateSigned: '2023-11-20',
      notes: 'Public: fictional capacity figures shown for demonstration.',
      classification: 'public',
      compartmentCode: null,
      exParteParty: null,
      recipients: [],
    },
  ]
  for (const a of agreements) await repo.insertProtectedAgreement(trx, a)
  const nldOfficer = users.get('nld.officer@demo.invalid')
  const nldFocalPoint = users.get('nld.focal-point@demo.invalid')
  if (nldOfficer && nldFocalPoint) {
    await repo.insertDelegation(trx, 'demo:witness_relocation:NLD', nldOfficer, nldFocalPoint, nowIso)
  }
  return agreements.length
}

export function removeDemoAgreements(trx: Db) {
  return repo.deleteDemoAgreements(trx)
}
