import type { RequestStatus } from './requests.lifecycle.ts'

// Default deadlines, in calendar days from transmission (the clock starts when the addressee
// receives the request). They are the platform's working defaults, not rules of the Statute or
// the Rules of Procedure and Evidence; every deadline can be changed with a reason (kept in
// deadline_changes). docs/requests.md lists them.

export type DeadlineDefaults = { acknowledgementDays: number; responseDays: number }
type ByUrgency = { normal: DeadlineDefaults; urgent: DeadlineDefaults }

const d = (acknowledgementDays: number, responseDays: number) => ({ acknowledgementDays, responseDays })

export const DEFAULT_DEADLINES: Record<string, ByUrgency> = {
  ARREST_AND_SURRENDER: { normal: d(3, 60), urgent: d(1, 30) },
  PROVISIONAL_ARREST: { normal: d(1, 14), urgent: d(1, 7) },
  TRANSIT: { normal: d(3, 14), urgent: d(1, 7) },
  PROTECT_VICTIMS_WITNESSES_PRESERVE_EVIDENCE: { normal: d(3, 30), urgent: d(1, 7) },
  ASSETS_IDENTIFY_TRACE_FREEZE_SEIZE: { normal: d(7, 60), urgent: d(2, 30) },
  ENFORCEMENT_OF_SENTENCE: { normal: d(14, 90), urgent: d(7, 60) },
  FINES_FORFEITURE_REPARATIONS_ENFORCEMENT: { normal: d(14, 90), urgent: d(7, 60) },
}
/** Every other type: the assistance of 93(1) and requests to organisations and non-party States. */
export const FALLBACK_DEADLINES: ByUrgency = { normal: d(14, 90), urgent: d(5, 30) }

export function deadlineDefaults(requestType: string, urgency: 'normal' | 'urgent'): DeadlineDefaults {
  return (DEFAULT_DEADLINES[requestType] ?? FALLBACK_DEADLINES)[urgency]
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString()
}

/** The addressee owes an acknowledgement only while the request is transmitted. */
export const ACKNOWLEDGEMENT_RUNNING: readonly RequestStatus[] = ['transmitted']
/**
 * The addressee owes an answer while the request is with it and not final. A postponement under
 * article 94 or 95 suspends it: the agreed period replaces the deadline until execution resumes.
 */
export const RESPONSE_RUNNING: readonly RequestStatus[] = [
  'transmitted',
  'acknowledged',
  'in_execution',
  'consultation',
]

export type DeadlineState = {
  status: string
  acknowledgementDeadline: string | null
  responseDeadline: string | null
}

/** The deadlines of a request row, as the overdue rules read them. */
export function deadlineStateOf(row: {
  status: string
  acknowledgement_deadline: string | null
  response_deadline: string | null
}): DeadlineState {
  return {
    status: row.status,
    acknowledgementDeadline: row.acknowledgement_deadline,
    responseDeadline: row.response_deadline,
  }
}

export function isAcknowledgementOverdue(r: DeadlineState, nowIso: string): boolean {
  return (
    ACKNOWLEDGEMENT_RUNNING.includes(r.status as RequestStatus) &&
    r.acknowledgementDeadline !== null &&
    r.acknowledgementDeadline < nowIso
  )
}

export function isResponseOverdue(r: DeadlineState, nowIso: string): boolean {
  return (
    RESPONSE_RUNNING.includes(r.status as RequestStatus) && r.responseDeadline !== null && r.responseDeadline < nowIso
  )
}

export function isOverdue(r: DeadlineState, nowIso: string): boolean {
  return isAcknowledgementOverdue(r, nowIso) || isResponseOverdue(r, nowIso)
}

/**
 * The last moment at which r's overdue flags are still what they are at `nowIso`: its first
 * running deadline not yet passed (a flag turns at the first instant after its deadline). Null:
 * the clock alone never changes them.
 */
export function overdueUnchangedUntil(r: DeadlineState, nowIso: string): string | null {
  const running = [
    ACKNOWLEDGEMENT_RUNNING.includes(r.status as RequestStatus) ? r.acknowledgementDeadline : null,
    RESPONSE_RUNNING.includes(r.status as RequestStatus) ? r.responseDeadline : null,
  ]
  let until: string | null = null
  for (const deadline of running) {
    if (deadline !== null && deadline >= nowIso && (until === null || deadline < until)) until = deadline
  }
  return until
}
