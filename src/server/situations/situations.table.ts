import type { Generated, Insertable, Selectable } from 'kysely'

type ProtectedRecordColumns = {
  id: string
  classification: string
  compartment_code: string | null
  ex_parte_party: string | null
  is_demo: Generated<boolean | number>
  created_by: string
  created_at: Generated<string>
  updated_at: Generated<string>
}

export interface SituationTable extends ProtectedRecordColumns {
  code: string
  name: string
  description: string | null
}
export type SituationRow = Selectable<SituationTable>
export type NewSituationRow = Insertable<SituationTable>

export interface CaseTable extends ProtectedRecordColumns {
  situation_id: string
  code: string
  name: string
  defence_org_code: string | null
}
export type CaseRow = Selectable<CaseTable>
export type NewCaseRow = Insertable<CaseTable>

export type RoleInProceedings = 'suspect' | 'accused' | 'witness' | 'victim' | 'other'

export interface PersonTable extends ProtectedRecordColumns {
  situation_id: string
  case_id: string | null
  name: string
  role_in_proceedings: RoleInProceedings
  description: string | null
}
export type PersonRow = Selectable<PersonTable>
export type NewPersonRow = Insertable<PersonTable>
