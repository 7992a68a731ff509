import { randomBytes } from 'node:crypto'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { inject } from 'vitest'
import type { Config, Dialect } from '../src/server/config.ts'
import { createDb, type DbHandle } from '../src/server/db/database.ts'
import { testSecrets } from './context.ts'

export const testDialect: Dialect = process.env.PARTNINE_TEST_DB === 'postgres' ? 'postgres' : 'sqlite'

export type TestDb = DbHandle & {
  databaseUrl: string
  sqlitePath: string | null
  /** Closes the connection and drops the database. */
  destroy: () => Promise<void>
}

/**
 * A fresh database for one test file, on the dialect of the current project: migrated and
 * loaded with reference data (`seeded`), or empty (for migration tests).
 */
export async function createTestDb(options: { seeded?: boolean } = {}): Promise<TestDb> {
  const seeded = options.seeded ?? true
  if (testDialect === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'partnine-test-'))
    const file = path.join(dir, 'test.db')
    if (seeded) copyFileSync(inject('sqliteTemplate'), file)
    const handle = createDb({ dialect: 'sqlite', sqlitePath: file, databaseUrl: `sqlite:${file}` })
    return {
      ...handle,
      databaseUrl: `sqlite:${file}`,
      sqlitePath: file,
      destroy: async () => {
        await handle.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const name = `t_${randomBytes(6).toString('hex')}`
  const admin = createDb({ dialect: 'postgres', sqlitePath: null, databaseUrl: `${inject('pgBaseUrl')}postgres` })
  await (seeded
    ? sql`create database ${sql.id(name)} template ${sql.id(inject('pgTemplate'))}`
    : sql`create database ${sql.id(name)}`
  ).execute(admin.db)
  const databaseUrl = `${inject('pgBaseUrl')}${name}`
  const handle = createDb({ dialect: 'postgres', sqlitePath: null, databaseUrl })
  return {
    ...handle,
    databaseUrl,
    sqlitePath: null,
    destroy: async () => {
      await handle.close()
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db)
      await admin.close()
    },
  }
}

/** A Config for buildApp in tests, pointing at a test database. */
export function testConfig(
  db: Pick<TestDb, 'databaseUrl' | 'sqlitePath' | 'dialect'>,
  overrides: Partial<Config> = {},
): Config {
  return {
    host: '127.0.0.1',
    port: 0,
    dataDir: tmpdir(),
    databaseUrl: db.databaseUrl,
    dialect: db.dialect,
    sqlitePath: db.sqlitePath,
    demo: false,
    logLevel: 'silent',
    bodyLimit: 1024 * 1024,
    documentMaxBytes: 10 * 1024 * 1024,
    trustProxy: false,
    webDir: path.join(tmpdir(), 'partnine-no-web'),
    secrets: testSecrets,
    publicUrl: 'http://127.0.0.1:8080',
    oidcProviders: [],
    mail: null,
    notices: [],
    ...overrides,
  }
}
