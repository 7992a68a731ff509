import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import type { TestProject } from 'vitest/node'
import { prepareDatabase } from '../src/server/boot/prepare-database.ts'
import { createDb } from '../src/server/db/database.ts'
import { systemCtx } from './context.ts'
import { startThrowawayPostgres } from './pg-server.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** SQLite: path of a migrated database with reference data, copied per test file. */
    sqliteTemplate: string
    /** PostgreSQL: base URL (without database) and the template database name. */
    pgBaseUrl: string
    pgTemplate: string
  }
}

const PG_TEMPLATE = 'partnine_template'

// Migrating and loading reference data once per run, then copying, keeps each test file's fresh
// database cheap (a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL).
export default async function setup(project: TestProject) {
  const dialect = project.config.env?.PARTNINE_TEST_DB ?? 'sqlite'
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'partnine-sqlite-'))
    const file = path.join(dir, 'template.db')
    const handle = createDb({ dialect: 'sqlite', sqlitePath: file, databaseUrl: `sqlite:${file}` })
    await prepareDatabase(systemCtx(handle.db), { demo: false })
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(handle.db)
    await handle.close()
    copyFileSync(file, `${file}.ready`)
    project.provide('sqliteTemplate', `${file}.ready`)
    project.provide('pgBaseUrl', '')
    project.provide('pgTemplate', '')
    return () => rmSync(dir, { recursive: true, force: true })
  }
  const server = await startThrowawayPostgres()
  const admin = createDb({ dialect: 'postgres', sqlitePath: null, databaseUrl: server.url('postgres') })
  await sql`create database ${sql.id(PG_TEMPLATE)}`.execute(admin.db)
  await admin.close()
  const template = createDb({ dialect: 'postgres', sqlitePath: null, databaseUrl: server.url(PG_TEMPLATE) })
  await prepareDatabase(systemCtx(template.db), { demo: false })
  await template.close()
  project.provide('sqliteTemplate', '')
  project.provide('pgBaseUrl', server.url(''))
  project.provide('pgTemplate', PG_TEMPLATE)
  return () => server.stop()
}
