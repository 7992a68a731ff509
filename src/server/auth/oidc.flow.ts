import { z } from 'zod'
import { openSecret, sealSecret } from '../crypto/secret-box.ts'

// What a sign-in through an identity provider must remember between leaving for the IdP and
// coming back: the PKCE verifier, state and nonce. It travels in a cookie sealed with AES-GCM
// (secret-box.ts), so the browser can neither read the verifier nor alter any field, and it is
// good for 10 minutes: long enough to type a password and a code at the IdP, short enough that a
// forgotten tab is useless.

export const FLOW_TTL_MS = 10 * 60_000
const FLOW_PURPOSE = 'oidc-flow'

const OidcFlow = z.strictObject({
  provider: z.string(),
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  returnTo: z.string(),
  expiresAt: z.number(),
})
export type OidcFlow = z.infer<typeof OidcFlow>

export function sealFlow(encryptionKey: string, flow: OidcFlow): string {
  return sealSecret(encryptionKey, FLOW_PURPOSE, JSON.stringify(flow))
}

/** The flow in the cookie, or null when it is missing, altered, sealed with another key, or not a flow. */
export function openFlow(encryptionKey: string, sealed: string | undefined): OidcFlow | null {
  if (!sealed) return null
  try {
    return OidcFlow.parse(JSON.parse(openSecret(encryptionKey, FLOW_PURPOSE, sealed)))
  } catch {
    return null
  }
}

/**
 * Where to send the browser after signing in: a path on this site only. `//host` and `/\host`
 * are other sites to a browser, and a scheme or control character has no business here.
 */
export function safeReturnTo(value: string | undefined): string {
  if (!value || value.length > 500) return '/'
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  return /^\/(?![/\\])[^\\\u0000-\u001f\u007f]*$/.test(value) ? value : '/'
}

/**
 * Callbacks already used, until their flow would have expired anyway. A replayed callback is
 * refused here before the IdP is even asked; across several server processes the IdP's
 * single-use authorization code refuses it too.
 */
export class UsedStates {
  readonly #until = new Map<string, number>()

  /** True the first time a state is presented, false afterwards. */
  use(state: string, expiresAt: number, nowMs: number): boolean {
    for (const [s, until] of this.#until) if (until < nowMs) this.#until.delete(s)
    if (this.#until.has(state)) return false
    this.#until.set(state, expiresAt)
    return true
  }
}
