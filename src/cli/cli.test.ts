import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../test/db.ts'
import { startSmtpPeer } from '../../test/smtp-peer.ts'

const bin = path.resolve(import.meta.dirname, '../../bin/partnine')
let db: TestDb
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  db = await createTestDb({ seeded: false })
  env = {
    PATH: process.env.PATH,
    PARTNINE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'partnine-cli-')),
    PARTNINE_DATABASE_URL: db.databaseUrl,
    PARTNINE_SESSION_KEY: 'cli-test-session-key-0123456789abcdef',
    PARTNINE_ENCRYPTION_KEY: 'cli-test-encryption-key-0123456789abc',
    PARTNINE_AUDIT_SIGNING_KEY: Buffer.alloc(32, 3).toString('base64'),
  }
})
afterAll(async () => db.destroy())

const run = (...args: string[]) => spawnSync(bin, args, { env, encoding: 'utf8', timeout: 60_000 })
/** As run, without blocking this process: for a command that talks to a server the test runs. */
function runAsync(args: string[], extraEnv: NodeJS.ProcessEnv) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(bin, args, { env: { ...env, ...extraEnv }, timeout: 60_000 })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8')
    })
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8')
    })
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}

describe('partnine CLI', () => {
  it('reports pending migrations, then applies them', () => {
    expect(run('migrate', 'status').stdout).toMatch(/^pending /m)
    const up = run('migrate', 'up')
    expect(up.status).toBe(0)
    expect(up.stdout).toMatch(/applied 2026-11-28T0300/)
    expect(run('migrate', 'status').stdout).not.toMatch(/^pending /m)
  })

  it('loads reference data with progress, idempotently', () => {
    const first = run('seed', 'reference')
    expect(first.status).toBe(0)
    expect(first.stderr).toContain('5/5 done')
    expect(JSON.parse(first.stdout)).toMatchObject({ states: 198, warrants: 31 })
    expect(JSON.parse(run('seed', 'reference').stdout)).toEqual(JSON.parse(first.stdout))
  })

  it('corrects a fact and refuses an invalid one with exit code 3', () => {
    const ok = run(
      'reference-correct',
      '--state',
      'NLD',
      '--fact',
      'regional_group',
      '--value',
      'WEOG',
      '--note',
      'UN list',
    )
    expect(ok.status).toBe(0)
    expect(JSON.parse(ok.stdout)).toMatchObject({ origin: 'admin', value: 'WEOG' })
    const bad = run('reference-correct', '--state', 'NLD', '--fact', 'regional_group', '--value', 'Mars', '--note', 'x')
    expect(bad.status).toBe(3)
    expect(bad.stderr).toContain('FACT_VALUE_INVALID')
  })

  it('passes its doctor checks', () => {
    const doctor = run('doctor')
    expect(doctor.stdout).toMatch(/^ok\s+migrations/m)
    expect(doctor.stdout).toMatch(/^ok\s+node/m)
    expect(doctor.status).toBe(0)
  })

  it('checks the SMTP server of the notifications, when there is one', async () => {
    expect(run('doctor').stdout).toMatch(/^ok\s+mail\s+not configured/m)
    const peer = await startSmtpPeer()
    try {
      const mail = { PARTNINE_SMTP_URL: peer.url, PARTNINE_MAIL_FROM: 'Part IX <no-reply@partnine.test>' }
      const reached = await runAsync(['doctor'], mail)
      expect(reached.stdout).toMatch(/^ok\s+mail\s+smtp:\/\/127\.0\.0\.1:\d+ accepts us/m)
      expect(reached.status).toBe(0)
      const down = await runAsync(['doctor'], { ...mail, PARTNINE_SMTP_URL: 'smtp://127.0.0.1:9' })
      expect(down.stdout).toMatch(/^FAIL mail\s+smtp:\/\/127\.0\.0\.1:9: /m)
      expect(down.status).toBe(1)
    } finally {
      await peer.close()
    }
  })

  it('answers usage errors with exit code 2', () => {
    expect(run('migrate', 'sideways').status).toBe(2)
    expect(run('no-such-command').status).toBe(2)
    expect(run('seed', 'reference', '--unknown-flag').status).toBe(2)
  })
})
