import { generateSecret, generateURI, verify } from 'otplib'

// TOTP (RFC 6238) through otplib 13: 6 digits, 30 s, one step of clock drift either way. A code
// is accepted once: the caller stores the accepted time step and passes it back as `afterStep`.

export function newTotpSecret(): string {
  return generateSecret()
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: 'Part IX', label: account, secret })
}

/** The accepted time step, or null for a wrong, expired or already-used code. */
export async function verifyTotp(
  secret: string,
  code: string,
  afterStep: number | null,
  now: Date,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  }).catch(() => ({ valid: false as const }))
  return result.valid ? ((result as { timeStep?: number }).timeStep ?? null) : null
}
