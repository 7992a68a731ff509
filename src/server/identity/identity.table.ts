import type { Generated, Insertable, Selectable } from 'kysely'

export type OrganisationKind = 'court_organ' | 'defence' | 'state' | 'io' | 'assembly'

export interface OrganisationTable {
  code: string
  kind: OrganisationKind
  name_en: string
  name_fr: string
  is_demo: Generated<boolean | number>
}
export type OrganisationRow = Selectable<OrganisationTable>

export interface CompartmentTable {
  code: string
  name: string
  is_demo: Generated<boolean | number>
  created_at: Generated<string>
}
export type CompartmentRow = Selectable<CompartmentTable>

export interface UserTable {
  id: string
  email: string
  display_name: string
  org_code: string
  role: string
  status: 'active' | 'disabled'
  password_hash: string | null
  mfa_secret: string | null
  mfa_enabled: Generated<boolean | number>
  mfa_last_step: number | null
  oidc_issuer: string | null
  oidc_subject: string | null
  is_demo: Generated<boolean | number>
  created_at: Generated<string>
  updated_at: Generated<string>
  last_login_at: string | null
}
export type UserRow = Selectable<UserTable>
export type NewUserRow = Insertable<UserTable>

export interface UserCompartmentTable {
  user_id: string
  compartment_code: string
}

export interface RecoveryCodeTable {
  user_id: string
  code_hash: string
  used_at: string | null
}

export interface SessionTable {
  id_hash: string
  user_id: string
  state: 'mfa_pending' | 'mfa_enrolment' | 'active'
  csrf_token: string
  created_at: string
  last_seen_at: string
  idle_expires_at: string
  absolute_expires_at: string
  ip: string | null
  user_agent: string | null
  revoked_at: string | null
}
export type SessionRow = Selectable<SessionTable>

export interface ApiTokenTable {
  id: string
  user_id: string
  name: string
  token_hash: string
  scopes: unknown
  created_at: string
  expires_at: string
  revoked_at: string | null
  last_used_at: string | null
}
export type ApiTokenRow = Selectable<ApiTokenTable>

export interface LoginFailureTable {
  throttle_key: string
  failed_at: string
}

/** One row: moves with every change to api_tokens, users, organisations, user_compartments (migration 0920). */
export interface CredentialEpochTable {
  id: number
  value: number
}
