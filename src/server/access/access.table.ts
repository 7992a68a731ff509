export interface RecordRecipientTable {
  record_type: string
  record_id: string
  /** addressee: the State or organisation the record is addressed to; named: a recipient named on it. */
  kind: 'addressee' | 'named'
  org_code: string | null
  user_id: string | null
}

export interface RecordDelegationTable {
  record_type: string
  record_id: string
  user_id: string
  delegated_by: string
  delegated_at: string
}

export interface ClassificationHistoryTable {
  record_type: string
  record_id: string
  from_classification: string
  to_classification: string
  legal_basis: string
  decided_by: string
  decided_at: string
}
