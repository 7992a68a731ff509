import { z } from 'zod'
import type { ApicStatus, RomeStatus, StateUpdate } from './states.table.ts'

// Every fact the directory keeps about a State, with the shape of its value. A fact carries its
// sources and a verified flag; an administrator's correction replaces the value and is kept
// through later reference loads. The `states` row holds the current values for fast filtering.

const isoDate = z.iso.date().nullable()

export const factDefinitions = {
  'name.en': z.string().min(1).max(200),
  'name.fr': z.string().min(1).max(200),
  'rome_statute.status': z.enum(['party', 'withdrawn', 'signatory', 'non_party']),
  'rome_statute.signature_date': isoDate,
  'rome_statute.ratification_date': isoDate,
  'rome_statute.entry_into_force_date': isoDate,
  'rome_statute.withdrawal_notified_date': isoDate,
  'rome_statute.withdrawal_effective_date': isoDate,
  regional_group: z.enum(['African', 'Asia-Pacific', 'Eastern European', 'GRULAC', 'WEOG']).nullable(),
  'apic.status': z.enum(['party', 'signatory', 'none']),
  'apic.signature_date': isoDate,
  'apic.ratification_date': isoDate,
} as const

export type FactKey = keyof typeof factDefinitions
export const factKeys = Object.keys(factDefinitions) as FactKey[]

export function isFactKey(key: string): key is FactKey {
  return Object.hasOwn(factDefinitions, key)
}

export type FactValues = Partial<Record<FactKey, unknown>>

/** Strips accents and case so "Égypte" sorts with the E's and matches "egypte". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** The filterable columns of a `states` row, derived from its current facts. */
export function stateColumnsFromFacts(facts: FactValues, aliases: readonly string[]): StateUpdate {
  const str = (key: FactKey) => (typeof facts[key] === 'string' ? (facts[key] as string) : null)
  const nameEn = str('name.en') ?? ''
  const nameFr = str('name.fr') ?? nameEn
  return {
    name_en: nameEn,
    name_fr: nameFr,
    sort_en: foldForSearch(nameEn),
    sort_fr: foldForSearch(nameFr),
    search_text: ` ${[nameEn, nameFr, ...aliases].map(foldForSearch).join(' | ')} `,
    rome_status: (str('rome_statute.status') ?? 'non_party') as RomeStatus,
    regional_group: str('regional_group'),
    apic_status: (str('apic.status') ?? 'none') as ApicStatus,
    signature_date: str('rome_statute.signature_date'),
    ratification_date: str('rome_statute.ratification_date'),
    entry_into_force_date: str('rome_statute.entry_into_force_date'),
    withdrawal_effective_date: str('rome_statute.withdrawal_effective_date'),
  }
}
