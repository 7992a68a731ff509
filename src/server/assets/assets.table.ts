import type { Generated, Insertable, Selectable } from 'kysely'

// Amounts are integer minor units as decimal text and rates exact decimals as text (both drivers
// return text unchanged; see assets.money.ts). Dates of orders, valuations and claims are ISO
// dates (YYYY-MM-DD); timestamps ISO-8601 UTC text. Booleans come back as 0/1 or true/false.

export type AssetKind =
  | 'bank_account'
  | 'real_estate'
  | 'vehicle'
  | 'company_share'
  | 'vessel'
  | 'aircraft'
  | 'cash'
  | 'virtual_asset'
  | 'other'

export type AssetStage = 'identified' | 'traced' | 'frozen' | 'seized' | 'forfeited' | 'released'

export interface AssetTable {
  id: string
  classification: string
  compartment_code: string | null
  ex_parte_party: string | null
  case_id: string
  person_id: string | null
  kind: AssetKind
  description: string
  jurisdiction: string
  purpose_evidence: boolean | number
  purpose_reparations: boolean | number
  purpose_legal_aid: boolean | number
  purpose_forfeiture: boolean | number
  reparations_order_ref: string | null
  stage: AssetStage
  current_order_step_id: string | null
  order_expires_on: string | null
  value_minor: string | null
  value_currency: string | null
  valued_on: string | null
  is_demo: Generated<boolean | number>
  created_by: string
  created_at: string
  updated_at: string
}
export type AssetRow = Selectable<AssetTable>
export type NewAssetRow = Insertable<AssetTable>

export interface AssetStepTable {
  id: string
  asset_id: string
  seq: number
  action: string
  from_stage: string | null
  to_stage: string
  request_id: string | null
  order_authority: string | null
  order_reference: string | null
  order_date: string | null
  order_expires_on: string | null
  note: string | null
  recorded_by: string
  recorded_at: string
}
export type AssetStepRow = Selectable<AssetStepTable>
export type NewAssetStepRow = Insertable<AssetStepTable>

export interface AssetValuationTable {
  id: string
  asset_id: string
  amount_minor: string
  currency: string
  valued_on: string
  basis: string
  recorded_by: string
  recorded_at: string
}
export type AssetValuationRow = Selectable<AssetValuationTable>

export type ClaimStatus = 'pending' | 'upheld' | 'dismissed'

export interface AssetClaimTable {
  id: string
  asset_id: string
  claimant: string
  nature: string
  amount_minor: string | null
  currency: string | null
  lodged_on: string
  status: ClaimStatus
  status_note: string | null
  recorded_by: string
  recorded_at: string
  updated_at: string
}
export type AssetClaimRow = Selectable<AssetClaimTable>

export type AlertStatus = 'open' | 'acknowledged' | 'dismissed' | 'cleared'

export interface AssetAlertTable {
  id: string
  asset_id: string
  step_id: string
  kind: 'order_expiring'
  lapses_on: string
  status: AlertStatus
  raised_at: string
  resolved_by: string | null
  resolved_at: string | null
  resolution_note: string | null
}
export type AssetAlertRow = Selectable<AssetAlertTable>

export interface ExchangeRateTable {
  id: string
  from_currency: string
  to_currency: string
  rate: string
  as_of: string
  source: string
  is_demo: Generated<boolean | number>
  recorded_by: string
  recorded_at: string
}
export type ExchangeRateRow = Selectable<ExchangeRateTable>
