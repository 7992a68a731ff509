import type { Actor } from '../context.ts'
import type { OrganisationKind } from '../identity/identity.table.ts'

// THE written policy: who may call each route. Every route of the app must have an entry (the
// access plugin refuses a route without one, and access/authorization-matrix.test.ts fails), so
// adding a route forces a decision here. Record-level need-to-know is the visibility rule
// (access/visibility.ts); this table decides who may call the route at all.

/** `<organisation kind>:<role>`, or `*:<role>` for that role in any kind of organisation. */
export type RoleRef = `${OrganisationKind | '*'}:${string}`

export type RoutePolicy =
  /** Anyone, anonymous included (the public portal). */
  | { access: 'public' }
  /** A browser session, including one still completing two-step verification (not API tokens). */
  | { access: 'session' }
  /** Any signed-in user: an active session or an API token. */
  | { access: 'signed-in' }
  /** Signed-in users holding one of these roles. */
  | { access: 'roles'; roles: readonly RoleRef[] }

const PUBLIC = { access: 'public' } as const
const SESSION = { access: 'session' } as const
const SIGNED_IN = { access: 'signed-in' } as const
const ADMIN = { access: 'roles', roles: ['court_organ:admin'] } as const
const AUDITOR = { access: 'roles', roles: ['court_organ:auditor'] } as const
const COURT_STAFF = { access: 'roles', roles: ['court_organ:officer', 'court_organ:approver'] } as const
const DRAFTERS = { access: 'roles', roles: ['court_organ:officer', 'court_organ:approver', 'defence:counsel'] } as const
/** Everyone who takes some step of a request's life cycle (requests.lifecycle.ts says which). */
/** Who may add to a request's thread and documents (the request itself says whether they do). */
const CONTRIBUTORS = {
  access: 'roles',
  roles: [
    'court_organ:officer',
    'court_organ:approver',
    'defence:counsel',
    'state:focal-point',
    'state:officer',
    'io:focal-point',
  ],
} as const
const REQUEST_ACTORS = {
  access: 'roles',
  roles: [
    'court_organ:officer',
    'court_organ:approver',
    'defence:counsel',
    'state:focal-point',
    'state:officer',
    'io:focal-point',
  ],
} as const

export const ROUTE_POLICIES: Record<string, RoutePolicy> = {
  // Platform
  'GET /healthz': PUBLIC,
  'GET /readyz': PUBLIC,
  'GET /api/v1/meta': PUBLIC,
  'GET /api/v1/demo/accounts': PUBLIC, // answers only while the fictional demo is loaded
  // Reference data and the States directory are public facts.
  'GET /api/v1/states': PUBLIC,
  'GET /api/v1/states/statuses': PUBLIC,
  'GET /api/v1/states/:iso3': PUBLIC,
  'GET /api/v1/reference/request-types': PUBLIC,
  'GET /api/v1/reference/articles': PUBLIC,
  'GET /api/v1/reference/public-warrants': PUBLIC,
  'GET /api/v1/reference/request-types/:code/checklist': PUBLIC,
  // Agreements: anyone may call; the visibility rule decides which records answer.
  'GET /api/v1/agreements': PUBLIC,
  'GET /api/v1/agreements/:id': PUBLIC,
  'POST /api/v1/agreements/:id/reclassification': COURT_STAFF,
  // Situations, cases, persons: anyone may call (the anonymous portal sees public records only);
  // the visibility rule decides which records answer.
  'GET /api/v1/situations': PUBLIC,
  'POST /api/v1/situations': COURT_STAFF,
  'GET /api/v1/situations/:id': PUBLIC,
  'PATCH /api/v1/situations/:id': COURT_STAFF,
  'GET /api/v1/cases': PUBLIC,
  'POST /api/v1/cases': COURT_STAFF,
  'GET /api/v1/cases/:id': PUBLIC,
  'PATCH /api/v1/cases/:id': COURT_STAFF,
  'GET /api/v1/persons': PUBLIC,
  'POST /api/v1/persons': COURT_STAFF,
  'GET /api/v1/persons/:id': PUBLIC,
  'PATCH /api/v1/persons/:id': COURT_STAFF,
  // A decision on a classification: approvers of the owning compartment (checked by the service).
  'POST /api/v1/situations/:id/reclassification': { access: 'roles', roles: ['court_organ:approver'] },
  'POST /api/v1/cases/:id/reclassification': { access: 'roles', roles: ['court_organ:approver'] },
  'POST /api/v1/persons/:id/reclassification': { access: 'roles', roles: ['court_organ:approver'] },
  // Requests for cooperation are working documents: signed-in users only (their timelines name the
  // staff who acted), then the visibility rule; the public sees aggregate figures. Drafting by
  // Court staff and Defence counsel; each life-cycle step decided by the transition table
  // (requests.lifecycle.ts).
  'GET /api/v1/requests': SIGNED_IN,
  'GET /api/v1/requests/counts': SIGNED_IN,
  'GET /api/v1/requests/breakdown': SIGNED_IN,
  // Saved views are the caller's own; exports are the list as a file (same visibility, audited).
  'GET /api/v1/requests/views': SIGNED_IN,
  'POST /api/v1/requests/views': SIGNED_IN,
  'DELETE /api/v1/requests/views/:id': SIGNED_IN,
  'GET /api/v1/requests/export.csv': SIGNED_IN,
  'GET /api/v1/requests/export.xlsx': SIGNED_IN,
  'POST /api/v1/requests': DRAFTERS,
  'GET /api/v1/requests/:id': SIGNED_IN,
  'GET /api/v1/requests/:id/concerns': SIGNED_IN,
  'PATCH /api/v1/requests/:id': DRAFTERS,
  'GET /api/v1/requests/:id/transitions': SIGNED_IN,
  'POST /api/v1/requests/:id/transitions': REQUEST_ACTORS,
  'GET /api/v1/requests/:id/receipts': SIGNED_IN,
  'POST /api/v1/requests/:id/deadline-changes': COURT_STAFF,
  // Delegation inside the requested State: its focal point hands a request to one of its officers
  // (requests.delegations.ts checks it is the addressee's focal point and an officer of that State).
  // Reading: signed-in, then the request's visibility (404) before the State check (403), so an
  // invisible request answers like a missing one whoever asks.
  'GET /api/v1/requests/:id/delegations': SIGNED_IN,
  'POST /api/v1/requests/:id/delegations': { access: 'roles', roles: ['state:focal-point'] },
  'DELETE /api/v1/requests/:id/delegations/:userId': { access: 'roles', roles: ['state:focal-point'] },
  // Messages and documents: reading follows the request's visibility (a redacted public version
  // is readable by anyone, the anonymous portal included); adding is for the Court side and the
  // addressee once transmitted (requests.participation.ts decides, per request).
  'GET /api/v1/requests/:id/messages': SIGNED_IN,
  'POST /api/v1/requests/:id/messages': CONTRIBUTORS,
  'GET /api/v1/requests/:id/documents': PUBLIC,
  'POST /api/v1/requests/:id/documents': CONTRIBUTORS,
  'GET /api/v1/documents/:id/content': PUBLIC,
  // Warrants (article 58) and persons sought: anyone may call, the visibility rule decides which
  // records answer (the public sees public warrants only). Court staff record warrants and their
  // status changes (their compartment's, or public ones without one); lifting a seal is an
  // approver's act on a Chamber's decision (decisionReference, kept as the legal basis). Details
  // of a public person sought may also be corrected by an administrator (reference data).
  'GET /api/v1/warrants': PUBLIC,
  'POST /api/v1/warrants': COURT_STAFF,
  'GET /api/v1/warrants/:id': PUBLIC,
  'POST /api/v1/warrants/:id/status-changes': COURT_STAFF,
  'POST /api/v1/warrants/:id/unsealing': { access: 'roles', roles: ['court_organ:approver'] },
  'GET /api/v1/persons-sought': PUBLIC,
  'GET /api/v1/persons-sought/:personId': PUBLIC,
  'POST /api/v1/persons-sought/:personId/details': {
    access: 'roles',
    roles: ['court_organ:officer', 'court_organ:approver', 'court_organ:admin'],
  },
  'POST /api/v1/persons-sought/:personId/photos': COURT_STAFF,
  'GET /api/v1/persons-sought/:personId/photos/:photoId/content': PUBLIC,
  // Arrest strategies are known to their cell only (under seal, nobody named: the visibility rule
  // answers empty lists, zero counts and 404 to everyone else); writing them is Court staff's, in
  // their own cell. Arrest opportunities: read through the visibility rule; reported, turned into
  // a request draft and given their outcome by Court staff of the compartment.
  'GET /api/v1/arrest-strategies': SIGNED_IN,
  'GET /api/v1/arrest-strategies/counts': SIGNED_IN,
  'GET /api/v1/arrest-strategies/export.csv': SIGNED_IN,
  'POST /api/v1/arrest-strategies': COURT_STAFF,
  'GET /api/v1/arrest-strategies/:id': SIGNED_IN,
  'PATCH /api/v1/arrest-strategies/:id': COURT_STAFF,
  'GET /api/v1/arrest-opportunities': SIGNED_IN,
  'POST /api/v1/arrest-opportunities': COURT_STAFF,
  'GET /api/v1/arrest-opportunities/:id': SIGNED_IN,
  'GET /api/v1/arrest-opportunities/:id/proposal': SIGNED_IN,
  'POST /api/v1/arrest-opportunities/:id/request-draft': COURT_STAFF,
  'POST /api/v1/arrest-opportunities/:id/outcome': COURT_STAFF,
  // Assets (93(1)(k), 57(3)(e), 75, 109): working records of the Court; signed-in users only,
  // then the visibility rule (an outsider's register and totals hold only what it may see).
  // Recording and every life-cycle step are Court staff's, of the asset's compartment
  // (assets.service.ts checks it). Expiry alerts go to the owners (the compartment's Court staff);
  // exchange rates are recorded and read by Court staff.
  'GET /api/v1/assets': SIGNED_IN,
  'POST /api/v1/assets': COURT_STAFF,
  'GET /api/v1/assets/totals': SIGNED_IN,
  'GET /api/v1/assets/alerts': COURT_STAFF,
  'POST /api/v1/assets/alerts/:id/resolution': COURT_STAFF,
  'GET /api/v1/assets/:id': SIGNED_IN,
  'POST /api/v1/assets/:id/steps': COURT_STAFF,
  'POST /api/v1/assets/:id/valuations': COURT_STAFF,
  'POST /api/v1/assets/:id/claims': COURT_STAFF,
  'PATCH /api/v1/assets/:id/claims/:claimId': COURT_STAFF,
  'GET /api/v1/exchange-rates': COURT_STAFF,
  'POST /api/v1/exchange-rates': COURT_STAFF,
  // Authentication
  'GET /api/v1/auth/session': PUBLIC,
  'POST /api/v1/auth/login': PUBLIC,
  'POST /api/v1/auth/mfa': SESSION,
  'POST /api/v1/auth/mfa/enrolment': SESSION,
  'POST /api/v1/auth/mfa/enrolment/confirmation': SESSION,
  'POST /api/v1/auth/logout': SESSION,
  'GET /api/v1/auth/oidc/providers': PUBLIC,
  'GET /api/v1/auth/oidc/:provider/start': PUBLIC,
  'GET /api/v1/auth/oidc/:provider/callback': PUBLIC,
  // The signed-in user's own account
  'POST /api/v1/account/logout-everywhere': SIGNED_IN,
  'GET /api/v1/account/sessions': SIGNED_IN,
  'GET /api/v1/account/tokens': SIGNED_IN,
  'POST /api/v1/account/tokens': SIGNED_IN,
  'DELETE /api/v1/account/tokens/:id': SIGNED_IN,
  'GET /api/v1/account/notifications': SIGNED_IN,
  'PUT /api/v1/account/notifications': SIGNED_IN,
  // Administration (no content access)
  'GET /api/v1/organisations': SIGNED_IN,
  'GET /api/v1/admin/users': ADMIN,
  'POST /api/v1/admin/users': ADMIN,
  'POST /api/v1/admin/users/:id/changes': ADMIN,
  'GET /api/v1/admin/compartments': ADMIN,
  'POST /api/v1/admin/compartments': ADMIN,
  // Audit trail (no content access)
  'GET /api/v1/audit/events': AUDITOR,
  'POST /api/v1/audit/checkpoints': AUDITOR,
  'GET /api/v1/audit/checkpoints/latest': AUDITOR,
  'GET /api/v1/audit/verify': AUDITOR,
}

/** Routes outside the API that serve documents and the web app: public by nature. */
export function isInfrastructureRoute(url: string): boolean {
  return url === '/*' || url === '/api/v1/openapi.json' || url.startsWith('/api/docs') || !url.startsWith('/api/')
}

export function policyFor(method: string, url: string): RoutePolicy | undefined {
  const entry = ROUTE_POLICIES[`${method} ${url}`]
  if (entry) return entry
  if (method === 'HEAD') return ROUTE_POLICIES[`GET ${url}`] ?? (isInfrastructureRoute(url) ? PUBLIC : undefined)
  return isInfrastructureRoute(url) && !ROUTE_KEYS_UNDER_API.has(url) ? PUBLIC : undefined
}

const ROUTE_KEYS_UNDER_API = new Set(Object.keys(ROUTE_POLICIES).map((k) => k.split(' ')[1]))

export type Decision = 'allow' | 'unauthenticated' | 'mfa-required' | 'forbidden'

/**
 * Whether `actor` may call a route with `policy`. `pendingSession` says the request carries a
 * session that has not finished two-step verification (its actor is still anonymous).
 */
export function decide(policy: RoutePolicy, actor: Actor, method: string, pendingSession: boolean): Decision {
  if (policy.access === 'public') return 'allow'
  if (policy.access === 'session') {
    return pendingSession || (actor.kind === 'user' && actor.via === 'session') ? 'allow' : 'unauthenticated'
  }
  if (actor.kind !== 'user') return pendingSession ? 'mfa-required' : 'unauthenticated'
  // An API token without the write scope can only read.
  if (!['GET', 'HEAD'].includes(method) && !actor.scopes.includes('write')) return 'forbidden'
  if (policy.access === 'signed-in') return 'allow'
  return policy.roles.some((ref) => {
    const [kind, role] = ref.split(':')
    return role === actor.role && (kind === '*' || kind === actor.orgKind)
  })
    ? 'allow'
    : 'forbidden'
}
