// What a request must contain before it may be approved: the content lists of the Statute, as
// data. Each element names its paragraph; its wording is read from statute_articles (the verified
// text), never copied here. Labels are our own words.

/** How an element is satisfied: by a drafting field, or by an answer in the checklist. */
export type Satisfaction =
  | 'answer' // checklist.answers[ref] is filled in
  | 'person_and_answer' // a person is linked to the request, and the answer is filled in
  | 'warrant_or_answer' // a warrant is linked to the request (or, for one not recorded here, the answer is filled in)
  | 'facts' // the statement of facts is filled in
  | 'purpose' // the assistance sought and its legal basis are filled in

export type ChecklistElement = { ref: string; label: string; required: boolean; satisfiedBy: Satisfaction }

const ARREST_BEFORE_CONVICTION: ChecklistElement[] = [
  {
    ref: '91(2)(a)',
    label: 'Description of the person sought, sufficient to identify them, and their probable location',
    required: true,
    satisfiedBy: 'person_and_answer',
  },
  { ref: '91(2)(b)', label: 'A copy of the warrant of arrest', required: true, satisfiedBy: 'warrant_or_answer' },
  {
    ref: '91(2)(c)',
    label: 'Documents or information needed for the surrender process in the requested State',
    required: true,
    satisfiedBy: 'answer',
  },
]

const ARREST_AFTER_CONVICTION: ChecklistElement[] = [
  { ref: '91(3)(a)', label: 'A copy of any warrant of arrest', required: true, satisfiedBy: 'warrant_or_answer' },
  { ref: '91(3)(b)', label: 'A copy of the judgement of conviction', required: true, satisfiedBy: 'answer' },
  {
    ref: '91(3)(c)',
    label: 'Information showing that the person sought is the one convicted',
    required: true,
    satisfiedBy: 'person_and_answer',
  },
  {
    ref: '91(3)(d)',
    label: 'The sentence imposed and time served and remaining (write "not yet sentenced" if so)',
    required: true,
    satisfiedBy: 'answer',
  },
]

const PROVISIONAL_ARREST: ChecklistElement[] = [
  {
    ref: '92(2)(a)',
    label: 'Description of the person sought, sufficient to identify them, and their probable location',
    required: true,
    satisfiedBy: 'person_and_answer',
  },
  {
    ref: '92(2)(b)',
    label: 'Concise statement of the crimes and the facts alleged, with date and place where possible',
    required: true,
    satisfiedBy: 'facts',
  },
  {
    ref: '92(2)(c)',
    label: 'Statement that a warrant of arrest or a judgement of conviction exists',
    required: true,
    satisfiedBy: 'warrant_or_answer',
  },
  {
    ref: '92(2)(d)',
    label: 'Statement that a request for surrender will follow',
    required: true,
    satisfiedBy: 'answer',
  },
]

const TRANSIT: ChecklistElement[] = [
  {
    ref: '89(3)(b)(i)',
    label: 'Description of the person being transported',
    required: true,
    satisfiedBy: 'person_and_answer',
  },
  {
    ref: '89(3)(b)(ii)',
    label: 'Brief statement of the facts of the case and their legal characterisation',
    required: true,
    satisfiedBy: 'facts',
  },
  {
    ref: '89(3)(b)(iii)',
    label: 'The warrant for arrest and surrender',
    required: true,
    satisfiedBy: 'warrant_or_answer',
  },
]

// Information sought in a preliminary examination is outside Part IX, so article 96 does not
// apply: what article 15(2) implies is what is sought, and for which analysis.
const PRELIMINARY_EXAMINATION: ChecklistElement[] = [
  {
    ref: '15(2)',
    label: 'The additional information sought, to analyse the seriousness of the information received',
    required: true,
    satisfiedBy: 'purpose',
  },
]

/** Types where someone or something must be found or identified for the assistance to be given. */
const LOCATING_TYPES = new Set([
  'IDENTIFY_LOCATE',
  'TAKE_EVIDENCE',
  'QUESTION_PERSON',
  'SERVE_DOCUMENTS',
  'FACILITATE_VOLUNTARY_APPEARANCE',
  'TEMPORARY_TRANSFER',
  'EXAMINE_SITES',
  'SEARCH_SEIZURE',
  'ASSETS_IDENTIFY_TRACE_FREEZE_SEIZE',
])

// Article 96(2) applies "as applicable": (a) and (c) always; (b) where a person or place must be
// found; (d)–(f) when the drafter has something to say (shown, never blocking).
function otherAssistance(type: string): ChecklistElement[] {
  return [
    {
      ref: '96(2)(a)',
      label: 'Purpose of the request and assistance sought, with its legal basis and grounds',
      required: true,
      satisfiedBy: 'purpose',
    },
    {
      ref: '96(2)(b)',
      label: 'Information on the location or identification of any person or place to be found',
      required: LOCATING_TYPES.has(type),
      satisfiedBy: 'answer',
    },
    { ref: '96(2)(c)', label: 'Concise statement of the essential facts', required: true, satisfiedBy: 'facts' },
    {
      ref: '96(2)(d)',
      label: 'Reasons for and details of any procedure or requirement to follow',
      required: false,
      satisfiedBy: 'answer',
    },
    {
      ref: '96(2)(e)',
      label: 'Information the law of the requested State requires to execute the request',
      required: false,
      satisfiedBy: 'answer',
    },
    { ref: '96(2)(f)', label: 'Any other relevant information', required: false, satisfiedBy: 'answer' },
  ]
}

export function checklistFor(requestType: string, afterConviction: boolean): ChecklistElement[] {
  if (requestType === 'ARREST_AND_SURRENDER')
    return afterConviction ? ARREST_AFTER_CONVICTION : ARREST_BEFORE_CONVICTION
  if (requestType === 'PROVISIONAL_ARREST') return PROVISIONAL_ARREST
  if (requestType === 'TRANSIT') return TRANSIT
  if (requestType === 'PRELIMINARY_EXAMINATION_INFORMATION') return PRELIMINARY_EXAMINATION
  return otherAssistance(requestType)
}

export type ChecklistAnswers = { afterConviction?: boolean; answers: Record<string, string> }

export type DraftContent = {
  requestType: string
  facts: string | null
  assistanceSought: string | null
  legalBasis: string | null
  personCount: number
  warrantCount: number
  checklist: ChecklistAnswers
}

/**
 * Why an element is not satisfied, as a stable code with its parameters: clients word it in their
 * own language (the web app in English and French); `missing` keeps an English sentence.
 */
export const MISSING_REASON_CODES = [
  'answer_missing', // no answer for the element in the checklist
  'person_not_linked', // the element describes a person, and none is linked to the request
  'warrant_not_linked', // the element is a warrant, none is linked to the request, and there is no answer
  'facts_empty', // the statement of facts is empty
  'assistance_sought_empty', // the assistance sought is empty
  'legal_basis_empty', // the legal basis is empty
] as const
export type MissingReasonCode = (typeof MISSING_REASON_CODES)[number]
export type MissingReason = { code: MissingReasonCode; params: { ref: string } }

const REASON_TEXT: Record<MissingReasonCode, (ref: string) => string> = {
  answer_missing: (ref) => `no answer for ${ref} in the checklist`,
  person_not_linked: () => 'no person is linked to the request',
  warrant_not_linked: (ref) => `no warrant is linked to the request, and no answer for ${ref} in the checklist`,
  facts_empty: () => 'the statement of facts is empty',
  assistance_sought_empty: () => 'the assistance sought is empty',
  legal_basis_empty: () => 'the legal basis is empty',
}

export type ChecklistItem = {
  ref: string
  article: string
  label: string
  required: boolean
  satisfied: boolean
  /** Why the element is not satisfied yet, in English (null when it is). */
  missing: string | null
  /** The same, as codes with parameters (empty when satisfied). */
  reasons: MissingReason[]
  answer: string | null
}

const filled = (s: string | null | undefined) => typeof s === 'string' && s.trim().length > 0

export function evaluateChecklist(content: DraftContent): ChecklistItem[] {
  const answers = content.checklist.answers
  return checklistFor(content.requestType, content.checklist.afterConviction ?? false).map((e) => {
    const answer = answers[e.ref] ?? null
    const codes: MissingReasonCode[] = []
    if ((e.satisfiedBy === 'answer' || e.satisfiedBy === 'person_and_answer') && !filled(answer))
      codes.push('answer_missing')
    if (e.satisfiedBy === 'person_and_answer' && content.personCount === 0) codes.push('person_not_linked')
    if (e.satisfiedBy === 'warrant_or_answer' && content.warrantCount === 0 && !filled(answer))
      codes.push('warrant_not_linked')
    if (e.satisfiedBy === 'facts' && !filled(content.facts)) codes.push('facts_empty')
    if (e.satisfiedBy === 'purpose') {
      if (!filled(content.assistanceSought)) codes.push('assistance_sought_empty')
      if (!filled(content.legalBasis)) codes.push('legal_basis_empty')
    }
    return {
      ref: e.ref,
      article: articleOf(e.ref),
      label: e.label,
      required: e.required,
      satisfied: codes.length === 0,
      missing: codes.length === 0 ? null : codes.map((c) => REASON_TEXT[c](e.ref)).join('; '),
      reasons: codes.map((code) => ({ code, params: { ref: e.ref } })),
      answer,
    }
  })
}

/** "91(2)(a)" → "91". */
export function articleOf(ref: string): string {
  return ref.split('(')[0] as string
}

export function missingRequired(items: ChecklistItem[]): ChecklistItem[] {
  return items.filter((i) => i.required && !i.satisfied)
}
