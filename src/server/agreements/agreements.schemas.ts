import { z } from 'zod'
import { Classification } from '../access/classification.ts'

export const ListAgreementsQuery = z.strictObject({
  iso3: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  kind: z.string().min(1).max(60).optional(),
  classification: Classification.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(200).optional(),
})
export type ListAgreementsQuery = z.infer<typeof ListAgreementsQuery>

export const AgreementRecordSchema = z.object({
  id: z.string(),
  iso3: z.string(),
  kind: z.string(),
  title: z.string().nullable(),
  status: z.string(),
  dateSigned: z.string().nullable(),
  entryIntoForceDate: z.string().nullable(),
  notes: z.string().nullable(),
  classification: Classification,
  compartment: z.string().nullable(),
  exParteParty: z.string().nullable(),
  isDemo: z.boolean(),
  verified: z.boolean(),
})

export const AgreementListSchema = z.object({
  items: z.array(AgreementRecordSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
})

export const AgreementDetailSchema = AgreementRecordSchema.extend({
  classificationHistory: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      legalBasis: z.string(),
      decidedBy: z.string(),
      decidedAt: z.string(),
    }),
  ),
})

export const AgreementParams = z.strictObject({ id: z.string().min(1).max(200) })

export const ReclassifyBody = z.strictObject({
  to: Classification,
  legalBasis: z.string().trim().min(5).max(2000).describe('e.g. the decision that lifted the seal'),
})
