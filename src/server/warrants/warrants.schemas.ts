import { z } from 'zod'
import { Classification } from '../access/classification.ts'
import { WARRANT_KINDS, WARRANT_STATUSES } from './warrants.lifecycle.ts'

const Id = z.string().min(1).max(200)
const IsoDate = z.iso.date().describe('YYYY-MM-DD')
const Code = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,59}$/)

export const WarrantKind = z.enum(WARRANT_KINDS)
export const WarrantStatus = z.enum(WARRANT_STATUSES)
/** The crimes of article 5 and the offences against the administration of justice of article 70. */
export const ChargeCategory = z.enum([
  'genocide',
  'crimes_against_humanity',
  'war_crimes',
  'aggression',
  'article_70_offences',
])
export const Charge = z.strictObject({
  category: ChargeCategory,
  counts: z.number().int().min(1).max(1000).nullable().describe('Number of counts; null when not known'),
})

export const WarrantParams = z.strictObject({ id: Id })
export const PersonParams = z.strictObject({ personId: Id })
export const PhotoParams = z.strictObject({ personId: Id, photoId: Id })

const PageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(400).optional(),
}

export const CreateWarrantBody = z.strictObject({
  personId: Id,
  kind: WarrantKind,
  issuingChamber: z.string().trim().min(3).max(200).describe('e.g. Pre-Trial Chamber II'),
  issuedOn: IsoDate,
  charges: z.array(Charge).min(1).max(5),
  classification: Classification.describe('under_seal for a sealed warrant'),
  compartment: Code.nullable().optional().describe('Owning compartment; required unless public'),
  exParteParty: z.string().min(2).max(60).nullable().optional(),
  namedRecipients: z
    .array(z.string().min(2).max(60))
    .max(20)
    .default([])
    .describe('Organisations named on a sealed warrant (e.g. the State asked to arrest): they may know of it'),
  notes: z.string().trim().max(4000).nullable().optional(),
})
export type CreateWarrantBody = z.infer<typeof CreateWarrantBody>

export const StatusChangeBody = z.strictObject({
  status: WarrantStatus,
  occurredOn: IsoDate.describe('When it happened (not when it is recorded)'),
  note: z.string().trim().max(4000).nullable().optional(),
  sources: z.array(z.string().trim().min(3).max(500)).max(10).default([]).describe('Where this is known from'),
})
export type StatusChangeBody = z.infer<typeof StatusChangeBody>

export const UnsealingBody = z.strictObject({
  decisionReference: z
    .string()
    .trim()
    .min(5)
    .max(500)
    .describe('The Chamber decision that lifted the seal, e.g. ICC-01/04-02/06-36-Red'),
  unsealedOn: IsoDate,
  to: z.enum(['public', 'confidential']).default('public'),
})
export type UnsealingBody = z.infer<typeof UnsealingBody>

export const ListWarrantsQuery = z.strictObject({
  personId: Id.optional(),
  situationId: Id.optional().describe('Only the warrants of persons in this situation'),
  status: WarrantStatus.optional(),
  kind: WarrantKind.optional(),
  ...PageQuery,
})
export type ListWarrantsQuery = z.infer<typeof ListWarrantsQuery>

export const ListPersonsSoughtQuery = z.strictObject({
  status: WarrantStatus.optional().describe('Persons with a warrant in this status'),
  situationId: Id.optional(),
  atLarge: z.enum(['true', 'false']).optional().describe('Persons with (or without) an arrest warrant at large'),
  q: z.string().trim().min(1).max(200).optional().describe('Words of a name or an alias'),
  ...PageQuery,
})
export type ListPersonsSoughtQuery = z.infer<typeof ListPersonsSoughtQuery>

export const DetailsBody = z.strictObject({
  aliases: z.array(z.string().trim().min(1).max(200)).max(30).optional(),
  nationalities: z
    .array(z.string().regex(/^[A-Z]{3}$/))
    .max(5)
    .optional()
    .describe('ISO 3166 alpha-3'),
  physicalDescription: z.string().trim().max(4000).nullable().optional(),
})
export type DetailsBody = z.infer<typeof DetailsBody>

export const UploadPhotoBody = z.strictObject({
  filename: z.string().trim().min(1).max(255),
  contentBase64: z
    .string()
    .min(1)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be standard base64')
    .describe('The photo, base64: PNG or JPEG (checked on the content)'),
  caption: z.string().trim().max(500).nullable().optional(),
})
export type UploadPhotoBody = z.infer<typeof UploadPhotoBody>

const Source = z.object({ key: z.string(), title: z.string(), url: z.string().nullable(), date: z.string().nullable() })
const Origin = z.enum(['reference', 'admin', 'court'])
const Protected = {
  classification: Classification,
  compartment: z.string().nullable(),
  isDemo: z.boolean(),
}

export const YearsAtLargeSchema = z.object({
  years: z.number().nullable(),
  since: z.string().nullable(),
  until: z.string().nullable(),
  isAtLarge: z.boolean(),
  isApplicable: z.boolean().describe('False for a person sought by summonses to appear only'),
  isApproximate: z.boolean().describe('A date was known only to the year; its 1 January was used'),
})

export const StatusEventSchema = z.object({
  status: WarrantStatus,
  occurredOn: z.string().nullable(),
  occurredText: z.string().nullable(),
  note: z.string().nullable(),
  sources: z.array(Source),
  recordedBy: z.string().nullable().describe('Shown to signed-in users only'),
  recordedAt: z.string(),
})

export const WarrantSchema = z.object({
  id: z.string(),
  personId: z.string(),
  kind: WarrantKind,
  issuingChamber: z.string().nullable(),
  issuedOn: z.string().nullable(),
  issuedText: z.string().nullable().describe('The words of the source when the date is imprecise'),
  charges: z.array(Charge),
  status: WarrantStatus,
  allowedNextStatuses: z.array(WarrantStatus),
  unsealing: z.object({ unsealedOn: z.string().nullable(), decisionReference: z.string().nullable() }).nullable(),
  classificationHistory: z.array(
    z.object({ from: z.string(), to: z.string(), legalBasis: z.string(), decidedAt: z.string() }),
  ),
  history: z.array(StatusEventSchema),
  origin: Origin,
  verified: z.boolean(),
  sources: z.array(Source),
  notes: z.string().nullable(),
  ...Protected,
})
export type Warrant = z.infer<typeof WarrantSchema>
export const WarrantListSchema = z.object({ items: z.array(WarrantSchema), nextCursor: z.string().nullable() })

export const PhotoSchema = z.object({
  id: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  caption: z.string().nullable(),
  createdAt: z.string(),
})
export type Photo = z.infer<typeof PhotoSchema>

export const PersonSoughtSchema = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  nationalities: z.array(z.string()),
  situation: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  status: WarrantStatus.describe('The status of the warrant that matters most (at large first)'),
  isAtLarge: z.boolean(),
  yearsAtLarge: YearsAtLargeSchema,
  isSealed: z.boolean().describe('A warrant the caller sees is under seal'),
  warrantCount: z.number(),
  origin: Origin,
  verified: z.boolean().describe('Every reference fact about this person was cross-checked'),
  sources: z.array(Source),
  ...Protected,
})
export type PersonSought = z.infer<typeof PersonSoughtSchema>
export const PersonSoughtListSchema = z.object({
  items: z.array(PersonSoughtSchema),
  nextCursor: z.string().nullable(),
  total: z.number(),
})

export const PersonSoughtDetailSchema = PersonSoughtSchema.extend({
  physicalDescription: z.string().nullable(),
  warrants: z.array(WarrantSchema),
  photos: z.array(PhotoSchema),
  canEdit: z.boolean().describe('The caller may record warrants, status changes, details and photos'),
  canUnseal: z.boolean(),
})
export type PersonSoughtDetail = z.infer<typeof PersonSoughtDetailSchema>
