import { z } from 'zod'

export const OidcProviderListSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string() })),
})

export const OidcProviderParams = z.strictObject({ provider: z.string().min(1).max(100) })

export const OidcStartQuery = z.strictObject({
  returnTo: z.string().max(2000).optional().describe('Path on this site to land on after signing in'),
})

// What an IdP sends back varies (`iss`, `session_state`, extensions): unknown parameters are
// accepted here and judged by openid-client.
export const OidcCallbackQuery = z.looseObject({
  code: z.string().optional(),
  state: z.string().optional(),
  iss: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
})

export const RedirectResponse = z.null().describe('Redirect (Location header)')
