import { describe, expect, it } from 'vitest'
import { hashPassword, passwordProblems, verifyPassword } from './passwords.ts'

describe('password policy (NIST SP 800-63B-4)', () => {
  it('wants 15 characters without MFA and 8 with it, counting Unicode characters', () => {
    expect(passwordProblems('abcdefghijklmn', { hasMfa: false })).toHaveLength(1)
    expect(passwordProblems('a quiet morning by the lake', { hasMfa: false })).toEqual([])
    expect(passwordProblems('zx9!kq2w', { hasMfa: true })).toEqual([])
    expect(passwordProblems('日本語のながいパスフレーズです', { hasMfa: false })).toEqual([])
  })

  it('accepts at least 64 characters and has no composition rules', () => {
    expect(passwordProblems('a'.repeat(10) + 'b'.repeat(100), { hasMfa: false })).toEqual([])
    expect(passwordProblems('alllowercasewordswithoutdigits', { hasMfa: false })).toEqual([])
  })

  it('refuses common passwords and ones built on context words', () => {
    expect(passwordProblems('password1', { hasMfa: true }).join()).toContain('commonly used')
    expect(passwordProblems('qwertyuiop', { hasMfa: true }).join()).toContain('commonly used')
    expect(passwordProblems('partnine2026!', { hasMfa: true }).join()).toContain('name of this service')
    expect(passwordProblems('jean.dupont123', { hasMfa: true, email: 'jean.dupont@icc.test' }).join()).toContain(
      'e-mail',
    )
  })

  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('a quiet morning by the lake')
    expect(hash).toMatch(/^\$argon2id\$/)
    expect(await verifyPassword(hash, 'a quiet morning by the lake')).toBe(true)
    expect(await verifyPassword(hash, 'a quiet morning by the sea')).toBe(false)
    expect(await verifyPassword(null, 'anything at all')).toBe(false)
  })
})
