import { z } from 'zod'

// Delegation of a request by the addressee State's focal point to one of its officers
// (requests.delegations.ts).

const Id = z.string().min(1).max(200)

export const DelegationParams = z.strictObject({ id: Id, userId: Id })
export const DelegateBody = z.strictObject({
  userId: Id.describe('An active officer of the focal point’s own State'),
})
export type DelegateBody = z.infer<typeof DelegateBody>
const OfficerSchema = z.object({ userId: z.string(), name: z.string(), email: z.string() })
export const DelegationListSchema = z.object({
  items: z.array(
    OfficerSchema.extend({
      delegatedBy: z.string().describe('Name of the focal point who delegated'),
      delegatedAt: z.string(),
    }),
  ),
  mayDelegate: z
    .boolean()
    .describe("The caller is the addressee State's focal point and the request has not reached a final state"),
  mayRevoke: z.boolean().describe("The caller is the addressee State's focal point (also once the request is closed)"),
  delegableOfficers: z
    .array(OfficerSchema)
    .describe('Active officers of the State not yet delegated to (for the focal point only; otherwise empty)'),
})
export type DelegationList = z.infer<typeof DelegationListSchema>
