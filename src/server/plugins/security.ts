import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyInstance, FastifyReply } from 'fastify'
import helmet from 'helmet'

/**
 * Security headers. The CSP allows only our own scripts; the web app's page also needs a
 * per-response style nonce because Mantine injects <style> elements (the app reads the nonce
 * from a meta tag). Only that page gets one: helmet's per-request nonces rebuilt every header
 * on every API answer, which a profile showed costing more than the route itself on /healthz.
 * The other headers never change, so helmet computes them once (@fastify/helmet ran helmet's
 * whole middleware, directives parsing included, on every request: 4% of a request's time).
 */
const DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const

/** The headers helmet sets with our options, captured once from its middleware. */
function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {}
  const response = {
    setHeader: (name: string, value: string | number) => {
      headers[name.toLowerCase()] = String(value)
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()]
    },
  }
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES },
    crossOriginEmbedderPolicy: false,
    // Behind TLS a reverse proxy adds HSTS; on plain loopback it would only mislead browsers.
    strictTransportSecurity: false,
  })({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error
  })
  if (!headers['content-security-policy']) throw new Error('helmet set no Content-Security-Policy')
  return headers
}

export async function registerSecurityHeaders(app: FastifyInstance) {
  const headers = helmetHeaders()
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers)
    done()
  })
}

/** Gives this (HTML) response a fresh style nonce in its CSP and returns it. */
export function withStyleNonce(reply: FastifyReply): string {
  const nonce = randomBytes(16).toString('base64')
  const policy = Object.entries(DIRECTIVES)
    .map(([name, values]) => [name, ...values, ...(name === 'style-src' ? [`'nonce-${nonce}'`] : [])].join(' '))
    .join(';')
  reply.header('content-security-policy', policy)
  return nonce
}
