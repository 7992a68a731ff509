import type { OrganisationKind } from './identity.table.ts'

// The organisations of the Rome Statute system that are not States (States are organisations
// too, one per ISO 3166 code, loaded from the States directory). Codes are stable: scripts and
// integrators use them (`partnine orgs`).
export const FIXED_ORGANISATIONS: { code: string; kind: OrganisationKind; nameEn: string; nameFr: string }[] = [
  { code: 'ICC-PRESIDENCY', kind: 'court_organ', nameEn: 'Presidency', nameFr: 'Présidence' },
  { code: 'ICC-CHAMBERS', kind: 'court_organ', nameEn: 'Chambers', nameFr: 'Chambres' },
  { code: 'ICC-OTP', kind: 'court_organ', nameEn: 'Office of the Prosecutor', nameFr: 'Bureau du Procureur' },
  { code: 'ICC-REGISTRY', kind: 'court_organ', nameEn: 'Registry', nameFr: 'Greffe' },
  {
    code: 'ICC-REGISTRY-VWS',
    kind: 'court_organ',
    nameEn: 'Registry — Victims and Witnesses Section',
    nameFr: 'Greffe — Section de l’aide aux victimes et aux témoins',
  },
  {
    code: 'ICC-REGISTRY-DETENTION',
    kind: 'court_organ',
    nameEn: 'Registry — Detention Centre',
    nameFr: 'Greffe — Quartier pénitentiaire',
  },
  { code: 'ICC-TFV', kind: 'court_organ', nameEn: 'Trust Fund for Victims', nameFr: 'Fonds au profit des victimes' },
  { code: 'ASP', kind: 'assembly', nameEn: 'Assembly of States Parties', nameFr: 'Assemblée des États Parties' },
  { code: 'ASP-BUREAU', kind: 'assembly', nameEn: 'Bureau of the Assembly', nameFr: 'Bureau de l’Assemblée' },
  {
    code: 'ASP-SECRETARIAT',
    kind: 'assembly',
    nameEn: 'Secretariat of the Assembly',
    nameFr: 'Secrétariat de l’Assemblée',
  },
  {
    code: 'ASP-NONCOOP-FP',
    kind: 'assembly',
    nameEn: 'Non-cooperation focal points',
    nameFr: 'Points focaux sur la non-coopération',
  },
  { code: 'IO-UN', kind: 'io', nameEn: 'United Nations', nameFr: 'Organisation des Nations Unies' },
  {
    code: 'IO-UNSC',
    kind: 'io',
    nameEn: 'United Nations Security Council',
    nameFr: 'Conseil de sécurité des Nations Unies',
  },
  { code: 'IO-AU', kind: 'io', nameEn: 'African Union', nameFr: 'Union africaine' },
  { code: 'IO-EU', kind: 'io', nameEn: 'European Union', nameFr: 'Union européenne' },
  { code: 'IO-INTERPOL', kind: 'io', nameEn: 'INTERPOL', nameFr: 'INTERPOL' },
]

/** Roles each kind of organisation can give its users (`partnine roles`). */
export const ROLES_BY_KIND: Record<OrganisationKind, readonly string[]> = {
  court_organ: ['officer', 'approver', 'auditor', 'admin'],
  defence: ['counsel'],
  state: ['focal-point', 'officer'],
  io: ['focal-point'],
  assembly: ['officer'],
}

export const ROLE_DESCRIPTIONS: Record<string, string> = {
  officer:
    'Court organ: drafts and follows requests (e.g. Registry cooperation officer, OTP staff, Chamber staff). State: competent authority officer, sees only what the focal point delegates. Assembly: ASP officer.',
  approver: 'Court organ: approves requests drafted by others of the same organ (four eyes).',
  counsel: 'Defence team: counsel for one accused; sees only their own case.',
  'focal-point':
    "State or international organisation: national focal point / central authority; sees all of its organisation's records.",
  auditor: 'Reads and verifies the audit trail; sees no content.',
  admin: 'Manages users, compartments and reference data; sees no content by default.',
}

export function isRoleAllowed(kind: OrganisationKind, role: string): boolean {
  return ROLES_BY_KIND[kind].includes(role)
}
