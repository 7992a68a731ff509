import { timingSafeEqual } from 'node:crypto'
import * as oidc from 'openid-client'
import { recordAuditEvent } from '../audit/audit.service.ts'
import { isLoopbackUrl, type OidcProviderConfig } from '../config.ts'
import type { Ctx } from '../context.ts'
import { accountRows as identityRepo } from '../identity/identity.service.ts'
import type { UserRow } from '../identity/identity.table.ts'
import { type Client, type IssuedSession, startSession } from './auth.service.ts'
import { FLOW_TTL_MS, openFlow, safeReturnTo, sealFlow, UsedStates } from './oidc.flow.ts'

/** Why a single sign-on failed, as the sign-in page is told (`/sign-in?sso_error=<code>`). */
export type SsoErrorCode =
  | 'unknown_provider' // no provider with this id is configured
  | 'idp_unavailable' // the IdP's discovery document or token endpoint could not be reached
  | 'invalid_state' // no, altered, expired or already used flow cookie, or a state that does not match it
  | 'idp_error' // the IdP answered with an error (the user cancelled, the code was refused…)
  | 'invalid_token' // the ID token failed validation (issuer, audience, nonce, expiry, signature)
  | 'email_not_verified' // no account linked yet, and the IdP does not vouch for the e-mail address
  | 'no_account' // no active account of the IdP's organisation answers to this identity

/** A refused single sign-on: the route redirects to the sign-in page and the audit keeps `reason`. */
export class SsoFailure extends Error {
  readonly code: SsoErrorCode
  readonly reason: string
  readonly account: { userId?: string; email?: string }

  constructor(code: SsoErrorCode, reason: string, account: { userId?: string; email?: string } = {}) {
    super(`${code}: ${reason}`)
    this.code = code
    this.reason = reason
    this.account = account
  }
}

const MFA_AMR = ['mfa', 'otp', 'hwk'] // RFC 8176 values that mean a second factor was checked

/** The configured providers, their discovered metadata (fetched once, on first use) and used states. */
export class OidcClients {
  readonly usedStates = new UsedStates()
  readonly #configurations = new Map<string, Promise<oidc.Configuration>>()

  readonly providers: readonly OidcProviderConfig[]
  readonly publicUrl: string

  constructor(providers: readonly OidcProviderConfig[], publicUrl: string) {
    this.providers = providers
    this.publicUrl = publicUrl
  }

  find(id: string): OidcProviderConfig | undefined {
    return this.providers.find((p) => p.id === id)
  }

  redirectUri(provider: OidcProviderConfig): string {
    return `${this.publicUrl}/api/v1/auth/oidc/${provider.id}/callback`
  }

  async configuration(provider: OidcProviderConfig): Promise<oidc.Configuration> {
    let pending = this.#configurations.get(provider.id)
    if (!pending) {
      pending = oidc.discovery(
        new URL(provider.issuer),
        provider.clientId,
        undefined,
        provider.clientSecret ? oidc.ClientSecretBasic(provider.clientSecret) : oidc.None(),
        {
          timeout: 10,
          // openid-client refuses plain http. A loopback issuer (tests, an IdP on the same machine)
          // is the one exception; config.ts already refuses http anywhere else.
          ...(isLoopbackUrl(provider.issuer) ? { execute: [oidc.allowInsecureRequests] } : {}),
        },
      )
      this.#configurations.set(provider.id, pending)
      // A failed discovery is not remembered: the next sign-in tries again.
      pending.catch(() => this.#configurations.delete(provider.id))
    }
    try {
      return await pending
    } catch (error) {
      throw new SsoFailure('idp_unavailable', `discovery failed: ${(error as Error).message}`)
    }
  }
}

export function listProviders(clients: OidcClients) {
  return clients.providers.map((p) => ({ id: p.id, name: p.name }))
}

function getProvider(clients: OidcClients, id: string): OidcProviderConfig {
  const provider = clients.find(id)
  if (!provider) throw new SsoFailure('unknown_provider', `no provider ${id.slice(0, 40)}`)
  return provider
}

/** The IdP's authorization URL (code flow, PKCE S256, state, nonce) and the sealed flow cookie. */
export async function beginSignIn(ctx: Ctx, clients: OidcClients, providerId: string, returnTo: string | undefined) {
  const provider = getProvider(clients, providerId)
  const configuration = await clients.configuration(provider)
  const flow = {
    provider: provider.id,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    returnTo: safeReturnTo(returnTo),
    expiresAt: ctx.now().getTime() + FLOW_TTL_MS,
  }
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: clients.redirectUri(provider),
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  })
  return { url: url.href, sealedFlow: sealFlow(ctx.secrets.encryptionKey, flow) }
}

/**
 * The browser is back from the IdP: check the flow, exchange the code, validate the ID token,
 * find the account and start a session (awaiting our TOTP step unless the IdP is trusted for it).
 */
export async function finishSignIn(
  ctx: Ctx,
  clients: OidcClients,
  input: { providerId: string; callbackUrl: URL; sealedFlow: string | undefined; client: Client },
): Promise<{ session: IssuedSession; returnTo: string }> {
  const provider = getProvider(clients, input.providerId)
  const flow = openFlow(ctx.secrets.encryptionKey, input.sealedFlow)
  if (!flow) throw new SsoFailure('invalid_state', 'flow cookie missing or altered')
  if (flow.provider !== provider.id) throw new SsoFailure('invalid_state', 'flow started with another provider')
  if (flow.expiresAt <= ctx.now().getTime()) throw new SsoFailure('invalid_state', 'flow expired')
  if (!sameText(input.callbackUrl.searchParams.get('state') ?? '', flow.state))
    throw new SsoFailure('invalid_state', 'state does not match')
  if (!clients.usedStates.use(flow.state, flow.expiresAt, ctx.now().getTime()))
    throw new SsoFailure('invalid_state', 'callback replayed')

  const configuration = await clients.configuration(provider)
  const claims = await exchangeCode(configuration, input.callbackUrl, flow, clients.redirectUri(provider))
  const user = await findAccount(ctx, provider, claims)
  const amr = Array.isArray(claims.amr) ? claims.amr : []
  const mfaDoneBy =
    provider.trustIdpMfa && amr.some((v) => MFA_AMR.includes(String(v))) ? `oidc:${provider.id}` : undefined
  const session = await startSession(ctx, user, input.client, `oidc:${provider.id}`, mfaDoneBy ? { mfaDoneBy } : {})
  return { session, returnTo: flow.returnTo }
}

type Claims = { iss: string; sub: string; email?: unknown; email_verified?: unknown; amr?: unknown }

async function exchangeCode(
  configuration: oidc.Configuration,
  callbackUrl: URL,
  flow: { state: string; nonce: string; verifier: string },
  redirectUri: string,
): Promise<Claims> {
  try {
    const tokens = await oidc.authorizationCodeGrant(
      configuration,
      callbackUrl,
      { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true },
      { redirect_uri: redirectUri },
    )
    const idToken = tokens.claims()
    if (!idToken) throw new SsoFailure('invalid_token', 'no ID token')
    if (idToken.email !== undefined) return idToken
    // Many IdPs put the e-mail only in the UserInfo response (OIDC Core 5.4).
    const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub)
    return { ...idToken, email: userInfo.email, email_verified: userInfo.email_verified }
  } catch (error) {
    if (error instanceof SsoFailure) throw error
    if (error instanceof oidc.AuthorizationResponseError)
      throw new SsoFailure('idp_error', `IdP answered ${error.error}`)
    if (error instanceof oidc.ResponseBodyError) throw new SsoFailure('idp_error', `IdP refused: ${error.error}`)
    if (error instanceof oidc.ClientError) {
      // openid-client wraps oauth4webapi's error, whose message names the claim ('nonce', 'aud'…).
      const detail = error.cause instanceof Error ? error.cause.message : error.message
      throw new SsoFailure('invalid_token', `${error.code ?? 'invalid response'}: ${detail}`)
    }
    throw new SsoFailure('idp_unavailable', (error as Error).message)
  }
}

/**
 * The account an identity maps to: the one already linked to (issuer, subject); else the active
 * account of the provider's organisation with the verified e-mail address, which gets linked.
 * Accounts are never created here: administrators invite users.
 */
async function findAccount(ctx: Ctx, provider: OidcProviderConfig, claims: Claims): Promise<UserRow> {
  const linked = await identityRepo.findByOidcSubject(ctx.db, claims.iss, claims.sub)
  if (linked) return assertUsable(linked, provider)
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : ''
  if (!email) throw new SsoFailure('no_account', 'no e-mail claim')
  // Some IdPs send the boolean as a string.
  if (claims.email_verified !== true && claims.email_verified !== 'true')
    throw new SsoFailure('email_not_verified', 'e-mail not verified by the IdP', { email })
  const user = await identityRepo.findByEmail(ctx.db, email)
  if (!user) throw new SsoFailure('no_account', 'unknown account', { email })
  assertUsable(user, provider)
  if (user.oidc_subject !== null)
    throw new SsoFailure('no_account', 'account linked to another identity', { userId: user.id, email })
  await ctx.db.transaction().execute(async (trx) => {
    await identityRepo.update(trx, user.id, { oidc_issuer: claims.iss, oidc_subject: claims.sub })
    await recordAuditEvent(ctx, trx, {
      action: 'auth.oidc_linked',
      recordType: 'user',
      recordId: user.id,
      details: { provider: provider.id, issuer: claims.iss, subject: claims.sub, email },
    })
  })
  return { ...user, oidc_issuer: claims.iss, oidc_subject: claims.sub }
}

function assertUsable(user: UserRow, provider: OidcProviderConfig): UserRow {
  const account = { userId: user.id, email: user.email }
  // An IdP vouches only for its own organisation's people, whatever e-mail it asserts.
  if (user.org_code !== provider.orgCode) throw new SsoFailure('no_account', 'organisation mismatch', account)
  if (user.status !== 'active') throw new SsoFailure('no_account', 'account disabled', account)
  return user
}

/** Every refused single sign-on is audited, like a refused password. */
export async function recordSsoFailure(ctx: Ctx, providerId: string, failure: SsoFailure, client: Client) {
  await recordAuditEvent({ ...ctx, actor: { kind: 'anonymous' } }, ctx.db, {
    action: 'auth.login_failed',
    ...(failure.account.userId ? { recordType: 'user', recordId: failure.account.userId } : {}),
    details: {
      method: `oidc:${providerId.slice(0, 40)}`,
      reason: failure.reason.slice(0, 300),
      code: failure.code,
      email: failure.account.email ?? null,
      ip: client.ip,
    },
  })
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
