import { type DatasetName, datasetSourceKey, readDataset, sourceKey } from '../reference/reference-files.ts'
import type { FactKey } from './states.facts.ts'
import { type IsoState, listIsoStates } from './states.names.ts'

// Turns the reference files into the directory's facts and agreements. Pure: no database here.

export type ReferenceFact = {
  iso3: string
  factKey: FactKey
  value: unknown
  sourceKeys: string[]
  verified: boolean
  notes: string | null
}

export type ReferenceAgreement = {
  id: string
  iso3: string
  kind: string
  title: string | null
  status: 'in_force' | 'signed'
  dateSigned: string | null
  entryIntoForceDate: string | null
  person: string | null
  notes: string | null
  sourceKeys: string[]
  verified: boolean
}

export type StatesReference = { states: IsoState[]; facts: ReferenceFact[]; agreements: ReferenceAgreement[] }

const ISO_SOURCE = 'iso-3166/i18n-iso-countries'

export function buildStatesReference(): StatesReference {
  const states = listIsoStates()
  const byIso2 = new Map(states.map((s) => [s.iso2, s]))
  const facts: ReferenceFact[] = []
  const add = (
    iso3: string,
    factKey: FactKey,
    value: unknown,
    sourceKeys: string[],
    verified: boolean,
    notes: string | null = null,
  ) => facts.push({ iso3, factKey, value, sourceKeys, verified, notes })

  for (const s of states) {
    add(s.iso3, 'name.en', s.nameEn, [ISO_SOURCE], true)
    add(s.iso3, 'name.fr', s.nameFr, [ISO_SOURCE], true)
  }
  addRomeStatuteFacts(byIso2, add)
  addApicFacts(byIso2, add)
  return { states, facts, agreements: buildAgreements(byIso2) }
}

type AddFact = (
  iso3: string,
  key: FactKey,
  value: unknown,
  sources: string[],
  verified: boolean,
  notes?: string | null,
) => void
const keysOf = (dataset: DatasetName, ids: string[] | undefined) => (ids ?? []).map((id) => sourceKey(dataset, id))

function addRomeStatuteFacts(byIso2: Map<string, IsoState>, add: AddFact) {
  const data = readDataset('states-parties')
  const seen = new Set<string>()
  for (const item of data.items) {
    const state = byIso2.get(item.iso2)
    if (!state) continue
    seen.add(state.iso3)
    const sources = keysOf('states-parties', item.sources)
    const v = Boolean(item.verified)
    add(state.iso3, 'rome_statute.status', item.status, sources, v, item.notes ?? null)
    add(state.iso3, 'rome_statute.signature_date', item.signature_date, sources, v)
    add(state.iso3, 'rome_statute.ratification_date', item.ratification_or_accession_date, sources, v)
    add(state.iso3, 'rome_statute.entry_into_force_date', item.entry_into_force_date, sources, v)
    add(state.iso3, 'rome_statute.withdrawal_notified_date', item.withdrawal_notified_date, sources, v)
    add(state.iso3, 'rome_statute.withdrawal_effective_date', item.withdrawal_effective_date, sources, v)
    // One source (the UN regional groups list), and two States assigned by reconciliation only:
    // never shown as verified (see the dataset's `method`).
    add(
      state.iso3,
      'regional_group',
      item.regional_group ?? null,
      keysOf('states-parties', [item.regional_group_source]),
      false,
    )
  }
  for (const item of data.signatories_not_parties) {
    const state = byIso2.get(item.iso2)
    if (!state || seen.has(state.iso3)) continue
    seen.add(state.iso3)
    const sources = keysOf('states-parties', item.sources)
    add(state.iso3, 'rome_statute.status', 'signatory', sources, Boolean(item.verified), item.notes ?? null)
    add(state.iso3, 'rome_statute.signature_date', item.signature_date, sources, Boolean(item.verified))
  }
  for (const state of byIso2.values()) {
    if (seen.has(state.iso3)) continue
    // Derived from absence in the compiled lists: honest, but not cross-checked.
    add(
      state.iso3,
      'rome_statute.status',
      'non_party',
      [datasetSourceKey('states-parties')],
      false,
      'Not in the compiled lists of States Parties and signatories.',
    )
  }
}

function addApicFacts(byIso2: Map<string, IsoState>, add: AddFact) {
  const data = readDataset('apic-parties')
  const seen = new Set<string>()
  for (const item of data.items) {
    const state = byIso2.get(item.iso2)
    if (!state) continue
    seen.add(state.iso3)
    const sources = keysOf('apic-parties', item.sources)
    const v = Boolean(item.verified)
    add(state.iso3, 'apic.status', 'party', sources, v, item.notes ?? null)
    add(state.iso3, 'apic.signature_date', item.signature_date ?? null, sources, v)
    add(state.iso3, 'apic.ratification_date', item.ratification_or_accession_date ?? null, sources, v)
  }
  for (const item of data.signatories_not_parties ?? []) {
    const state = byIso2.get(item.iso2)
    if (!state || seen.has(state.iso3)) continue
    seen.add(state.iso3)
    const sources = keysOf('apic-parties', item.sources)
    add(state.iso3, 'apic.status', 'signatory', sources, Boolean(item.verified), item.notes ?? null)
    add(state.iso3, 'apic.signature_date', item.signature_date ?? null, sources, Boolean(item.verified))
  }
  for (const state of byIso2.values()) {
    if (seen.has(state.iso3)) continue
    add(
      state.iso3,
      'apic.status',
      'none',
      [datasetSourceKey('apic-parties')],
      false,
      'Not in the compiled list of APIC parties, which is known to be incomplete.',
    )
  }
}

function buildAgreements(byIso2: Map<string, IsoState>): ReferenceAgreement[] {
  const data = readDataset('voluntary-agreements')
  const lists = [
    ...data.enforcement_of_sentences,
    ...data.enforcement_of_sentences_ad_hoc,
    ...data.interim_release,
    ...data.release_of_persons,
    data.host_state_agreement,
  ]
  const agreements: ReferenceAgreement[] = []
  for (const item of lists) {
    const state = byIso2.get(item.iso2)
    if (!state) continue
    const date = item.date_signed ?? item.entry_into_force_date ?? 'undated'
    agreements.push({
      id: `${item.type}:${state.iso3}:${date}${item.person ? `:${slug(item.person)}` : ''}`,
      iso3: state.iso3,
      kind: item.type,
      title: item.title ?? null,
      status: item.entry_into_force_date ? 'in_force' : 'signed',
      dateSigned: item.date_signed ?? null,
      entryIntoForceDate: item.entry_into_force_date ?? null,
      person: item.person ?? null,
      notes: item.notes ?? null,
      sourceKeys: keysOf('voluntary-agreements', item.sources),
      verified: Boolean(item.verified),
    })
  }
  return agreements
}

export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}
