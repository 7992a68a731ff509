import { hash, verify } from '@node-rs/argon2'
import { dictionary } from '@zxcvbn-ts/language-common'
import { AppError } from '../errors.ts'

// NIST SP 800-63B-4: at least 15 characters for a single-factor password, 8 when MFA protects the
// account; at least 64 accepted; no composition rules; checked against common passwords and
// context words. Length counts Unicode code points (a passphrase may be in any script).
export const PASSWORD_MIN_WITHOUT_MFA = 15
export const PASSWORD_MIN_WITH_MFA = 8
export const PASSWORD_MAX = 256

const COMMON = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()))
const CONTEXT_WORDS = ['partnine', 'part ix', 'partix', 'icc', 'cpi', 'rome statute']

const ARGON2 = {
  algorithm: 2 /* Argon2id; the enum is an ambient const enum */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const

export function passwordProblems(
  password: string,
  context: { hasMfa: boolean; email?: string; name?: string },
): string[] {
  const problems: string[] = []
  const length = [...password].length
  const min = context.hasMfa ? PASSWORD_MIN_WITH_MFA : PASSWORD_MIN_WITHOUT_MFA
  if (length < min)
    problems.push(`at least ${min} characters${context.hasMfa ? '' : ' (8 once two-step verification is on)'}`)
  if (length > PASSWORD_MAX) problems.push(`at most ${PASSWORD_MAX} characters`)
  const lower = password.toLowerCase().normalize('NFKC')
  if (COMMON.has(lower)) problems.push('not a commonly used password')
  const words = [...CONTEXT_WORDS, context.email?.split('@')[0], context.name].filter(
    (w): w is string => !!w && w.length >= 4,
  )
  if (words.some((w) => lower === w.toLowerCase() || (lower.includes(w.toLowerCase()) && length - w.length < 6))) {
    problems.push('not built on your name, e-mail or the name of this service')
  }
  if (/^(.)\1+$/u.test(password)) problems.push('not one repeated character')
  return problems
}

export function assertPasswordAcceptable(
  password: string,
  context: { hasMfa: boolean; email?: string; name?: string },
) {
  const problems = passwordProblems(password, context)
  if (problems.length > 0)
    throw new AppError('PASSWORD_REJECTED', `The password must be: ${problems.join('; ')}`, problems)
}

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), ARGON2)
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // Unknown users and users without a password cost the same time as a wrong password.
  const target = passwordHash ?? (await dummyHash)
  const ok = await verify(target, password.normalize('NFKC')).catch(() => false)
  return ok && passwordHash !== null
}

const dummyHash = hash('partnine-timing-equaliser-never-a-password', ARGON2)
