import { z } from 'zod'

export const RomeStatus = z.enum(['party', 'withdrawn', 'signatory', 'non_party'])
export const ApicStatus = z.enum(['party', 'signatory', 'none'])
export const RegionalGroup = z.enum(['African', 'Asia-Pacific', 'Eastern European', 'GRULAC', 'WEOG'])
export const AgreementKind = z.enum([
  'enforcement_of_sentences',
  'enforcement_of_sentences_ad_hoc',
  'interim_release',
  'release_of_persons',
  'headquarters_agreement',
])
export const Language = z.enum(['en', 'fr'])

export const ListStatesQuery = z.strictObject({
  party: z.enum(['true', 'false']).optional().describe('true: current States Parties only; false: all others'),
  status: RomeStatus.optional(),
  group: RegionalGroup.optional(),
  apic: ApicStatus.optional(),
  agreement: AgreementKind.optional().describe('only States with a public agreement of this kind'),
  q: z.string().trim().min(1).max(100).optional().describe('text search in English and French names'),
  lang: Language.default('en').describe('language whose alphabetical order the list follows'),
  limit: z.coerce.number().int().min(1).max(250).default(50),
  cursor: z.string().min(1).max(512).optional().describe('nextCursor of the previous page'),
})
export type ListStatesQuery = z.infer<typeof ListStatesQuery>

export const StateSummarySchema = z.object({
  iso3: z.string(),
  iso2: z.string(),
  isoNumeric: z.string().nullable(),
  nameEn: z.string(),
  nameFr: z.string(),
  romeStatus: RomeStatus,
  regionalGroup: z.string().nullable(),
  apicStatus: ApicStatus,
  ratificationDate: z.string().nullable(),
  entryIntoForceDate: z.string().nullable(),
  withdrawalEffectiveDate: z.string().nullable(),
  agreementKinds: z.array(z.string()),
})
export type StateSummarySchema = z.infer<typeof StateSummarySchema>

export const StateListSchema = z.object({
  items: z.array(StateSummarySchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
})
export type StateListSchema = z.infer<typeof StateListSchema>

export const StateStatusesSchema = z.object({
  items: z.array(z.object({ iso3: z.string(), isoNumeric: z.string().nullable(), romeStatus: RomeStatus })),
})
export type StateStatusesSchema = z.infer<typeof StateStatusesSchema>

export const SourceSchema = z.object({
  key: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  date: z.string().nullable(),
  reliability: z.string().nullable(),
})

export const StateFactSchema = z.object({
  key: z.string(),
  value: z.string().nullable(),
  verified: z.boolean(),
  origin: z.enum(['reference', 'admin']),
  notes: z.string().nullable(),
  sourceKeys: z.array(z.string()),
  correction: z.object({ by: z.string(), at: z.string(), note: z.string() }).nullable(),
})
export type StateFactSchema = z.infer<typeof StateFactSchema>

export const AgreementSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string().nullable(),
  status: z.string(),
  dateSigned: z.string().nullable(),
  entryIntoForceDate: z.string().nullable(),
  person: z.string().nullable(),
  notes: z.string().nullable(),
  verified: z.boolean(),
  sourceKeys: z.array(z.string()),
})

export const StateDetailSchema = StateSummarySchema.omit({ agreementKinds: true }).extend({
  signatureDate: z.string().nullable(),
  facts: z.array(StateFactSchema),
  agreements: z.array(AgreementSchema),
  cooperationProfile: z
    .object({
      channel: z.string(),
      languages: z.array(z.string()),
      focalPointName: z.string().nullable(),
      focalPointEmail: z.string().nullable(),
      isDemo: z.boolean(),
    })
    .nullable(),
  sources: z.array(SourceSchema),
})
export type StateDetailSchema = z.infer<typeof StateDetailSchema>

export const StateParams = z.strictObject({
  iso3: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code, e.g. NLD')
    .describe('ISO 3166-1 alpha-3 code'),
})
