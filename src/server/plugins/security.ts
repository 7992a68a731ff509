import { randomBytes } from 'node:crypto'
import helmet from '@fastify/helmet'
import type { FastifyInstance, FastifyReply } from 'fastify'

/**
 * Security headers. The CSP allows only our own scripts; the web app's page also needs a
 * per-response style nonce because Mantine injects <style> elements (the app reads the nonce
 * from a meta tag). Only that page gets one: helmet's per-request nonces rebuilt every header
 * on every API answer, which a profile showed costing more than the route itself on /healthz.
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

export async function registerSecurityHeaders(app: FastifyInstance) {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES },
    crossOriginEmbedderPolicy: false,
    // Behind TLS a reverse proxy adds HSTS; on plain loopback it would only mislead browsers.
    strictTransportSecurity: false,
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
