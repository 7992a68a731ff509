import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb, testConfig } from '../../test/db.ts'
import { buildApp } from '../server/app.ts'

const bin = path.resolve(import.meta.dirname, '../../bin/partnine')
let db: TestDb
let app: FastifyInstance
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  db = await createTestDb()
  app = await buildApp(testConfig(db), { db })
  env = {
    PATH: process.env.PATH,
    PARTNINE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'partnine-cli-')),
    PARTNINE_DATABASE_URL: db.databaseUrl,
    PARTNINE_SESSION_KEY: 'cli-test-session-key-0123456789abcdef',
    PARTNINE_ENCRYPTION_KEY: 'cli-test-encryption-key-0123456789abc',
    PARTNINE_AUDIT_SIGNING_KEY: Buffer.alloc(32, 3).toString('base64'),
  }
})
afterAll(async () => {
  await app.close()
  await db.destroy()
})

const run = (args: string[], input?: string) => spawnSync(bin, args, { env, input, encoding: 'utf8', timeout: 60_000 })

describe('identity commands', () => {
  it('list organisation codes and role names, tab-separated', () => {
    const orgs = run(['orgs'])
      .stdout.split('\n')
      .map((l) => l.split('\t')[0])
    expect(orgs).toEqual(
      expect.arrayContaining([
        'ICC-OTP',
        'ICC-REGISTRY',
        'ICC-CHAMBERS',
        'ICC-PRESIDENCY',
        'ICC-TFV',
        'ASP',
        'IO-UN',
        'NLD',
        'KEN',
      ]),
    )
    const roles = run(['roles'])
      .stdout.split('\n')
      .map((l) => l.split('\t')[0])
    expect(roles).toEqual(expect.arrayContaining(['officer', 'approver', 'focal-point', 'auditor', 'admin']))
  })

  it('create a compartment and a user with a password from stdin, then a token that the API accepts', async () => {
    expect(run(['compartment', 'create', '--code', 'SIT-CLI', '--name', 'Situation created by the CLI']).status).toBe(0)
    const created = run(
      [
        'user',
        'create',
        '--email',
        'cli.user@example.org',
        '--name',
        'Cli User',
        '--org',
        'ICC-REGISTRY',
        '--role',
        'officer',
        '--compartment',
        'SIT-CLI',
        '--password-stdin',
      ],
      'a long enough passphrase for a registry officer\n',
    )
    expect(created.stderr).toBe('')
    expect(created.status).toBe(0)
    expect(created.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/)
    const token = run(['token', 'create', '--email', 'cli.user@example.org', '--days', '7'])
    expect(token.status).toBe(0)
    const value = token.stdout.trim()
    expect(value).toMatch(/^p9_[A-Za-z0-9_-]{43}$/)
    const res = await app.inject({ url: '/api/v1/account/tokens', headers: { authorization: `Bearer ${value}` } })
    expect(res.statusCode).toBe(200)
    expect(res.json().items).toHaveLength(1)
  })

  it('refuse a weak password, an unknown organisation and a role the organisation cannot give', () => {
    const weak = run(
      [
        'user',
        'create',
        '--email',
        'w@example.org',
        '--name',
        'W',
        '--org',
        'NLD',
        '--role',
        'officer',
        '--password-stdin',
      ],
      'password123\n',
    )
    expect(weak.status).toBe(3)
    expect(weak.stderr).toContain('PASSWORD_REJECTED')
    expect(
      run([
        'user',
        'create',
        '--email',
        'x@example.org',
        '--name',
        'X',
        '--org',
        'NOPE',
        '--role',
        'officer',
        '--token-only',
      ]).stderr,
    ).toContain('ORGANISATION_NOT_FOUND')
    expect(
      run([
        'user',
        'create',
        '--email',
        'y@example.org',
        '--name',
        'Y',
        '--org',
        'NLD',
        '--role',
        'approver',
        '--token-only',
      ]).stderr,
    ).toContain('ROLE_NOT_ALLOWED')
  })

  it('disable a user, which revokes their tokens, and enable them again', async () => {
    run([
      'user',
      'create',
      '--email',
      'machine@example.org',
      '--name',
      'Machine',
      '--org',
      'NLD',
      '--role',
      'focal-point',
      '--token-only',
    ])
    const value = run(['token', 'create', '--email', 'machine@example.org']).stdout.trim()
    const headers = { authorization: `Bearer ${value}` }
    expect((await app.inject({ url: '/api/v1/account/sessions', headers })).statusCode).toBe(200)
    expect(run(['user', 'disable', '--email', 'machine@example.org']).stdout).toContain('disabled')
    expect((await app.inject({ url: '/api/v1/account/sessions', headers })).statusCode).toBe(401)
    expect(run(['user', 'enable', '--email', 'machine@example.org']).stdout).toContain('active')
    expect(run(['user', 'reset-mfa', '--email', 'machine@example.org']).status).toBe(0)
    expect(run(['user', 'disable', '--email', 'nobody@example.org']).status).toBe(3)
  })
})
