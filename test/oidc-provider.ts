import { generateKeyPairSync } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider'

// A real OpenID Connect provider (panva/oidc-provider) on loopback, for the single sign-on tests
// and the browser test. It has one confidential client and a list of accounts that sign in on a
// plain login form at /interaction/<uid> (no consent screen: the client is first-party).

export type TestIdpAccount = {
  sub: string
  email: string
  emailVerified?: boolean
  password?: string
  /** Authentication methods the IdP reports in the ID token (`amr`); default ['pwd']. */
  amr?: string[]
}

export type TestIdpOptions = {
  port?: number
  clientId?: string
  clientSecret?: string
  redirectUris: string[]
  accounts?: TestIdpAccount[]
}

export type TestIdp = {
  issuer: string
  clientId: string
  clientSecret: string
  accounts: Map<string, TestIdpAccount>
  addAccount: (account: TestIdpAccount) => void
  stop: () => Promise<void>
}

export const TEST_IDP_PASSWORD = 'idp password'

export async function startTestIdp(options: TestIdpOptions): Promise<TestIdp> {
  const clientId = options.clientId ?? 'partnine-test'
  const clientSecret = options.clientSecret ?? 'partnine-test-secret-0123456789'
  const accounts = new Map<string, TestIdpAccount>()
  const addAccount = (account: TestIdpAccount) => accounts.set(account.sub, account)
  for (const account of options.accounts ?? []) addAccount(account)

  const server = createServer()
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['test-idp-cookie-key'] },
    // amr under the openid scope puts it in every ID token, as most enterprise IdPs do (by
    // default oidc-provider sends it only when the client asks for it with the claims parameter).
    claims: {
      acr: null,
      auth_time: null,
      sid: null,
      openid: ['sub', 'amr'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub)
      if (!account) return undefined
      return {
        accountId: sub,
        claims: () => ({ sub, email: account.email, email_verified: account.emailVerified ?? true }),
      }
    },
    // First-party client: grant the requested scopes without a consent screen.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, provider } = ctx.oidc
      if (!client || !session?.accountId) return undefined
      const grantId = session.grantIdFor(client.clientId)
      if (grantId) return provider.Grant.find(grantId)
      const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId })
      grant.addOIDCScope('openid email profile')
      await grant.save()
      return grant
    },
  }
  const provider = new Provider(issuer, configuration)
  const handleProvider = provider.callback()

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/interaction/')) {
      handleInteraction(provider, accounts, req, res).catch((error: Error) => {
        res.statusCode = 400
        res.end(`interaction failed: ${error.message}`)
      })
      return
    }
    handleProvider(req, res)
  })

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    addAccount,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

async function handleInteraction(
  provider: Provider,
  accounts: Map<string, TestIdpAccount>,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const details = await provider.interactionDetails(req, res)
  if (req.method === 'GET') return sendLoginForm(res, details.uid, '')
  const form = new URLSearchParams(await readBody(req))
  const login = form.get('login')?.trim().toLowerCase()
  const account = [...accounts.values()].find((a) => a.email.toLowerCase() === login)
  if (!account || form.get('password') !== (account.password ?? TEST_IDP_PASSWORD)) {
    return sendLoginForm(res, details.uid, 'Wrong e-mail or password.')
  }
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: account.sub, amr: account.amr ?? ['pwd'] } },
    { mergeWithLastSubmission: false },
  )
}

function sendLoginForm(res: ServerResponse, uid: string, message: string) {
  res.setHeader('content-type', 'text/html; charset=utf-8')
  res.end(`<!doctype html><html lang="en"><head><title>Test identity provider</title></head><body>
<main><h1>Test identity provider</h1>${message ? `<p role="alert">${message}</p>` : ''}
<form method="post" action="/interaction/${encodeURIComponent(uid)}/login">
<label>E-mail <input name="login" type="email" autocomplete="username" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button></form></main></body></html>`)
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => {
      body += chunk
    })
    req.on('end', () => resolve(body))
    req.on('error', reject)
  })
}
