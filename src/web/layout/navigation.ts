import type { SessionUser } from '../features/auth/auth.api.ts'

/** The main navigation: each entry once, with who may use it (the server decides anyway). */
export type NavItem = { to: string; labelKey: string; visible: (user: SessionUser | null) => boolean }

export const ADMIN_ROLES = ['admin'] as const
export const AUDITOR_ROLES = ['auditor'] as const

type Who = { orgKind: string; role: string } | null

/** State and organisation focal points and officers: the requests addressed to them. */
export const isAddressee = (user: Who) => !!user && (user.orgKind === 'state' || user.orgKind === 'io')
/** Court staff who draft and follow requests, and Defence counsel for their own. */
export const isCourtSide = (user: Who) =>
  !!user &&
  ((user.orgKind === 'court_organ' && ['officer', 'approver'].includes(user.role)) || user.orgKind === 'defence')
/** Court side whose organ originates requests (not the Trust Fund for Victims, for one). */
export const canDraftRequests = (user: (Who & { originatingOrgan?: string | null }) | null) =>
  isCourtSide(user) && !!user?.originatingOrgan
/** Court officers and approvers (not the Defence): arrest opportunities are the Court's working records. */
export const isCourtStaff = (user: Who) =>
  !!user && user.orgKind === 'court_organ' && ['officer', 'approver'].includes(user.role)

export const NAV_ITEMS: NavItem[] = [
  { to: '/inbox', labelKey: 'nav.inbox', visible: isAddressee },
  { to: '/requests', labelKey: 'nav.requests', visible: isCourtSide },
  { to: '/situations', labelKey: 'nav.situations', visible: isCourtSide },
  { to: '/arrest-opportunities', labelKey: 'arrest.nav', visible: isCourtStaff },
  { to: '/assets', labelKey: 'assets.nav', visible: isCourtStaff },
  { to: '/states', labelKey: 'nav.states', visible: () => true },
  { to: '/agreements', labelKey: 'nav.agreements', visible: () => true },
  { to: '/persons-sought', labelKey: 'nav.personsSought', visible: () => true },
  { to: '/admin', labelKey: 'nav.admin', visible: (user) => user?.role === 'admin' },
  { to: '/audit', labelKey: 'nav.audit', visible: (user) => user?.role === 'auditor' },
]
