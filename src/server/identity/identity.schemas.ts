import { z } from 'zod'

export const OrganisationSchema = z.object({
  code: z.string(),
  kind: z.enum(['court_organ', 'defence', 'state', 'io', 'assembly']),
  nameEn: z.string(),
  nameFr: z.string(),
  roles: z.array(z.string()),
})

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  orgCode: z.string(),
  role: z.string(),
  status: z.enum(['active', 'disabled']),
  mfaEnabled: z.boolean(),
  hasPassword: z.boolean(),
  sso: z.boolean(),
  compartments: z.array(z.string()),
  isDemo: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
})

const CompartmentCode = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, 'upper-case letters, digits and dashes')

export const CreateUserBody = z.strictObject({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  orgCode: z.string().min(2).max(40),
  role: z.string().min(2).max(40),
  compartments: z.array(CompartmentCode).max(50).default([]),
  password: z.string().min(1).max(1024).optional().describe('omit to let the user sign in through single sign-on only'),
})

export const UserChangeBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('disable') }),
  z.strictObject({ kind: z.literal('enable') }),
  z.strictObject({ kind: z.literal('reset-mfa') }),
  z.strictObject({ kind: z.literal('set-role'), role: z.string().min(2).max(40) }),
  z.strictObject({ kind: z.literal('set-compartments'), compartments: z.array(CompartmentCode).max(50) }),
])

export const UserParams = z.strictObject({ id: z.uuid() })

export const CompartmentSchema = z.object({
  code: z.string(),
  name: z.string(),
  isDemo: z.boolean(),
  createdAt: z.string(),
})
export const CreateCompartmentBody = z.strictObject({ code: CompartmentCode, name: z.string().trim().min(1).max(200) })
