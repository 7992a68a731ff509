import type { RoleRef } from '../access/policy.ts'
import type { Actor } from '../context.ts'

// THE life cycle of a request for cooperation (docs/requests.md), and beside it the policy of who
// may take each step. Both are data: the service, the list of allowed steps, the documentation and
// the tests all read this table, so a step cannot be allowed in one place and refused in another.

export const REQUEST_STATUSES = [
  'draft',
  'approved',
  'transmitted',
  'acknowledged',
  'in_execution',
  'consultation',
  'postponed',
  'executed',
  'partially_executed',
  'not_executed',
  'withdrawn',
] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

export const FINAL_STATUSES: readonly RequestStatus[] = ['executed', 'partially_executed', 'not_executed', 'withdrawn']
const NON_FINAL = REQUEST_STATUSES.filter((s) => !FINAL_STATUSES.includes(s))

/**
 * How the caller stands to the request:
 * - responsible_organ: member of the organ that answers for it (the originator, or the Registry
 *   for a Defence request routed through it);
 * - originator: member of the originating organ or Defence team;
 * - court_side: member of the originator or of the organ it is routed through, or the Registry;
 * - registry: member of ICC-REGISTRY (which transmits every request, article 87(1));
 * - addressee: the addressee's focal point, or one of its officers to whom the request was delegated.
 */
export type Relation = 'responsible_organ' | 'originator' | 'court_side' | 'registry' | 'addressee'

export type Grant = { relation: Relation; roles: readonly RoleRef[] }

export type TransitionRule = {
  from: readonly RequestStatus[]
  to: RequestStatus
  who: readonly Grant[]
  /** The Statute's hook for the step. */
  legalBasis: string
  /** Fields of the body the step needs besides `action`. */
  requires?: readonly ('note' | 'ground' | 'issue' | 'basis')[]
}

const COURT_STAFF: readonly RoleRef[] = ['court_organ:officer', 'court_organ:approver']
const ADDRESSEE: Grant = { relation: 'addressee', roles: ['state:focal-point', 'state:officer', 'io:focal-point'] }
const COURT_SIDE: Grant = { relation: 'court_side', roles: COURT_STAFF }

export const TRANSITIONS = {
  approve: {
    from: ['draft'],
    to: 'approved',
    // Four eyes: never the drafter (checked with the rule, see transitionRefusal).
    who: [{ relation: 'responsible_organ', roles: ['court_organ:approver'] }],
    legalBasis: '87(1), 91, 96',
  },
  transmit: {
    from: ['approved'],
    to: 'transmitted',
    who: [{ relation: 'registry', roles: COURT_STAFF }],
    legalBasis: '87(1)-(2)',
  },
  acknowledge: { from: ['transmitted'], to: 'acknowledged', who: [ADDRESSEE], legalBasis: '87(1), 99' },
  begin_execution: { from: ['acknowledged'], to: 'in_execution', who: [ADDRESSEE], legalBasis: '99(1)' },
  raise_consultation: {
    from: ['acknowledged', 'in_execution'],
    to: 'consultation',
    who: [ADDRESSEE],
    legalBasis: '97',
    requires: ['issue'],
  },
  answer_consultation: {
    from: ['consultation'],
    to: 'in_execution',
    who: [COURT_SIDE],
    legalBasis: '97',
    requires: ['note'],
  },
  postpone: {
    from: ['acknowledged', 'in_execution'],
    to: 'postponed',
    who: [ADDRESSEE],
    legalBasis: '94, 95',
    requires: ['basis'],
  },
  resume_execution: { from: ['postponed'], to: 'in_execution', who: [ADDRESSEE, COURT_SIDE], legalBasis: '94, 95' },
  report_executed: { from: ['in_execution'], to: 'executed', who: [ADDRESSEE], legalBasis: '99' },
  report_partially_executed: {
    from: ['in_execution'],
    to: 'partially_executed',
    who: [ADDRESSEE],
    legalBasis: '99',
    requires: ['note'],
  },
  report_not_executed: {
    from: ['in_execution', 'consultation'],
    to: 'not_executed',
    who: [ADDRESSEE],
    legalBasis: '93(3), 93(4), 93(5), 72, 98, 90',
    requires: ['ground'],
  },
  withdraw: {
    from: NON_FINAL,
    to: 'withdrawn',
    who: [{ relation: 'originator', roles: [...COURT_STAFF, 'defence:counsel'] }],
    legalBasis: '87',
    requires: ['note'],
  },
} as const satisfies Record<string, TransitionRule>

export type TransitionAction = keyof typeof TRANSITIONS
export const TRANSITION_ACTIONS = Object.keys(TRANSITIONS) as TransitionAction[]

/** What the rule needs to know about the request and the caller's standing. */
export type TransitionSubject = {
  status: string
  originator: string
  routedThrough: string | null
  addressee: string
  draftedBy: string
  /** A State officer to whom the focal point delegated this request. */
  isDelegatedToActor: boolean
}

function holdsRole(actor: Actor, roles: readonly RoleRef[]): boolean {
  if (actor.kind !== 'user') return false
  return roles.some((ref) => {
    const [kind, role] = ref.split(':')
    return role === actor.role && (kind === '*' || kind === actor.orgKind)
  })
}

export function standsIn(actor: Actor, relation: Relation, s: TransitionSubject): boolean {
  if (actor.kind !== 'user') return false
  const org = actor.orgCode
  switch (relation) {
    case 'responsible_organ':
      return org === (s.routedThrough ?? s.originator)
    case 'originator':
      return org === s.originator
    case 'court_side':
      return (
        actor.orgKind === 'court_organ' && (org === s.originator || org === s.routedThrough || org === 'ICC-REGISTRY')
      )
    case 'registry':
      return org === 'ICC-REGISTRY'
    case 'addressee':
      // A State officer acts only on what the focal point delegated to them.
      return org === s.addressee && (actor.role === 'focal-point' || s.isDelegatedToActor)
  }
}

/** Why `actor` may not take `action` now, or null when it may. */
export function transitionRefusal(actor: Actor, action: TransitionAction, s: TransitionSubject): string | null {
  const rule: TransitionRule = TRANSITIONS[action]
  if (!rule.from.includes(s.status as RequestStatus)) return `${action} is not possible from ${s.status}`
  if (!rule.who.some((g) => holdsRole(actor, g.roles) && standsIn(actor, g.relation, s)))
    return `your role and organisation may not ${action} this request`
  if (action === 'approve' && actor.kind === 'user' && actor.userId === s.draftedBy)
    return 'four eyes: the drafter may not approve their own request'
  return null
}

export function allowedActions(actor: Actor, s: TransitionSubject): TransitionAction[] {
  return TRANSITION_ACTIONS.filter((a) => transitionRefusal(actor, a, s) === null)
}

/**
 * Who changes a request's deadlines (with a reason): Court staff (officer, approver) of the
 * originator, of the organ it is routed through, or of the Registry.
 */
export function keepsDeadlines(actor: Actor, s: TransitionSubject): boolean {
  return (
    actor.kind === 'user' &&
    actor.orgKind === 'court_organ' &&
    ['officer', 'approver'].includes(actor.role) &&
    standsIn(actor, 'court_side', s)
  )
}

/** Whether `actor` may change the deadlines now: one who keeps them, while the request is not final. */
export function mayChangeDeadlines(actor: Actor, s: TransitionSubject): boolean {
  return keepsDeadlines(actor, s) && !isFinal(s.status)
}

export function isFinal(status: string): boolean {
  return FINAL_STATUSES.includes(status as RequestStatus)
}
