import { z } from 'zod'
import { Classification, ClassificationDecisionSchema } from '../access/classification.ts'

const Id = z.string().min(1).max(200)
const Code = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,59}$/)
  .describe('Upper-case letters, digits and hyphens, e.g. SIT-DEMO-A')

export const RecordParams = z.strictObject({ id: Id })

const PageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(200).optional(),
}

/** The need-to-know fields every protected record carries on creation. */
const ProtectedInput = {
  classification: Classification,
  compartment: Code.nullable().optional().describe('Owning compartment; required unless public'),
  exParteParty: z.string().min(2).max(60).nullable().optional().describe('Required when ex_parte'),
}
const ProtectedOutput = {
  classification: Classification,
  compartment: z.string().nullable(),
  exParteParty: z.string().nullable(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
}

export const ListSituationsQuery = z.strictObject(PageQuery)
export type ListSituationsQuery = z.infer<typeof ListSituationsQuery>
export const CreateSituationBody = z.strictObject({
  code: Code,
  name: z.string().trim().min(3).max(300),
  description: z.string().trim().max(4000).nullable().optional(),
  ...ProtectedInput,
})
export type CreateSituationBody = z.infer<typeof CreateSituationBody>
export const SituationSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  ...ProtectedOutput,
})
export type Situation = z.infer<typeof SituationSchema>
/** One record as its own page reads it: with the decisions on its classification. */
const withHistory = { classificationHistory: z.array(ClassificationDecisionSchema) }
export const SituationDetailSchema = SituationSchema.extend(withHistory)
export type SituationDetail = z.infer<typeof SituationDetailSchema>
export const SituationListSchema = z.object({ items: z.array(SituationSchema), nextCursor: z.string().nullable() })

export const ListCasesQuery = z.strictObject({ situationId: Id.optional(), ...PageQuery })
export type ListCasesQuery = z.infer<typeof ListCasesQuery>
export const CreateCaseBody = z.strictObject({
  situationId: Id,
  code: Code,
  name: z.string().trim().min(3).max(300),
  defenceOrgCode: z.string().min(2).max(60).nullable().optional().describe('The Defence team of the case'),
  ...ProtectedInput,
})
export type CreateCaseBody = z.infer<typeof CreateCaseBody>
export const CaseSchema = z.object({
  id: z.string(),
  situationId: z.string(),
  code: z.string(),
  name: z.string(),
  defenceOrgCode: z.string().nullable(),
  ...ProtectedOutput,
})
export type Case = z.infer<typeof CaseSchema>
export const CaseDetailSchema = CaseSchema.extend(withHistory)
export type CaseDetail = z.infer<typeof CaseDetailSchema>
export const CaseListSchema = z.object({ items: z.array(CaseSchema), nextCursor: z.string().nullable() })

export const RoleInProceedings = z.enum(['suspect', 'accused', 'witness', 'victim', 'other'])
export const ListPersonsQuery = z.strictObject({
  situationId: Id.optional(),
  caseId: Id.optional(),
  role: RoleInProceedings.optional(),
  ...PageQuery,
})
export type ListPersonsQuery = z.infer<typeof ListPersonsQuery>
export const CreatePersonBody = z.strictObject({
  situationId: Id,
  caseId: Id.nullable().optional(),
  name: z.string().trim().min(2).max(300),
  roleInProceedings: RoleInProceedings,
  description: z.string().trim().max(4000).nullable().optional(),
  ...ProtectedInput,
})
export type CreatePersonBody = z.infer<typeof CreatePersonBody>
const Reason = z.string().trim().min(3).max(1000).describe('Why, for the record')

/** A change names at least one of its fields besides the reason (else there is nothing to change). */
function namesAField(...fields: string[]) {
  return [
    (body: Record<string, unknown>) => fields.some((field) => body[field] !== undefined),
    { message: `Name at least one of ${fields.join(', ')}` },
  ] as const
}

/** A situation's name or description corrected, with the reason. */
export const UpdateSituationBody = z
  .strictObject({
    name: z.string().trim().min(3).max(300).optional(),
    description: z.string().trim().max(4000).nullable().optional(),
    reason: Reason,
  })
  .refine(...namesAField('name', 'description'))
export type UpdateSituationBody = z.infer<typeof UpdateSituationBody>

/**
 * A case's name corrected, or its Defence team appointed or replaced (counsel is often assigned
 * after the first appearance, rule 121): the new team is named on the case, the former one no more.
 */
export const UpdateCaseBody = z
  .strictObject({
    name: z.string().trim().min(3).max(300).optional(),
    defenceOrgCode: z.string().min(2).max(60).nullable().optional().describe('The Defence team, or null for none'),
    reason: Reason,
  })
  .refine(...namesAField('name', 'defenceOrgCode'))
export type UpdateCaseBody = z.infer<typeof UpdateCaseBody>

/**
 * What changes about a person as proceedings go on: a suspect becomes accused once the charges are
 * confirmed (article 61(7)), a person joins a case, a name is corrected. Always with a reason.
 */
export const UpdatePersonBody = z
  .strictObject({
    roleInProceedings: RoleInProceedings.optional(),
    caseId: Id.nullable().optional().describe('A case of the same situation, or null for none'),
    name: z.string().trim().min(2).max(300).optional(),
    description: z.string().trim().max(4000).nullable().optional(),
    reason: Reason.describe('Why, for the record (e.g. the decision confirming the charges)'),
  })
  .refine(...namesAField('roleInProceedings', 'caseId', 'name', 'description'))
export type UpdatePersonBody = z.infer<typeof UpdatePersonBody>

/**
 * A decision on a record's classification: a seal lifted (a case made public once the suspect
 * appears), or a record sealed. Ex parte is not reached or left this way: it names a party.
 */
export const ReclassificationBody = z.strictObject({
  to: z.enum(['public', 'confidential', 'under_seal']),
  legalBasis: z
    .string()
    .trim()
    .min(5)
    .max(2000)
    .describe('The decision, e.g. "Pre-Trial Chamber I, decision of 12 May 2026 lifting the seal"'),
})
export type ReclassificationBody = z.infer<typeof ReclassificationBody>

export const PersonSchema = z.object({
  id: z.string(),
  situationId: z.string(),
  caseId: z.string().nullable(),
  name: z.string(),
  roleInProceedings: RoleInProceedings,
  description: z.string().nullable(),
  ...ProtectedOutput,
})
export type Person = z.infer<typeof PersonSchema>
export const PersonDetailSchema = PersonSchema.extend(withHistory)
export type PersonDetail = z.infer<typeof PersonDetailSchema>
export const PersonListSchema = z.object({ items: z.array(PersonSchema), nextCursor: z.string().nullable() })
