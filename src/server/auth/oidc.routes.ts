import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Config } from '../config.ts'
import { setSessionCookie } from '../plugins/access.ts'
import { API_PREFIX } from '../plugins/openapi.ts'
import * as auth from './auth.service.ts'
import { FLOW_TTL_MS } from './oidc.flow.ts'
import {
  OidcCallbackQuery,
  OidcProviderListSchema,
  OidcProviderParams,
  OidcStartQuery,
  RedirectResponse,
} from './oidc.schemas.ts'
import { beginSignIn, finishSignIn, listProviders, OidcClients, recordSsoFailure, SsoFailure } from './oidc.service.ts'

const FLOW_COOKIE = 'partnine_oidc'
const FLOW_COOKIE_PATH = `${API_PREFIX}/auth/oidc`

const client = (req: FastifyRequest): auth.Client => ({
  ip: req.ip ?? null,
  userAgent: req.headers['user-agent'] ?? null,
})

/** Single sign-on with OpenID Connect (docs/sso.md). Every outcome is a redirect, never an error page. */
export function oidcRoutes(config: Pick<Config, 'oidcProviders' | 'publicUrl'>): FastifyPluginAsyncZod {
  const clients = new OidcClients(config.oidcProviders, config.publicUrl)

  async function refuse(req: FastifyRequest, reply: FastifyReply, providerId: string, error: unknown) {
    if (!(error instanceof SsoFailure)) throw error
    req.log.warn(
      { provider: providerId.slice(0, 40), code: error.code, reason: error.reason },
      'single sign-on refused',
    )
    await recordSsoFailure(req.ctx, providerId, error, client(req))
    reply.clearCookie(FLOW_COOKIE, { path: FLOW_COOKIE_PATH })
    return reply.redirect(`/sign-in?sso_error=${error.code}`, 302)
  }

  return async (app) => {
    app.get(
      '/auth/oidc/providers',
      {
        schema: {
          tags: ['auth'],
          summary: 'Identity providers offered for single sign-on',
          response: { 200: OidcProviderListSchema },
        },
      },
      async () => ({ items: listProviders(clients) }),
    )

    app.get(
      '/auth/oidc/:provider/start',
      {
        schema: {
          tags: ['auth'],
          summary: 'Leave for the identity provider (authorization code flow with PKCE)',
          params: OidcProviderParams,
          querystring: OidcStartQuery,
          response: { 302: RedirectResponse },
        },
      },
      async (req, reply) => {
        try {
          const { url, sealedFlow } = await beginSignIn(req.ctx, clients, req.params.provider, req.query.returnTo)
          // Lax, not Strict: the IdP brings the browser back with a cross-site top-level navigation,
          // which must carry this cookie.
          reply.setCookie(FLOW_COOKIE, sealedFlow, {
            path: FLOW_COOKIE_PATH,
            httpOnly: true,
            sameSite: 'lax',
            secure: req.protocol === 'https',
            maxAge: FLOW_TTL_MS / 1000,
          })
          return reply.redirect(url, 302)
        } catch (error) {
          return refuse(req, reply, req.params.provider, error)
        }
      },
    )

    app.get(
      '/auth/oidc/:provider/callback',
      {
        schema: {
          tags: ['auth'],
          summary: 'Back from the identity provider: sign in, then on to the app (or its sign-in page on failure)',
          params: OidcProviderParams,
          querystring: OidcCallbackQuery,
          response: { 302: RedirectResponse },
        },
      },
      async (req, reply) => {
        try {
          const { session, returnTo } = await finishSignIn(req.ctx, clients, {
            providerId: req.params.provider,
            callbackUrl: new URL(req.url, config.publicUrl),
            sealedFlow: req.cookies[FLOW_COOKIE],
            client: client(req),
          })
          if (req.session) await auth.logout(req.ctx, req.session) // a new sign-in never reuses an old session
          reply.clearCookie(FLOW_COOKIE, { path: FLOW_COOKIE_PATH })
          setSessionCookie(req, reply, session)
          // The session cookie is SameSite=Strict: stored now, but not sent on this cross-site
          // navigation. The redirect to our own page is same-site, so the next request carries it.
          const next = session.state === 'active' ? returnTo : signInPage(returnTo)
          return reply.redirect(next, 302)
        } catch (error) {
          return refuse(req, reply, req.params.provider, error)
        }
      },
    )
  }
}

/** The sign-in page shows the TOTP (or enrolment) step for a session that still needs it. */
function signInPage(returnTo: string): string {
  return returnTo === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(returnTo)}`
}
