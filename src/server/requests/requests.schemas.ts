import { z } from 'zod'
import { Classification } from '../access/classification.ts'
import { MISSING_REASON_CODES } from './requests.checklist.ts'
import { REQUEST_STATUSES, TRANSITION_ACTIONS } from './requests.lifecycle.ts'

const Id = z.string().min(1).max(200)
const OrgCode = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,59}$/)
const Timestamp = z.iso.datetime({ offset: true }).describe('ISO 8601 date and time')
const Note = z.string().trim().min(3).max(4000)

export const RequestParams = z.strictObject({ id: Id })
export const RequestStatus = z.enum(REQUEST_STATUSES)
export const Urgency = z.enum(['normal', 'urgent'])
/** A request for cooperation is addressed to its addressee; ex parte would hide it from them. */
export const RequestClassification = z.enum(['public', 'confidential', 'under_seal'])
const ChecklistRef = z.string().regex(/^\d{2,3}(\(\d\))?(\([a-z]\))?(\([ivx]+\))?$/)

export const ChecklistInput = z.strictObject({
  afterConviction: z.boolean().optional().describe('Arrest and surrender of a person already convicted (91(3))'),
  answers: z.record(ChecklistRef, z.string().trim().min(1).max(4000)).default({}),
})

const DraftFields = {
  legalBasis: z.string().trim().min(2).max(2000).nullable().optional(),
  situationId: Id.nullable().optional(),
  caseId: Id.nullable().optional(),
  personIds: z.array(Id).max(50).optional(),
  warrantIds: z
    .array(Id)
    .max(20)
    .optional()
    .describe(
      'Arrest and surrender, provisional arrest and transit only: the warrants of arrest the request carries out (their persons are linked too)',
    ),
  urgency: Urgency.optional(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional()
    .describe("Default: the addressee's declared language (87(2))"),
  channel: z.string().min(2).max(60).optional().describe("Default: the addressee's declared channel (87(1))"),
  responseDeadline: Timestamp.nullable().optional().describe('Default: per type and urgency, from transmission'),
  summary: z.string().trim().min(3).max(2000),
  facts: z.string().trim().max(20000).nullable().optional(),
  assistanceSought: z.string().trim().max(20000).nullable().optional(),
  checklist: ChecklistInput.optional(),
}

export const CreateRequestBody = z.strictObject({
  requestType: z.string().regex(/^[A-Z_]{2,60}$/),
  addressees: z
    .array(OrgCode)
    .min(1)
    .max(60)
    .describe('One request per addressee, linked by group id (a State, 87(5) included, or an organisation, 87(6))'),
  classification: RequestClassification,
  compartment: OrgCode.nullable().optional().describe("Default: the case's or situation's compartment"),
  ...DraftFields,
})
export type CreateRequestBody = z.infer<typeof CreateRequestBody>

export const UpdateDraftBody = z.strictObject({
  ...DraftFields,
  summary: DraftFields.summary.optional(),
})
export type UpdateDraftBody = z.infer<typeof UpdateDraftBody>

const SortKey = z.enum([
  'deadline',
  '-deadline',
  'updated',
  '-updated',
  'created',
  '-created',
  'reference',
  '-reference',
  'relevance',
])
const Flag = z.enum(['true', 'false']).transform((v) => v === 'true')

export const ListRequestsQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .optional()
    .describe('Full text, English and French, accents ignored: reference, summary, facts, assistance sought, messages'),
  addressee: OrgCode.optional(),
  type: z
    .string()
    .regex(/^[A-Z_]{2,60}$/)
    .optional(),
  status: z
    .union([RequestStatus, z.array(RequestStatus).max(11)])
    .optional()
    .transform((v) => (v === undefined ? undefined : [v].flat())),
  organ: OrgCode.optional().describe('Originating organ'),
  situation: Id.optional(),
  case: Id.optional(),
  classification: Classification.optional(),
  group: Id.optional(),
  personId: Id.optional().describe('Only requests concerning this person (linked to it)'),
  warrantId: Id.optional().describe('Only requests carrying out this warrant of arrest'),
  overdue: Flag.optional(),
  deadlineFrom: Timestamp.optional(),
  deadlineTo: Timestamp.optional(),
  updatedSince: Timestamp.optional(),
  sort: SortKey.optional().describe(
    "Default: 'relevance' with q, otherwise '-updated'. By deadline, requests without one (drafts) come last in either direction",
  ),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(400).optional(),
})
export type ListRequestsQuery = z.infer<typeof ListRequestsQuery>
export const CountRequestsQuery = ListRequestsQuery.omit({ sort: true, limit: true, cursor: true })
/** An export takes the list's query without its page: every matching row, in the list's order. */
export const ExportRequestsQuery = ListRequestsQuery.omit({ limit: true, cursor: true })
export type ExportRequestsQuery = z.infer<typeof ExportRequestsQuery>
export type CountRequestsQuery = z.infer<typeof CountRequestsQuery>
/** What a breakdown groups the requests by (the workload's cards). */
export const BREAKDOWN_DIMENSIONS = ['situation', 'organ', 'addressee'] as const
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number]
export const BreakdownRequestsQuery = CountRequestsQuery.extend({
  by: z
    .enum(BREAKDOWN_DIMENSIONS)
    .describe('situation: by situation id; organ: by originating organ; addressee: by addressee code'),
})
export type BreakdownRequestsQuery = z.infer<typeof BreakdownRequestsQuery>

/**
 * The header of the routes whose answers are kept (requests.kept.ts); every other header passes
 * through untouched.
 */
export const FreshReadHeaders = z.looseObject({
  'cache-control': z
    .string()
    .max(200)
    .optional()
    .describe(
      'Counts, list pages and request pages are kept until a request they show changes; `no-cache` reads them anew',
    ),
})

/** Whether the caller asked for a read made now (RFC 9111 5.2.1.4: `no-cache` among the directives). */
export function wantsFreshRead(headers: { 'cache-control'?: string | undefined }): boolean {
  return (headers['cache-control'] ?? '').split(',').some((d) => d.trim().toLowerCase() === 'no-cache')
}

export const RequestSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  originator: z.string(),
  routedThrough: z.string().nullable(),
  addressee: z.string(),
  requestType: z.string(),
  legalBasis: z.string().nullable(),
  situationId: z.string().nullable(),
  caseId: z.string().nullable(),
  classification: Classification,
  compartment: z.string().nullable(),
  urgency: Urgency,
  language: z.string(),
  channel: z.string(),
  status: RequestStatus,
  statusDetail: z.record(z.string(), z.unknown()).nullable(),
  summary: z.string(),
  groupId: z.string().nullable(),
  responseDeadline: z.string().nullable(),
  acknowledgementDeadline: z.string().nullable(),
  isAcknowledgementOverdue: z.boolean(),
  isResponseOverdue: z.boolean(),
  isOverdue: z.boolean(),
  transmittedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type RequestSummary = z.infer<typeof RequestSummarySchema>

// No totals: a page must not cost more as requests accumulate (GET /requests/counts has them).
export const RequestListSchema = z.object({
  items: z.array(RequestSummarySchema),
  nextCursor: z.string().nullable(),
})
export type RequestList = z.infer<typeof RequestListSchema>

export const RequestCountsSchema = z.object({
  total: z.number().int(),
  overdue: z.number().int(),
  byStatus: z.array(z.object({ status: z.string(), total: z.number().int(), overdue: z.number().int() })),
})

export const RequestBreakdownSchema = z.object({
  by: z.enum(BREAKDOWN_DIMENSIONS),
  total: z.number().int(),
  overdue: z.number().int(),
  groups: z
    .array(
      z.object({
        key: z.string().nullable().describe('The situation id, organ code or addressee code; null: no situation'),
        total: z.number().int(),
        overdue: z.number().int(),
      }),
    )
    .describe('Most overdue first, then most requests, then by key'),
})

const StatuteTextFields = {
  statuteText: z.string().nullable().describe('The paragraph, verbatim from the reference data'),
  statuteTextLanguage: z
    .enum(['en'])
    .nullable()
    .describe('Language of statuteText: the reference data holds the English text only'),
}

export const MissingReasonSchema = z.object({
  code: z.enum(MISSING_REASON_CODES),
  params: z.object({ ref: z.string().describe('The paragraph the reason is about, e.g. 91(2)(a)') }),
})

export const ChecklistItemSchema = z.object({
  ref: z.string(),
  article: z.string(),
  label: z.string().describe('Our own words, in English; clients may word it by ref'),
  required: z.boolean(),
  satisfied: z.boolean(),
  missing: z.string().nullable().describe('Why it is not satisfied, in English (see reasons for codes)'),
  reasons: z.array(MissingReasonSchema).describe('Why it is not satisfied, as stable codes; empty when satisfied'),
  answer: z.string().nullable(),
  ...StatuteTextFields,
})

export const TypeChecklistParams = z.strictObject({ code: z.string().regex(/^[A-Z_]{2,60}$/) })
export const TypeChecklistQuery = z.strictObject({
  afterConviction: Flag.optional().describe('Arrest and surrender of a person already convicted (91(3))'),
})
export const TypeChecklistSchema = z.object({
  requestType: z.string(),
  afterConviction: z.boolean(),
  items: z.array(
    z.object({
      ref: z.string(),
      article: z.string(),
      label: z.string().describe('Our own words, in English; clients may word it by ref'),
      required: z.boolean(),
      satisfiedBy: z
        .enum(['answer', 'person_and_answer', 'warrant_or_answer', 'facts', 'purpose'])
        .describe(
          'What satisfies the element: a checklist answer, a linked person and an answer, a linked warrant (or, for one not recorded here, an answer), the facts, or the assistance sought with its legal basis',
        ),
      ...StatuteTextFields,
    }),
  ),
})
export type TypeChecklist = z.infer<typeof TypeChecklistSchema>

export const AllowedStepSchema = z.object({
  action: z.enum(TRANSITION_ACTIONS as [string, ...string[]]),
  to: RequestStatus,
  legalBasis: z.string(),
  requires: z.array(z.string()),
})

export const RequestEventSchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actor: z.string(),
  actorOrg: z.string().nullable(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()).nullable(),
  documents: z
    .array(z.object({ id: z.string(), filename: z.string(), sha256: z.string() }))
    .describe('The documents the step rests on, with their SHA-256 as they were then'),
})

export const DeadlineChangeSchema = z.object({
  deadline: z.enum(['response', 'acknowledgement']),
  from: z.string().nullable(),
  to: z.string(),
  reason: z.string(),
  changedBy: z.string(),
  changedAt: z.string(),
})

export const RequestDetailSchema = RequestSummarySchema.extend({
  facts: z.string().nullable(),
  assistanceSought: z.string().nullable(),
  personIds: z.array(z.string()),
  warrantIds: z
    .array(z.string())
    .describe('The warrants the request carries out; GET /warrants/{id} shows those the caller may see'),
  draftedBy: z.string(),
  approvedBy: z.string().nullable(),
  checklist: z.object({
    afterConviction: z.boolean(),
    complete: z.boolean(),
    items: z.array(ChecklistItemSchema),
  }),
  allowedSteps: z.array(AllowedStepSchema),
  mayChangeDeadlines: z.boolean().describe('The caller may change its deadlines now (POST …/deadline-changes)'),
  events: z.array(RequestEventSchema),
  deadlineChanges: z.array(DeadlineChangeSchema),
  linkedRequests: z.array(
    z.object({ id: z.string(), reference: z.string(), addressee: z.string(), status: z.string() }),
  ),
})
export type RequestDetail = z.infer<typeof RequestDetailSchema>

export const CreatedRequestsSchema = z.object({ groupId: z.string().nullable(), items: z.array(RequestDetailSchema) })

// One shape per step: each action names exactly the fields it takes.
const step = <A extends string, S extends z.ZodRawShape>(action: A, shape: S) =>
  z.strictObject({
    action: z.literal(action),
    note: Note.optional(),
    documentIds: z
      .array(Id)
      .max(20)
      .optional()
      .describe('Documents of this request the step rests on (uploaded first with POST /requests/{id}/documents)'),
    ...shape,
  })

export const TransitionBody = z.discriminatedUnion('action', [
  step('approve', {}),
  step('transmit', { channel: z.string().min(2).max(60).optional() }),
  step('acknowledge', {}),
  step('begin_execution', {}),
  step('raise_consultation', {
    issue: z
      .enum(['insufficient_information', 'person_not_located', 'conflicting_obligation', 'other'])
      .describe('97(a)-(c)'),
  }),
  step('answer_consultation', { note: Note }),
  step('postpone', {
    basis: z.enum(['94', '95']),
    postponedUntil: Timestamp.optional().describe('The agreed period (required under article 94)'),
  }),
  step('resume_execution', {}),
  step('report_executed', {}),
  step('report_partially_executed', { note: Note }),
  step('report_not_executed', {
    ground: z.enum(['93(3)', '93(4)/72', '93(5)', '98', '90', 'other']),
  }),
  step('withdraw', { note: Note }),
])
export type TransitionBody = z.infer<typeof TransitionBody>

export const AllowedStepsSchema = z.object({
  status: RequestStatus,
  items: z.array(AllowedStepSchema),
  heldBack: z
    .array(
      z.object({
        action: z.enum(TRANSITION_ACTIONS),
        warrantId: z.string(),
        warrantStatus: z.string().nullable().describe('null: the caller may not see the warrant'),
      }),
    )
    .describe('Steps the caller would be offered but for a warrant the request carries out that no longer stands'),
})

export const DeadlineChangeBody = z.strictObject({
  deadline: z.enum(['response', 'acknowledgement']),
  to: Timestamp,
  reason: z.string().trim().min(5).max(2000),
})
export type DeadlineChangeBody = z.infer<typeof DeadlineChangeBody>

export const ReceiptSchema = z.object({
  id: z.string(),
  kind: z.enum(['transmission', 'acknowledgement']),
  algorithm: z.literal('Ed25519'),
  keyId: z.string(),
  statement: z.record(z.string(), z.unknown()),
  statementText: z.string().describe('The exact signed bytes (UTF-8 canonical JSON)'),
  signature: z.string().describe('Ed25519 signature, base64'),
})

export const ReceiptListSchema = z.object({
  publicKeyPem: z.string(),
  keyId: z.string(),
  items: z.array(ReceiptSchema),
})
