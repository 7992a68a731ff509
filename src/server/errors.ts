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
  // Not signed in (or the session expired, or the API token is unknown, expired or revoked).
  UNAUTHENTICATED: 401,
  // Wrong e-mail or password; the same answer whether or not the account exists.
  LOGIN_FAILED: 401,
  // The TOTP or recovery code is wrong, expired or was already used.
  MFA_CODE_INVALID: 401,
  // Signed in, but this session must finish two-step verification (or enrol in it) first.
  MFA_REQUIRED: 403,
  // Signed in, but the route's policy does not allow this role or token scope.
  FORBIDDEN: 403,
  // A state-changing request through a session without the session's CSRF token, or cross-origin.
  CSRF_FAILED: 403,
  // No route answers this method and URL.
  ROUTE_NOT_FOUND: 404,
  // No State with this ISO 3166 code exists in the directory.
  STATE_NOT_FOUND: 404,
  // A reference fact key that the directory does not keep.
  FACT_NOT_FOUND: 404,
  // A record that does not exist or that the caller has no need to know about (same answer).
  RECORD_NOT_FOUND: 404,
  // No user with this e-mail or id.
  USER_NOT_FOUND: 404,
  // No organisation with this code.
  ORGANISATION_NOT_FOUND: 404,
  // No compartment with this code.
  COMPARTMENT_NOT_FOUND: 404,
  // The method is not allowed on this URL.
  METHOD_NOT_ALLOWED: 405,
  // A path parameter longer than the router accepts.
  URI_TOO_LONG: 414,
  // The body is larger than the configured limit.
  PAYLOAD_TOO_LARGE: 413,
  // The body's content type is not one the route accepts.
  UNSUPPORTED_MEDIA_TYPE: 415,
  // An uploaded document larger than PARTNINE_DOCUMENT_MAX_BYTES.
  DOCUMENT_TOO_LARGE: 413,
  // An uploaded document whose content (magic bytes) is not on the allow-list, or does not match
  // its file name's extension (a text file named .pdf).
  DOCUMENT_TYPE_NOT_ALLOWED: 415,
  // Attaching to a message a document that is already attached to another message.
  DOCUMENT_ALREADY_ATTACHED: 409,
  // Two-step verification is already on (an administrator resets it), or enrolment was not started.
  MFA_ENROLMENT_CONFLICT: 409,
  // The session is not waiting for a second-step code.
  MFA_NOT_PENDING: 409,
  // An account with this e-mail already exists.
  EMAIL_TAKEN: 409,
  // A compartment with this code already exists.
  COMPARTMENT_EXISTS: 409,
  // A situation or case code that another record already uses.
  RECORD_CODE_TAKEN: 409,
  // Changing a situation, case or person that another change altered between reading and writing:
  // its before-and-after would be wrong. Read it again and repeat the change.
  RECORD_CHANGED_MEANWHILE: 409,
  // A step of a request's life cycle that its state, the caller's role or four eyes rule out
  // (details.allowed lists the steps the caller may take now).
  TRANSITION_NOT_ALLOWED: 409,
  // Changing a request's drafting fields after it left the draft state, or from another organ.
  REQUEST_NOT_EDITABLE: 409,
  // Delegating a request that has reached a final state (executed, partially or not executed,
  // withdrawn): there is nothing left to execute. Revoking a delegation stays possible.
  REQUEST_CLOSED: 409,
  // Changing an arrest strategy from a version other than its current one (someone changed it).
  ARREST_STRATEGY_VERSION_CONFLICT: 409,
  // Changing a superseded arrest strategy: it is kept as it was; a new one is written instead.
  ARREST_STRATEGY_NOT_EDITABLE: 409,
  // Drafting a request from an arrest opportunity that already has one (details.requestId).
  ARREST_OPPORTUNITY_REQUEST_EXISTS: 409,
  // Approving a request while a required element of its article 91/92/96 checklist is missing.
  REQUEST_INCOMPLETE: 422,
  // A record whose links or need-to-know do not hold together (a compartment the author is not
  // in, an ex parte record without its party, a case of another situation, an addressee that is
  // neither a State nor an international organisation…).
  RECORD_INVALID: 422,
  // A deadline change to the same value, to a time before the request was transmitted, or on a
  // request that has reached a final state.
  DEADLINE_INVALID: 422,
  // A password that NIST SP 800-63B-4 rules out (too short, common, built on context words).
  PASSWORD_REJECTED: 422,
  // A role that this kind of organisation cannot give (e.g. focal-point in a Court organ).
  ROLE_NOT_ALLOWED: 422,
  // Reclassification without a legal basis, or to the same classification.
  RECLASSIFICATION_INVALID: 422,
  // A correction whose value does not fit the fact it corrects (e.g. a date that is not a date).
  FACT_VALUE_INVALID: 422,
  // Too many requests from one client in the rate-limit window.
  RATE_LIMITED: 429,
  // An export of more rows than one file may hold (requests.export.ts): narrow the filters.
  EXPORT_TOO_LARGE: 422,
  // An asset's life-cycle step that its current stage rules out (details.allowed lists the steps
  // allowed now; assets.lifecycle.ts).
  ASSET_STEP_NOT_ALLOWED: 409,
  // An asset step without the order it needs, with an expiry missing, misplaced or not extended.
  ASSET_STEP_INVALID: 422,
  // An asset step resting on a request that is not visible, not of type 93(1)(k) (or 109 for
  // forfeiture and release), not transmitted, or addressed to another State than the asset's.
  ASSET_REQUEST_INVALID: 422,
  // An amount with more decimals than its currency has, or an amount without its currency.
  AMOUNT_INVALID: 422,
  // An exchange rate for a currency pair and date that already has one.
  EXCHANGE_RATE_EXISTS: 409,
  // Acknowledging or dismissing an expiry alert that was already dismissed or cleared.
  ALERT_RESOLVED: 409,
  // Anything unforeseen. The client gets a generic message; the log gets the details.
  INTERNAL: 500,
  // A stored document failed authentication on decryption (ciphertext, tag or key altered) or its
  // plaintext no longer has its recorded SHA-256: it is never served.
  DOCUMENT_INTEGRITY_FAILED: 500,
  // The database cannot be reached, or its schema is not at the latest migration.
  DATABASE_UNAVAILABLE: 503,
  // Start-up refused: configuration invalid (every problem is listed in details).
  CONFIG_INVALID: 500,
  // Start-up refused: SQLite did not accept the durability pragmas we require.
  DATABASE_PRAGMAS_REJECTED: 500,
  // Start-up refused: demo accounts exist while the configuration says production.
  DEMO_ACCOUNTS_IN_PRODUCTION: 500,
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
