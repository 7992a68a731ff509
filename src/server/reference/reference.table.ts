import type { Insertable, Selectable } from 'kysely'

export interface ReferenceSourceTable {
  /** `<dataset>/<source id>`: source ids are only unique within one reference file. */
  key: string
  dataset: string
  title: string
  url: string | null
  date: string | null
  reliability: string | null
}
export type ReferenceSourceRow = Selectable<ReferenceSourceTable>
export type NewReferenceSourceRow = Insertable<ReferenceSourceTable>

export interface StatuteArticleTable {
  article: string
  sort_order: number
  part: string
  part_title: string
  title: string
  summary: string | null
  paragraphs: unknown
  text_status: string
  source: string | null
  verified: boolean | number
}
export type StatuteArticleRow = Selectable<StatuteArticleTable>
export type NewStatuteArticleRow = Insertable<StatuteArticleTable>

export interface RequestTypeTable {
  code: string
  sort_order: number
  category: 'assistance' | 'other'
  ref: string
  label: string
  statute_text: string | null
  summary: string | null
  /** The summary in French (the project's translation); null when there is none. */
  summary_fr: string | null
  legal_basis: unknown
  obligatory_for_states_parties: boolean | number
}
export type RequestTypeRow = Selectable<RequestTypeTable>
export type NewRequestTypeRow = Insertable<RequestTypeTable>

export interface PublicWarrantTable {
  id: string
  person_name: string
  situation: string | null
  case_name: string | null
  warrant_dates: unknown
  crimes: unknown
  status: string
  status_as_of: string | null
  is_at_large: boolean | number
  source_keys: unknown
  verified: boolean | number
  notes: string | null
}
export type PublicWarrantRow = Selectable<PublicWarrantTable>
export type NewPublicWarrantRow = Insertable<PublicWarrantTable>
