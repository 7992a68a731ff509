import { z } from 'zod'

/** The wire shape of every error: `{ error: { code, message, details? } }`. */
export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
})
