import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildApp } from './app.ts'
import type { Config } from './config.ts'
import { createDb } from './db/database.ts'

/** The OpenAPI document as the routes declare it; needs no database (nothing is queried). */
export async function generateOpenApiDocument(): Promise<unknown> {
  const config: Config = {
    host: '127.0.0.1',
    port: 0,
    dataDir: tmpdir(),
    databaseUrl: 'sqlite::memory:',
    dialect: 'sqlite',
    sqlitePath: path.join(tmpdir(), 'partnine-openapi-unused.db'),
    demo: false,
    logLevel: 'silent',
    bodyLimit: 1024 * 1024,
    documentMaxBytes: 10 * 1024 * 1024,
    trustProxy: false,
    webDir: path.join(tmpdir(), 'partnine-no-web'),
    secrets: {
      sessionKey: 'unused-unused-unused-unused-unused-00',
      encryptionKey: 'unused-unused-unused-unused-unused-00',
      auditSigningKey: Buffer.alloc(32, 7).toString('base64'),
    },
    publicUrl: 'http://127.0.0.1:8080',
    oidcProviders: [],
    mail: null,
    notices: [],
  }
  const handle = createDb(config)
  const app = await buildApp(config, { db: handle })
  await app.ready()
  const doc = app.swagger()
  await app.close()
  await handle.close()
  return doc
}
