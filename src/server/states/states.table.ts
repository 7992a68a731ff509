import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

// Timestamps and dates are ISO-8601 text on both dialects. JSON columns come back as text from
// SQLite and as parsed values from PostgreSQL (see db/values.ts); booleans as 0/1 or
// true/false. Services never see either difference: the mappers normalise.

export type RomeStatus = 'party' | 'withdrawn' | 'signatory' | 'non_party'
export type ApicStatus = 'party' | 'signatory' | 'none'

export interface StateTable {
  iso3: string
  iso2: string
  iso_numeric: string | null
  name_en: string
  name_fr: string
  sort_en: string
  sort_fr: string
  search_text: string
  rome_status: RomeStatus
  regional_group: string | null
  apic_status: ApicStatus
  signature_date: string | null
  ratification_date: string | null
  entry_into_force_date: string | null
  withdrawal_effective_date: string | null
  updated_at: Generated<string>
}
export type StateRow = Selectable<StateTable>
export type NewStateRow = Insertable<StateTable>
export type StateUpdate = Updateable<StateTable>

export interface StateFactTable {
  iso3: string
  fact_key: string
  value: unknown
  source_keys: unknown
  verified: boolean | number
  notes: string | null
  origin: 'reference' | 'admin'
  corrected_by: string | null
  corrected_at: string | null
  correction_note: string | null
  updated_at: Generated<string>
}
export type StateFactRow = Selectable<StateFactTable>
export type NewStateFactRow = Insertable<StateFactTable>

export interface AgreementTable {
  id: string
  iso3: string
  kind: string
  title: string | null
  status: string
  date_signed: string | null
  entry_into_force_date: string | null
  person: string | null
  notes: string | null
  classification: Generated<string>
  compartment_code: string | null
  ex_parte_party: string | null
  is_demo: Generated<boolean | number>
  source_keys: unknown
  verified: boolean | number
  origin: 'reference' | 'admin'
  updated_at: Generated<string>
}
export type AgreementRow = Selectable<AgreementTable>
export type NewAgreementRow = Insertable<AgreementTable>

export interface StateCooperationProfileTable {
  iso3: string
  channel: string
  languages: unknown
  focal_point_name: string | null
  focal_point_email: string | null
  is_demo: boolean | number
  updated_at: Generated<string>
}
export type StateCooperationProfileRow = Selectable<StateCooperationProfileTable>
export type NewStateCooperationProfileRow = Insertable<StateCooperationProfileTable>
