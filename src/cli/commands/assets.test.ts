import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AssetsWorld,
  createAsset,
  createAssetsWorld,
  destroyAssetsWorld,
  orderExpiringIn,
  step,
} from '../../../test/assets-world.ts'

// `partnine assets sweep-alerts`: the server's sweep, on demand, on the same database.
const bin = path.resolve(import.meta.dirname, '../../../bin/partnine')
let w: AssetsWorld
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  w = await createAssetsWorld()
  // The CLI runs on the machine's clock: the world's follows it here.
  w.clock.now = new Date()
  env = {
    PATH: process.env.PATH,
    PARTNINE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'partnine-cli-assets-')),
    PARTNINE_DATABASE_URL: w.db.databaseUrl,
    PARTNINE_SESSION_KEY: 'cli-test-session-key-0123456789abcdef',
    PARTNINE_ENCRYPTION_KEY: 'cli-test-encryption-key-0123456789abc',
    PARTNINE_AUDIT_SIGNING_KEY: Buffer.alloc(32, 3).toString('base64'),
  }
})
afterAll(async () => destroyAssetsWorld(w))

const run = (...args: string[]) => spawnSync(bin, args, { env, encoding: 'utf8', timeout: 60_000 })

describe('partnine assets sweep-alerts', () => {
  it('raises the alert of an order lapsing within 30 days once, however often it runs', async () => {
    const asset = await createAsset(w)
    const res = await step(w, asset.id, {
      action: 'freeze',
      requestId: w.requests.assetsNld,
      order: orderExpiringIn(w, 10, 'CLI-1'),
    })
    expect(res.statusCode, res.body).toBe(200)
    // As if the order had been recorded before the window: no alert yet.
    await w.db.db.deleteFrom('asset_alerts').where('asset_id', '=', asset.id).execute()

    const first = run('assets', 'sweep-alerts')
    expect(first.status, first.stderr).toBe(0)
    expect(JSON.parse(first.stdout)).toMatchObject({ raised: 1, asOf: w.clock.now.toISOString().slice(0, 10) })
    const again = run('assets', 'sweep-alerts')
    expect(JSON.parse(again.stdout)).toMatchObject({ raised: 0 })
    const rows = await w.db.db.selectFrom('asset_alerts').select('status').where('asset_id', '=', asset.id).execute()
    expect(rows).toEqual([{ status: 'open' }])
  })

  it('prints its usage with exit code 2 for an unknown subcommand', () => {
    const res = run('assets', 'sweep')
    expect(res.status).toBe(2)
    expect(res.stderr).toContain('usage: partnine assets sweep-alerts')
  })
})
