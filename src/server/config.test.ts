import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'
import { AppError } from './errors.ts'

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'partnine-config-'))

describe('loadConfig', () => {
  it('defaults to the embedded database on loopback port 8080 with the demo', () => {
    const dir = tempDir()
    const config = loadConfig({ PARTNINE_DATA_DIR: dir })
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8080, dialect: 'sqlite', demo: true })
    expect(config.sqlitePath).toBe(path.join(dir, 'partnine.db'))
    expect(Object.isFrozen(config)).toBe(true)
    expect(Object.isFrozen(config.secrets)).toBe(true)
  })

  it('lists every problem at once', () => {
    const attempt = () =>
      loadConfig({
        PARTNINE_PORT: 'eighty',
        PARTNINE_DEMO: 'yes',
        PARTNINE_DATABASE_URL: 'mysql://x',
        PARTNINE_DATA_DIR: tempDir(),
      })
    expect(attempt).toThrow(AppError)
    const error = (() => {
      try {
        attempt()
      } catch (e) {
        return e as AppError
      }
    })()
    expect(error?.code).toBe('CONFIG_INVALID')
    const problems = ((error?.details ?? []) as string[]).join('\n')
    for (const name of ['PARTNINE_PORT', 'PARTNINE_DEMO', 'PARTNINE_DATABASE_URL']) expect(problems).toContain(name)
  })

  it('sends notifications by mail only with both an SMTP server and a sender address', () => {
    const dir = tempDir()
    expect(loadConfig({ PARTNINE_DATA_DIR: dir }).mail).toBeNull()
    const mail = {
      PARTNINE_SMTP_URL: 'smtp://mail.example.org:587',
      PARTNINE_MAIL_FROM: 'Part IX <no-reply@example.org>',
    }
    expect(loadConfig({ PARTNINE_DATA_DIR: dir, ...mail }).mail).toEqual({
      smtpUrl: 'smtp://mail.example.org:587',
      from: 'Part IX <no-reply@example.org>',
    })
    const problems = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig({ PARTNINE_DATA_DIR: dir, ...env })
      } catch (e) {
        expect((e as AppError).code).toBe('CONFIG_INVALID')
        return ((e as AppError).details as string[]).join('\n')
      }
      throw new Error('accepted')
    }
    expect(problems({ PARTNINE_SMTP_URL: mail.PARTNINE_SMTP_URL })).toContain('set both')
    expect(problems({ PARTNINE_MAIL_FROM: mail.PARTNINE_MAIL_FROM })).toContain('set both')
    expect(problems({ ...mail, PARTNINE_SMTP_URL: 'http://mail.example.org' })).toContain('PARTNINE_SMTP_URL')
    expect(problems({ ...mail, PARTNINE_MAIL_FROM: 'no address\r\nBcc: x@y.z' })).toContain('PARTNINE_MAIL_FROM')
  })

  it('generates the embedded secrets once, mode 0600, and reuses them', () => {
    const dir = tempDir()
    const first = loadConfig({ PARTNINE_DATA_DIR: dir })
    expect(first.notices.join()).toContain('Generated new secrets')
    const file = path.join(dir, 'secrets.json')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const second = loadConfig({ PARTNINE_DATA_DIR: dir })
    expect(second.notices).toEqual([])
    expect(second.secrets).toEqual(first.secrets)
    expect(JSON.parse(readFileSync(file, 'utf8')).sessionKey).toBe(first.secrets.sessionKey)
  })

  it('refuses a secrets file that other users can read', () => {
    const dir = tempDir()
    const file = path.join(dir, 'secrets.json')
    writeFileSync(file, JSON.stringify({ sessionKey: 'a'.repeat(44), encryptionKey: 'b'.repeat(44) }))
    chmodSync(file, 0o644)
    expect(() => loadConfig({ PARTNINE_DATA_DIR: dir })).toThrow(/chmod 600/)
  })

  it('refuses to start on PostgreSQL without supplied secrets, and never writes a file', () => {
    const dir = tempDir()
    expect(() => loadConfig({ PARTNINE_DATA_DIR: dir, PARTNINE_DATABASE_URL: 'postgres://db/partnine' })).toThrow(
      /PARTNINE_SESSION_KEY and PARTNINE_ENCRYPTION_KEY and PARTNINE_AUDIT_SIGNING_KEY must be set/,
    )
    const config = loadConfig({
      PARTNINE_DATA_DIR: dir,
      PARTNINE_DATABASE_URL: 'postgres://db/partnine',
      PARTNINE_SESSION_KEY: 's'.repeat(44),
      PARTNINE_ENCRYPTION_KEY: 'e'.repeat(44),
      PARTNINE_AUDIT_SIGNING_KEY: Buffer.alloc(32, 9).toString('base64'),
    })
    expect(config.dialect).toBe('postgres')
    expect(() => statSync(path.join(dir, 'secrets.json'))).toThrow()
  })

  it('adds a secret introduced by a later release to an existing secrets file', () => {
    const dir = tempDir()
    const file = path.join(dir, 'secrets.json')
    writeFileSync(file, JSON.stringify({ sessionKey: 'a'.repeat(44), encryptionKey: 'b'.repeat(44) }), { mode: 0o600 })
    const config = loadConfig({ PARTNINE_DATA_DIR: dir })
    expect(config.secrets.sessionKey).toBe('a'.repeat(44))
    expect(Buffer.from(config.secrets.auditSigningKey, 'base64')).toHaveLength(32)
    expect(JSON.parse(readFileSync(file, 'utf8')).auditSigningKey).toBe(config.secrets.auditSigningKey)
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('starts without the demo when PARTNINE_DEMO=0', () => {
    expect(loadConfig({ PARTNINE_DATA_DIR: tempDir(), PARTNINE_DEMO: '0' }).demo).toBe(false)
  })
})
