import cookie from '@fastify/cookie'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { decide, policyFor } from '../access/policy.ts'
import { csrfMatches, type IssuedSession, type ResolvedSession, resolveSession } from '../auth/auth.service.ts'
import { resolveApiToken } from '../auth/auth.tokens.ts'
import { AppError } from '../errors.ts'

export const SESSION_COOKIE = 'partnine_session'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

declare module 'fastify' {
  interface FastifyRequest {
    /** The session behind the cookie, when there is a live one (possibly still awaiting MFA). */
    session: ResolvedSession | null
  }
}

/**
 * Who is calling (session cookie or `Authorization: Bearer` API token), whether the route's
 * policy lets them, and CSRF: every state-changing request made with a session cookie must carry
 * the session's token in `x-csrf-token`, and a cross-origin one is refused outright.
 */
export async function registerAccessControl(app: FastifyInstance) {
  await app.register(cookie)
  app.decorateRequest('session', null)
  app.addHook('onRequest', async (req) => {
    const url = req.routeOptions.url
    if (!url) return // no route: the not-found handler answers
    const policy = policyFor(req.method, url)
    if (!policy) {
      req.log.error({ route: url, method: req.method }, 'route has no access policy: refused')
      throw new AppError('FORBIDDEN', 'This route has no access policy')
    }
    let pending = false
    const authorization = req.headers.authorization
    if (authorization !== undefined) {
      const token = /^Bearer (\S+)$/.exec(authorization)?.[1]
      const actor = token ? await resolveApiToken(req.ctx, token) : null
      if (!actor) throw new AppError('UNAUTHENTICATED', 'The API token is unknown, expired or revoked')
      req.ctx.actor = actor
    } else {
      const sessionToken = req.cookies[SESSION_COOKIE]
      const resolved = sessionToken ? await resolveSession(req.ctx, sessionToken) : null
      if (resolved) {
        req.session = resolved
        if (resolved.actor) req.ctx.actor = resolved.actor
        else pending = true
      }
      if (req.session && !SAFE_METHODS.has(req.method)) assertSameOriginWithCsrf(req, req.session)
    }
    const decision = decide(policy, req.ctx.actor, req.method, pending)
    if (decision === 'unauthenticated') throw new AppError('UNAUTHENTICATED', 'Sign in first')
    if (decision === 'mfa-required') throw new AppError('MFA_REQUIRED', 'Finish two-step verification first')
    if (decision === 'forbidden') throw new AppError('FORBIDDEN', 'Your role does not allow this')
  })
}

function assertSameOriginWithCsrf(req: FastifyRequest, session: ResolvedSession) {
  const origin = req.headers.origin
  if (origin !== undefined && origin !== `${req.protocol}://${req.host}`) {
    throw new AppError('CSRF_FAILED', 'Cross-origin request refused')
  }
  const presented = req.headers['x-csrf-token']
  if (!csrfMatches(session.session, typeof presented === 'string' ? presented : undefined)) {
    throw new AppError('CSRF_FAILED', 'Missing or wrong x-csrf-token header')
  }
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, session: IssuedSession) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    // Behind TLS (directly or through a trusted proxy) the cookie never travels in clear.
    secure: req.protocol === 'https',
    expires: new Date(session.expiresAt),
  })
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' })
}
