import { z } from 'zod'

/** The wire shape of every error: `{ error: { code, message, details? } }`. */
export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
})

/** The error answers most routes declare (OpenAPI): one object, not a copy per feature. */
export const ERROR_RESPONSES = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
}
