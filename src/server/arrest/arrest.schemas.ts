import { z } from 'zod'
import { Classification } from '../access/classification.ts'

const Id = z.string().min(1).max(200)
const Code = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,59}$/)
  .describe('Upper-case letters, digits and hyphens, e.g. CASE-DEMO-A1')
const Iso3 = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .describe('ISO 3166 alpha-3 code of the State')
const Day = z.iso.date().describe('YYYY-MM-DD')
const Text = (max: number) => z.string().trim().min(1).max(max)
const PageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(400).optional(),
}

export const RecordParams = z.strictObject({ id: Id })

// ── Arrest strategies ───────────────────────────────────────────────────────────────────────

export const ArrestStrategyStatus = z.enum(['active', 'superseded'])

const StrategyFilters = {
  personId: Id.optional(),
  status: ArrestStrategyStatus.optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .optional()
    .describe('Words of the title or body (case and accents ignored; every word must appear)'),
}
export const ListArrestStrategiesQuery = z.strictObject({ ...StrategyFilters, ...PageQuery })
export type ListArrestStrategiesQuery = z.infer<typeof ListArrestStrategiesQuery>
export const ExportArrestStrategiesQuery = z.strictObject(StrategyFilters)
export type ExportArrestStrategiesQuery = z.infer<typeof ExportArrestStrategiesQuery>
export const CountArrestStrategiesQuery = z.strictObject({ personId: Id.optional() })
export type CountArrestStrategiesQuery = z.infer<typeof CountArrestStrategiesQuery>

export const CreateArrestStrategyBody = z.strictObject({
  personId: Id,
  cell: Code.describe('The compartment (tracking cell) that alone may know the strategy exists'),
  title: Text(300),
  body: Text(50_000),
  reviewDate: Day.nullable().optional(),
})
export type CreateArrestStrategyBody = z.infer<typeof CreateArrestStrategyBody>

export const UpdateArrestStrategyBody = z.strictObject({
  version: z.number().int().min(1).describe('The version being changed (a stale version is refused with 409)'),
  title: Text(300).optional(),
  body: Text(50_000).optional(),
  status: ArrestStrategyStatus.optional(),
  reviewDate: Day.nullable().optional(),
  note: Text(2000).optional().describe('Why it changed (kept in the history)'),
})
export type UpdateArrestStrategyBody = z.infer<typeof UpdateArrestStrategyBody>

export const ArrestStrategySchema = z.object({
  id: z.string(),
  personId: z.string(),
  cell: z.string(),
  title: z.string(),
  body: z.string(),
  status: ArrestStrategyStatus,
  reviewDate: z.string().nullable(),
  isReviewDue: z.boolean(),
  version: z.number().int(),
  classification: Classification,
  isDemo: z.boolean(),
  createdBy: z.string(),
  updatedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type ArrestStrategy = z.infer<typeof ArrestStrategySchema>

export const ArrestStrategyDetailSchema = ArrestStrategySchema.extend({
  versions: z.array(
    z.object({
      version: z.number().int(),
      title: z.string(),
      body: z.string(),
      status: ArrestStrategyStatus,
      reviewDate: z.string().nullable(),
      note: z.string().nullable(),
      changedBy: z.string(),
      changedAt: z.string(),
    }),
  ),
})
export type ArrestStrategyDetail = z.infer<typeof ArrestStrategyDetailSchema>

export const ArrestStrategyListSchema = z.object({
  items: z.array(ArrestStrategySchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
})

export const ArrestStrategyCountsSchema = z.object({
  total: z.number().int(),
  byPerson: z.array(z.object({ personId: z.string(), total: z.number().int(), active: z.number().int() })),
})

// ── Arrest opportunities ────────────────────────────────────────────────────────────────────

export const OpportunityKind = z.enum(['presence', 'travel'])
export const ArrestOutcome = z.enum(['pending', 'arrested', 'request_refused', 'person_left', 'no_response'])
export const RecordedOutcome = ArrestOutcome.exclude(['pending'])
/** Admiralty (NATO) grading: reliability of the source A–F, credibility of the information 1–6. */
export const SourceReliability = z.enum(['A', 'B', 'C', 'D', 'E', 'F'])
export const InformationCredibility = z.enum(['1', '2', '3', '4', '5', '6'])
/** A reported whereabouts is never public: it would warn the person sought. */
export const OpportunityClassification = z.enum(['confidential', 'under_seal'])
const Urgency = z.enum(['normal', 'urgent'])
const Flag = z.enum(['true', 'false']).transform((v) => v === 'true')

export const ListArrestOpportunitiesQuery = z.strictObject({
  personId: Id.optional(),
  iso3: Iso3.optional(),
  outcome: ArrestOutcome.optional(),
  pending: Flag.optional().describe('true: only opportunities still pending'),
  ...PageQuery,
})
export type ListArrestOpportunitiesQuery = z.infer<typeof ListArrestOpportunitiesQuery>

export const ReportArrestOpportunityBody = z.strictObject({
  personId: Id,
  iso3: Iso3,
  kind: OpportunityKind,
  sourceDescription: Text(4000),
  sourceReliability: SourceReliability,
  informationCredibility: InformationCredibility,
  place: Text(500),
  fromDate: Day,
  toDate: Day.nullable().optional(),
  urgency: Urgency.default('normal').describe('urgent: a provisional arrest (article 92) is proposed'),
  classification: OpportunityClassification.optional().describe("Default: under_seal in the person's compartment"),
  compartment: Code.optional().describe("Default: the person's compartment"),
})
export type ReportArrestOpportunityBody = z.infer<typeof ReportArrestOpportunityBody>

export const RecordOutcomeBody = z.strictObject({
  outcome: RecordedOutcome,
  date: Day.describe('When it happened'),
  note: Text(4000).optional(),
})
export type RecordOutcomeBody = z.infer<typeof RecordOutcomeBody>

export const DraftRequestBody = z.strictObject({
  requestType: z
    .enum(['ARREST_AND_SURRENDER', 'PROVISIONAL_ARREST'])
    .optional()
    .describe('Default: the type the proposal chose'),
})
export type DraftRequestBody = z.infer<typeof DraftRequestBody>

const OutcomeEntry = z.object({
  seq: z.number().int(),
  outcome: RecordedOutcome,
  date: z.string(),
  note: z.string().nullable(),
  requestId: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
})

export const ArrestOpportunitySchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string().nullable().describe('null when the caller may not know the person'),
  iso3: z.string(),
  kind: OpportunityKind,
  sourceDescription: z.string(),
  sourceReliability: SourceReliability,
  informationCredibility: InformationCredibility,
  place: z.string(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  urgency: Urgency,
  reportedBy: z.string(),
  reportedAt: z.string(),
  outcome: ArrestOutcome,
  outcomeDate: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  requestId: z.string().nullable(),
  classification: Classification,
  compartment: z.string().nullable(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type ArrestOpportunity = z.infer<typeof ArrestOpportunitySchema>

export const ArrestOpportunityDetailSchema = ArrestOpportunitySchema.extend({ outcomes: z.array(OutcomeEntry) })
export type ArrestOpportunityDetail = z.infer<typeof ArrestOpportunityDetailSchema>

export const ArrestOpportunityListSchema = z.object({
  items: z.array(ArrestOpportunitySchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
})

const Text2 = z.object({ en: z.string(), fr: z.string() })

export const ProposalSchema = z.object({
  opportunityId: z.string(),
  state: z.object({
    iso3: z.string(),
    nameEn: z.string(),
    nameFr: z.string(),
    romeStatus: z.string(),
    withdrawalEffectiveDate: z.string().nullable(),
  }),
  binding: z.object({
    isBound: z.boolean(),
    basis: z.enum(['state_party', 'ad_hoc_arrangement', 'withdrawn', 'none']),
    articles: z.array(z.string()),
    explanation: Text2.describe('Why, in our own words (not the Statute text)'),
    arrangement: z
      .object({ id: z.string(), title: z.string().nullable(), kind: z.string(), status: z.string() })
      .nullable()
      .describe('The ad hoc arrangement or agreement under 87(5)(a), when one binds the State'),
  }),
  draft: z.object({
    requestType: z.enum(['ARREST_AND_SURRENDER', 'PROVISIONAL_ARREST']),
    typeReason: Text2,
    addressee: z.string(),
    legalBasis: z.string(),
    personIds: z.array(z.string()),
    caseId: z.string().nullable(),
    situationId: z.string().nullable(),
    classification: z.enum(['confidential', 'under_seal']),
    compartment: z.string().nullable(),
    summary: z.string(),
    facts: z.string(),
    urgency: Urgency,
    channel: z.string(),
    language: z.string(),
    channelSource: z.enum(['declared', 'default']).describe("declared: from the State's declaration under 87(1)-(2)"),
    checklistAnswers: z.record(z.string(), z.string()),
    warrantId: z
      .string()
      .nullable()
      .describe('The warrant of arrest (person at large) the request rests on; null when none is visible'),
  }),
  reminder: z.object({
    language: z.enum(['en', 'fr']),
    stateLanguage: z.string().nullable(),
    note: z.string().nullable().describe('Why the reminder is not in the State’s language, when it is not'),
    items: z.array(
      z.object({
        ref: z.string(),
        heading: z.string(),
        text: z.string().nullable(),
        textLanguage: z.literal('en'),
        verified: z.boolean(),
      }),
    ),
  }),
  existingRequestId: z.string().nullable(),
})
export type Proposal = z.infer<typeof ProposalSchema>

export const DraftedRequestSchema = z.object({
  opportunity: ArrestOpportunityDetailSchema,
  request: z.object({
    id: z.string(),
    reference: z.string(),
    status: z.string().describe('draft: it still needs approval by an approver who is not the drafter'),
  }),
})
