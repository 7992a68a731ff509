import type { SessionUser } from '../features/auth/auth.api.ts'

/** The main navigation: each entry once, with who may use it (the server decides anyway). */
export type NavItem = { to: string; labelKey: string; visible: (user: SessionUser | null) => boolean }

export const ADMIN_ROLES = ['admin'] as const
export const AUDITOR_ROLES = ['auditor'] as const

export const NAV_ITEMS: NavItem[] = [
  { to: '/states', labelKey: 'nav.states', visible: () => true },
  { to: '/agreements', labelKey: 'nav.agreements', visible: () => true },
  { to: '/admin', labelKey: 'nav.admin', visible: (user) => user?.role === 'admin' },
  { to: '/audit', labelKey: 'nav.audit', visible: (user) => user?.role === 'auditor' },
]
