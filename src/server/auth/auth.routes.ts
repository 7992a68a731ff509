import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Ctx } from '../context.ts'
import { AppError } from '../errors.ts'
import { ErrorResponse } from '../http/error-schema.ts'
import { loadUserActor } from '../identity/identity.service.ts'
import { clearSessionCookie, setSessionCookie } from '../plugins/access.ts'
import { originatingOrganOf } from '../reference/reference.request-rules.ts'
import {
  CreatedTokenSchema,
  CreateTokenBody,
  LoginBody,
  MfaBody,
  MfaConfirmBody,
  MfaEnrolmentConfirmedSchema,
  MfaEnrolmentSchema,
  OkSchema,
  SessionListSchema,
  SessionStateSchema,
  TokenParams,
  TokenSchema,
} from './auth.schemas.ts'
import * as auth from './auth.service.ts'
import * as tokens from './auth.tokens.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse }
const client = (req: FastifyRequest): auth.Client => ({
  ip: req.ip ?? null,
  userAgent: req.headers['user-agent'] ?? null,
})

async function describeIssued(ctx: Ctx, userId: string, issued: auth.IssuedSession): Promise<SessionStateSchema> {
  const actor = await loadUserActor(ctx.db, userId, { via: 'session', sessionId: null, scopes: [] })
  return {
    state: issued.state,
    csrfToken: issued.csrfToken,
    expiresAt: issued.expiresAt,
    user: actor
      ? {
          id: actor.userId,
          email: actor.email,
          name: actor.name,
          orgCode: actor.orgCode,
          orgKind: actor.orgKind,
          originatingOrgan: originatingOrganOf({ code: actor.orgCode, kind: actor.orgKind }),
          role: actor.role,
          compartments: [...actor.compartments],
        }
      : null,
  }
}

function requireSession(req: FastifyRequest) {
  if (!req.session) throw new AppError('UNAUTHENTICATED', 'Sign in first')
  return req.session
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in on this browser, and the CSRF token',
        response: { 200: SessionStateSchema },
      },
    },
    async (req) => {
      const s = req.session
      if (!s) return { state: 'anonymous' as const, csrfToken: null, expiresAt: null, user: null }
      return describeIssued(req.ctx, s.user.id, {
        token: '',
        csrfToken: s.session.csrf_token,
        state: s.session.state,
        expiresAt: s.session.absolute_expires_at,
      })
    },
  )

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; two-step verification follows',
        body: LoginBody,
        response: { 200: SessionStateSchema, ...errors },
      },
    },
    async (req, reply) => {
      const issued = await auth.login(req.ctx, req.body, client(req))
      if (req.session) await auth.logout(req.ctx, req.session) // a new sign-in never reuses an old session
      setSessionCookie(req, reply, issued)
      const userId = (await auth.resolveSession(req.ctx, issued.token))?.user.id
      if (!userId) throw new AppError('INTERNAL', 'Session not stored')
      return describeIssued(req.ctx, userId, issued)
    },
  )

  app.post(
    '/auth/mfa',
    {
      schema: {
        tags: ['auth'],
        summary: 'Second step: a TOTP code (accepted once) or a single-use recovery code',
        body: MfaBody,
        response: { 200: SessionStateSchema, ...errors },
      },
    },
    async (req, reply) => {
      const current = requireSession(req)
      const issued = await auth.completeMfa(req.ctx, current, req.body, client(req))
      setSessionCookie(req, reply, issued)
      return describeIssued(req.ctx, current.user.id, issued)
    },
  )

  app.post(
    '/auth/mfa/enrolment',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start two-step verification: a new TOTP secret and its QR code',
        response: { 200: MfaEnrolmentSchema, ...errors },
      },
    },
    async (req) => auth.beginMfaEnrolment(req.ctx, requireSession(req)),
  )

  app.post(
    '/auth/mfa/enrolment/confirmation',
    {
      schema: {
        tags: ['auth'],
        summary: 'Confirm two-step verification with a first code; returns recovery codes once',
        body: MfaConfirmBody,
        response: { 200: MfaEnrolmentConfirmedSchema, ...errors },
      },
    },
    async (req, reply) => {
      const current = requireSession(req)
      const { session, recoveryCodes } = await auth.confirmMfaEnrolment(req.ctx, current, req.body.code, client(req))
      setSessionCookie(req, reply, session)
      return { ...(await describeIssued(req.ctx, current.user.id, session)), recoveryCodes }
    },
  )

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out of this session', response: { 200: OkSchema, ...errors } } },
    async (req, reply) => {
      await auth.logout(req.ctx, requireSession(req))
      clearSessionCookie(reply)
      return { ok: true as const }
    },
  )

  app.post(
    '/account/logout-everywhere',
    {
      schema: {
        tags: ['account'],
        summary: 'Sign out of every session of this account, this one included',
        response: { 200: OkSchema, ...errors },
      },
    },
    async (req, reply) => {
      if (req.ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in first')
      await auth.logoutEverywhere(req.ctx, req.ctx.actor.userId)
      clearSessionCookie(reply)
      return { ok: true as const }
    },
  )

  app.get(
    '/account/sessions',
    {
      schema: {
        tags: ['account'],
        summary: 'The live sessions of this account',
        response: { 200: SessionListSchema, ...errors },
      },
    },
    async (req) => {
      const actor = req.ctx.actor
      if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in first')
      return { items: await auth.listSessions(req.ctx, actor.userId, actor.sessionId) }
    },
  )

  app.get(
    '/account/tokens',
    {
      schema: {
        tags: ['account'],
        summary: 'Personal API tokens of this account',
        response: { 200: z.object({ items: z.array(TokenSchema) }), ...errors },
      },
    },
    async (req) => {
      const actor = req.ctx.actor
      if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in first')
      return { items: await tokens.listApiTokens(req.ctx, actor.userId) }
    },
  )

  app.post(
    '/account/tokens',
    {
      schema: {
        tags: ['account'],
        summary: 'Create a personal API token (shown once; scoped; expiring)',
        body: CreateTokenBody,
        response: { 201: CreatedTokenSchema, ...errors },
      },
    },
    async (req, reply) => {
      const actor = req.ctx.actor
      if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in first')
      // A token can never hold more than the credential that created it.
      if (req.body.scopes.some((s) => !actor.scopes.includes(s)))
        throw new AppError('FORBIDDEN', 'A token cannot widen its scopes')
      return reply.code(201).send(await tokens.createApiToken(req.ctx, actor.userId, req.body))
    },
  )

  app.delete(
    '/account/tokens/:id',
    {
      schema: {
        tags: ['account'],
        summary: 'Revoke a personal API token',
        params: TokenParams,
        response: { 200: OkSchema, ...errors },
      },
    },
    async (req) => {
      const actor = req.ctx.actor
      if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in first')
      await tokens.revokeApiToken(req.ctx, actor.userId, req.params.id)
      return { ok: true as const }
    },
  )
}
