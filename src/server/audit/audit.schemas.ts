import { z } from 'zod'

const Text = z.string().trim().min(1).max(200)

export const ListAuditEventsQuery = z.strictObject({
  actor: Text.optional().describe('exact actor label, e.g. operator:alice'),
  action: Text.optional().describe('exact action, e.g. state.fact_corrected'),
  recordType: Text.optional(),
  recordId: Text.optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('entries that occurred at or after this instant'),
  to: z.iso.datetime({ offset: true }).optional().describe('entries that occurred before this instant'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, 'the nextCursor of the previous page')
    .optional()
    .describe('nextCursor of the previous page'),
})
export type ListAuditEventsQuery = z.infer<typeof ListAuditEventsQuery>

export const AuditEventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actor: z.string(),
  actorOrg: z.string().nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  classification: z.string().nullable(),
  details: z.unknown().describe('what changed, as recorded (JSON)'),
  requestId: z.string().nullable(),
  prevHash: z.string().nullable(),
  hash: z.string().nullable(),
})

export const AuditEventPage = z.object({
  items: z.array(AuditEventSchema),
  nextCursor: z.string().nullable(),
})
export type AuditEventPage = z.infer<typeof AuditEventPage>

export const AuditCheckpointSchema = z.object({
  id: z.number().int(),
  lastEventId: z.number().int(),
  lastHash: z.string(),
  eventCount: z.number().int(),
  createdAt: z.string(),
  signature: z.string().describe('Ed25519 signature (base64) of the canonical statement, see docs/audit.md'),
  publicKey: z.string().describe('raw Ed25519 public key, base64'),
  keyId: z.string(),
  createdBy: z.string(),
  reason: z.string().nullable(),
})

export const LatestCheckpointSchema = z.object({ checkpoint: AuditCheckpointSchema.nullable() })

export const CreateCheckpointBody = z.strictObject({
  reason: z.string().trim().min(3).max(500).describe('why a checkpoint is signed now (e.g. before an export)'),
})
export type CreateCheckpointBody = z.infer<typeof CreateCheckpointBody>

export const VerifyReportSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBadEventId: z.number().int().optional(),
  problem: z.string().optional(),
  checkpointsVerified: z.number().int(),
  keyTrusted: z.boolean(),
  lastEventId: z.number().int(),
  lastHash: z.string(),
  eventCount: z.number().int(),
})
