import type { TFunction } from 'i18next'
import { formatDate } from '../../format.ts'

/** A fact's value as a reader expects it: dates in the UI language, status codes as words. */
export function formatFactValue(key: string, value: string | null, t: TFunction, language: string): string | null {
  if (value === null) return null
  if (key.endsWith('_date')) return formatDate(value, language)
  if (key === 'rome_statute.status') return t(`status.${value}`, { defaultValue: value })
  if (key === 'apic.status') return t(`apic.${value}`, { defaultValue: value })
  if (key === 'regional_group') return t(`group.${value}`, { defaultValue: value })
  return value
}

// The order a reader looks for them in; keys the server adds later are listed after these.
const FACT_ORDER = [
  'name.en',
  'name.fr',
  'rome_statute.status',
  'rome_statute.signature_date',
  'rome_statute.ratification_date',
  'rome_statute.entry_into_force_date',
  'rome_statute.withdrawal_notified_date',
  'rome_statute.withdrawal_effective_date',
  'regional_group',
  'apic.status',
  'apic.signature_date',
  'apic.ratification_date',
]

export function factRank(key: string): number {
  const index = FACT_ORDER.indexOf(key)
  return index === -1 ? FACT_ORDER.length : index
}
