import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../../test/db.ts'

const bin = path.resolve(import.meta.dirname, '../../../bin/partnine')
let db: TestDb
let env: NodeJS.ProcessEnv
let outDir: string

beforeAll(async () => {
  db = await createTestDb()
  outDir = mkdtempSync(path.join(tmpdir(), 'partnine-audit-export-'))
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
const openssl = () =>
  spawnSync(
    'openssl',
    [
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      path.join(outDir, 'audit-public.pem'),
      '-rawin',
      '-in',
      path.join(outDir, 'checkpoint.json'),
      '-sigfile',
      path.join(outDir, 'checkpoint.sig'),
    ],
    { encoding: 'utf8' },
  )

function flipByte(file: string, index: number) {
  const bytes = readFileSync(file)
  bytes[index] = (bytes[index] as number) ^ 0x01
  writeFileSync(file, bytes)
}

describe('partnine audit', () => {
  it('signs a checkpoint and verifies the trail with exit code 0', () => {
    const checkpoint = run('audit', 'checkpoint', '--reason', 'test')
    expect(checkpoint.status).toBe(0)
    expect(JSON.parse(checkpoint.stdout)).toMatchObject({
      reason: 'test',
      createdBy: expect.stringMatching(/^operator:/),
    })
    const verify = run('audit', 'verify')
    expect(verify.status).toBe(0)
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, checkpointsVerified: 1, keyTrusted: true })
  })

  it('exports a checkpoint that openssl alone verifies, and rejects once a byte is flipped', () => {
    const exported = run('audit', 'export-checkpoint', '--out', outDir)
    expect(exported.status).toBe(0)
    expect(JSON.parse(exported.stdout).verifyWith).toMatch(/^openssl pkeyutl -verify/)
    const ok = openssl()
    expect(ok.stdout + ok.stderr).toMatch(/Signature Verified Successfully/)
    expect(ok.status).toBe(0)

    flipByte(path.join(outDir, 'checkpoint.json'), 20)
    expect(openssl().status).not.toBe(0)
    flipByte(path.join(outDir, 'checkpoint.json'), 20)
    expect(openssl().status).toBe(0)
    flipByte(path.join(outDir, 'checkpoint.sig'), 5)
    expect(openssl().status).not.toBe(0)
  })

  it('exits with 3 and names the entry when the trail was tampered with', async () => {
    const first = await db.db.selectFrom('audit_events').select('id').orderBy('id').executeTakeFirstOrThrow()
    await db.db.updateTable('audit_events').set({ actor: 'operator:mallory' }).where('id', '=', first.id).execute()
    const verify = run('audit', 'verify')
    expect(verify.status).toBe(3)
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: false, firstBadEventId: first.id })
  })

  it('answers a usage error with exit code 2', () => {
    expect(run('audit', 'sideways').status).toBe(2)
  })
})
