import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

// Ids are text UUIDs, timestamps ISO-8601 UTC text, dates YYYY-MM-DD text, on both dialects.
// Booleans come back as 0/1 (SQLite) or true/false (PostgreSQL): the mappers normalise.

export type ArrestStrategyStatus = 'active' | 'superseded'

export interface ArrestStrategyTable {
  id: string
  person_id: string
  title: string
  body: string
  status: ArrestStrategyStatus
  review_date: string | null
  version: number
  search_text: string
  classification: string
  compartment_code: string | null
  ex_parte_party: string | null
  is_demo: Generated<boolean | number>
  created_by: string
  updated_by: string
  created_at: Generated<string>
  updated_at: Generated<string>
}
export type ArrestStrategyRow = Selectable<ArrestStrategyTable>
export type NewArrestStrategyRow = Insertable<ArrestStrategyTable>
export type ArrestStrategyUpdate = Updateable<ArrestStrategyTable>

export interface ArrestStrategyVersionTable {
  strategy_id: string
  version: number
  title: string
  body: string
  status: ArrestStrategyStatus
  review_date: string | null
  note: string | null
  changed_by: string
  changed_at: string
}
export type ArrestStrategyVersionRow = Selectable<ArrestStrategyVersionTable>
export type NewArrestStrategyVersionRow = Insertable<ArrestStrategyVersionTable>

export type ArrestOutcome = 'pending' | 'arrested' | 'request_refused' | 'person_left' | 'no_response'

export interface ArrestOpportunityTable {
  id: string
  person_id: string
  iso3: string
  kind: 'presence' | 'travel'
  source_description: string
  source_reliability: string
  information_credibility: string
  place: string
  from_date: string
  to_date: string | null
  urgency: 'normal' | 'urgent'
  reported_by: string
  reported_at: string
  outcome: ArrestOutcome
  outcome_date: string | null
  outcome_note: string | null
  request_id: string | null
  classification: string
  compartment_code: string | null
  ex_parte_party: string | null
  is_demo: Generated<boolean | number>
  created_by: string
  created_at: Generated<string>
  updated_at: Generated<string>
}
export type ArrestOpportunityRow = Selectable<ArrestOpportunityTable>
export type NewArrestOpportunityRow = Insertable<ArrestOpportunityTable>
export type ArrestOpportunityUpdate = Updateable<ArrestOpportunityTable>

export interface ArrestOpportunityOutcomeTable {
  opportunity_id: string
  seq: number
  outcome: Exclude<ArrestOutcome, 'pending'>
  outcome_date: string
  note: string | null
  request_id: string | null
  recorded_by: string
  recorded_at: string
}
export type ArrestOpportunityOutcomeRow = Selectable<ArrestOpportunityOutcomeTable>
export type NewArrestOpportunityOutcomeRow = Insertable<ArrestOpportunityOutcomeTable>
