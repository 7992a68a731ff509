/**
 * The one error type of the platform. Services and repositories throw AppError with a stable
 * code; the HTTP error handler maps the code to a status and the CLI maps it to an exit code.
 */
export const errorStatus = {
  // The request body, query or parameters do not match the route's schema.
  VALIDATION_FAILED: 400,
  // A pagination cursor that this server did not issue (or that was altered).
  INVALID_CURSOR: 400,
  // The body is not valid JSON.
  MALFORMED_BODY: 400,
  // No route answers this method and URL.
  ROUTE_NOT_FOUND: 404,
  // No State with this ISO 3166 code exists in the directory.
  STATE_NOT_FOUND: 404,
  // A reference fact key that the directory does not keep.
  FACT_NOT_FOUND: 404,
  // The method is not allowed on this URL.
  METHOD_NOT_ALLOWED: 405,
  // The body is larger than the configured limit.
  PAYLOAD_TOO_LARGE: 413,
  // The body's content type is not one the route accepts.
  UNSUPPORTED_MEDIA_TYPE: 415,
  // A correction whose value does not fit the fact it corrects (e.g. a date that is not a date).
  FACT_VALUE_INVALID: 422,
  // Too many requests from one client in the rate-limit window.
  RATE_LIMITED: 429,
  // Anything unforeseen. The client gets a generic message; the log gets the details.
  INTERNAL: 500,
  // The database cannot be reached, or its schema is not at the latest migration.
  DATABASE_UNAVAILABLE: 503,
  // Start-up refused: configuration invalid (every problem is listed in details).
  CONFIG_INVALID: 500,
  // Start-up refused: SQLite did not accept the durability pragmas we require.
  DATABASE_PRAGMAS_REJECTED: 500,
  // Start-up refused: a secret must be supplied (PostgreSQL deployments never generate them).
  SECRET_MISSING: 500,
} as const

export type ErrorCode = keyof typeof errorStatus

export class AppError extends Error {
  readonly code: ErrorCode
  readonly details: unknown

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }

  get status(): number {
    return errorStatus[this.code]
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}
