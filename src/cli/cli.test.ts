import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../test/db.ts'

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

  it('answers usage errors with exit code 2', () => {
    expect(run('migrate', 'sideways').status).toBe(2)
    expect(run('no-such-command').status).toBe(2)
    expect(run('seed', 'reference', '--unknown-flag').status).toBe(2)
  })
})
