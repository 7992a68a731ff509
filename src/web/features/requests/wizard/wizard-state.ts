import type { CreateRequestBody, REQUEST_CLASSIFICATIONS } from '../requests.api.ts'

// What the drafting wizard holds until the draft is saved: one object, so each step component
// receives it and a function to change part of it.

export type Classification = (typeof REQUEST_CLASSIFICATIONS)[number]

export type WizardState = {
  type: string | null
  afterConviction: boolean
  addressees: string[]
  situationId: string | null
  caseId: string | null
  personIds: string[]
  /** The warrants of arrest an arrest, provisional arrest or transit carries out. */
  warrantIds: string[]
  classification: Classification
  compartment: string | null
  urgency: 'normal' | 'urgent'
  language: string | null
  channel: string | null
  deadline: string
  summary: string
  facts: string
  assistanceSought: string
  legalBasis: string
}

export const EMPTY_WIZARD: WizardState = {
  type: null,
  afterConviction: false,
  addressees: [],
  situationId: null,
  caseId: null,
  personIds: [],
  warrantIds: [],
  classification: 'confidential',
  compartment: null,
  urgency: 'normal',
  language: null,
  channel: null,
  deadline: '',
  summary: '',
  facts: '',
  assistanceSought: '',
  legalBasis: '',
}

export type StepProps = { state: WizardState; update: (patch: Partial<WizardState>) => void }

/** Whether a step has what it needs before going on (type, addressees, …, a summary). */
export function canLeaveStep(step: number, s: WizardState): boolean {
  return [s.type !== null, s.addressees.length > 0, true, true, s.summary.trim().length >= 3][step] ?? true
}

/** 91(3) applies to arrest and surrender only. */
export function afterConvictionApplies(s: Pick<WizardState, 'type' | 'afterConviction'>): boolean {
  return s.type === 'ARREST_AND_SURRENDER' && s.afterConviction
}

/** The body of POST /requests; language and channel fall back to what the addressee declared. */
export function toCreateBody(
  s: WizardState,
  proposed: { language: string | null; channel: string | null },
): CreateRequestBody | null {
  if (!s.type) return null
  const language = s.language ?? proposed.language
  const channel = s.channel ?? proposed.channel
  return {
    requestType: s.type,
    addressees: s.addressees,
    classification: s.classification,
    urgency: s.urgency,
    summary: s.summary.trim(),
    situationId: s.situationId,
    caseId: s.caseId,
    personIds: s.personIds,
    ...(s.warrantIds.length > 0 ? { warrantIds: s.warrantIds } : {}),
    ...(s.facts.trim() ? { facts: s.facts.trim() } : {}),
    ...(s.assistanceSought.trim() ? { assistanceSought: s.assistanceSought.trim() } : {}),
    ...(s.legalBasis.trim().length >= 2 ? { legalBasis: s.legalBasis.trim() } : {}),
    ...(language ? { language } : {}),
    ...(channel ? { channel } : {}),
    ...(s.compartment ? { compartment: s.compartment } : {}),
    ...(s.deadline ? { responseDeadline: `${s.deadline}T23:59:59.000Z` } : {}),
    ...(afterConvictionApplies(s) ? { checklist: { afterConviction: true, answers: {} } } : {}),
  }
}
