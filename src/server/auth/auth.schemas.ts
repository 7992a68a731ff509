import { z } from 'zod'

export const LoginBody = z.strictObject({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
})

export const MfaBody = z
  .strictObject({
    code: z
      .string()
      .regex(/^\d{6}$/, 'six digits')
      .optional(),
    recoveryCode: z.string().min(8).max(40).optional(),
  })
  .refine((b) => (b.code === undefined) !== (b.recoveryCode === undefined), 'give either code or recoveryCode')

export const MfaConfirmBody = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'six digits') })

export const SessionStateSchema = z.object({
  state: z.enum(['anonymous', 'mfa_pending', 'mfa_enrolment', 'active']),
  csrfToken: z.string().nullable().describe('send it back as x-csrf-token on every state-changing request'),
  expiresAt: z.string().nullable(),
  user: z
    .object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      orgCode: z.string(),
      orgKind: z.string(),
      originatingOrgan: z
        .string()
        .nullable()
        .describe('The organ whose requests the user drafts (a Registry section drafts as the Registry); null if none'),
      role: z.string(),
      compartments: z.array(z.string()),
    })
    .nullable(),
})
export type SessionStateSchema = z.infer<typeof SessionStateSchema>

export const MfaEnrolmentSchema = z.object({ secret: z.string(), otpauthUri: z.string(), qrDataUrl: z.string() })
export const MfaEnrolmentConfirmedSchema = SessionStateSchema.extend({
  recoveryCodes: z.array(z.string()).describe('shown once; each works once'),
})

export const SessionListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      createdAt: z.string(),
      lastSeenAt: z.string(),
      expiresAt: z.string(),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
      isCurrent: z.boolean(),
    }),
  ),
})

export const Scope = z.enum(['read', 'write'])
export const CreateTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  days: z.number().int().min(1).max(365).default(90),
  scopes: z.array(Scope).min(1).max(2).default(['read']),
})
export const TokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(Scope),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
})
export const CreatedTokenSchema = z.object({
  id: z.string(),
  token: z.string().describe('shown once'),
  expiresAt: z.string(),
})
export const TokenParams = z.strictObject({ id: z.uuid() })
export const OkSchema = z.object({ ok: z.literal(true) })
