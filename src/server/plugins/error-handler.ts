import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { AppError, type ErrorCode, errorStatus } from '../errors.ts'

// Fastify's own error codes that mean "the client sent something wrong", with our code for each.
const FASTIFY_CLIENT_ERRORS: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_BODY',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_BAD_URL: 'VALIDATION_FAILED',
  FST_ERR_ASYNC_CONSTRAINT: 'VALIDATION_FAILED',
}

/** One error handler: stable codes for clients, details only for client errors, never stacks or SQL. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        where: error.validationContext,
        path: v.instancePath || '/',
        message: v.message ?? 'is invalid',
        ...(v.params?.issue && typeof v.params.issue === 'object' && 'keys' in v.params.issue
          ? { keys: (v.params.issue as { keys: string[] }).keys }
          : {}),
      }))
      return reply.code(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: `Invalid ${error.validationContext}: ${summarise(details)}`,
          details,
        },
      })
    }
    if (error instanceof AppError && error.status < 500) {
      return reply
        .code(error.status)
        .send({ error: { code: error.code, message: error.message, details: error.details } })
    }
    const clientCode = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined
    if (clientCode) {
      return reply.code(errorStatus[clientCode]).send({ error: { code: clientCode, message: error.message } })
    }
    if (isResponseSerializationError(error)) {
      req.log.error({ err: error, route: req.routeOptions.url }, 'response did not match its schema')
    } else {
      req.log.error({ err: error, route: req.routeOptions.url }, 'unhandled error')
    }
    const code: ErrorCode = error instanceof AppError ? error.code : 'INTERNAL'
    return reply.code(errorStatus[code]).send({
      error: { code, message: `An internal error occurred. Quote request id ${req.id} to the administrator.` },
    })
  })

  app.setNotFoundHandler((req, reply) =>
    reply
      .code(404)
      .send({ error: { code: 'ROUTE_NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0]}` } }),
  )
}

function summarise(details: { path: string; message: string }[]): string {
  return details
    .slice(0, 3)
    .map((d) => `${d.path} ${d.message}`)
    .join('; ')
}
