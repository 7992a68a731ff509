import { z } from 'zod'

/**
 * public: anyone, including the anonymous portal. confidential: the owning compartment and the
 * record's addressees. under_seal: the owning compartment and the recipients named on the
 * record. ex_parte: only the named party and the responsible Chamber.
 */
export const Classification = z.enum(['public', 'confidential', 'under_seal', 'ex_parte'])
export type Classification = z.infer<typeof Classification>
export const CLASSIFICATIONS = Classification.options

/**
 * A decision on a record's classification, as the record shows it: from, to, on what legal basis
 * (the Chamber's decision), when. Who recorded it is in the trail, not shown with the record.
 */
export const ClassificationDecisionSchema = z.object({
  from: Classification,
  to: Classification,
  legalBasis: z.string(),
  decidedAt: z.string(),
})
export type ClassificationDecision = z.infer<typeof ClassificationDecisionSchema>

/** The columns every protected record carries, whatever its table. */
export type ProtectedColumns = {
  classification: string
  compartment_code: string | null
  ex_parte_party: string | null
}
