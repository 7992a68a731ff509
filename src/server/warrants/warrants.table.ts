import type { Generated, Insertable, Selectable } from 'kysely'

// Ids are text UUIDs (reference rows: stable `ref:` keys), dates ISO-8601 text, JSON columns
// parsed with parseJson (text on SQLite, jsonb on PostgreSQL), booleans 0/1 or true/false.

export interface WarrantTable {
  id: string
  classification: string
  compartment_code: string | null
  ex_parte_party: string | null
  is_demo: Generated<boolean | number>
  created_by: string
  created_at: Generated<string>
  updated_at: Generated<string>
  person_id: string
  kind: 'arrest_warrant' | 'summons_to_appear'
  issuing_chamber: string | null
  issued_on: string | null
  issued_text: string | null
  charges: unknown
  status: string
  unsealed_on: string | null
  unsealing_decision: string | null
  origin: 'reference' | 'admin' | 'court'
  reference_key: string | null
  source_keys: unknown
  verified: Generated<boolean | number>
  notes: string | null
}
export type WarrantRow = Selectable<WarrantTable>
export type NewWarrantRow = Insertable<WarrantTable>

export interface WarrantStatusEventTable {
  id: string
  warrant_id: string
  seq: number
  status: string
  occurred_on: string | null
  occurred_text: string | null
  note: string | null
  source_keys: unknown
  recorded_by: string
  recorded_at: Generated<string>
}
export type WarrantStatusEventRow = Selectable<WarrantStatusEventTable>
export type NewWarrantStatusEventRow = Insertable<WarrantStatusEventTable>

export interface PersonSoughtDetailsTable {
  person_id: string
  aliases: unknown
  nationalities: unknown
  physical_description: string | null
  origin: 'reference' | 'admin' | 'court'
  updated_by: string
  updated_at: Generated<string>
}
export type PersonSoughtDetailsRow = Selectable<PersonSoughtDetailsTable>

export interface PersonPhotoTable {
  id: string
  person_id: string
  filename: string
  media_type: string
  size_bytes: number
  sha256: string
  caption: string | null
  uploaded_by: string
  uploaded_by_org: string | null
  created_at: Generated<string>
  key_id: string
  wrapped_key: string
  iv: string
  tag: string
  ciphertext: Buffer
}
export type PersonPhotoRow = Selectable<PersonPhotoTable>
export type NewPersonPhotoRow = Insertable<PersonPhotoTable>
