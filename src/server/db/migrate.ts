import { type MigrationResultSet, Migrator } from 'kysely/migration'
import { AppError } from '../errors.ts'
import type { RootDb } from './database.ts'
import { migrationProvider } from './migrations/index.ts'

export type MigrationStatus = { name: string; executedAt: string | null }

function migratorFor(db: RootDb) {
  return new Migrator({ db, provider: migrationProvider })
}

function unwrap(result: MigrationResultSet) {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName
    throw new AppError('DATABASE_UNAVAILABLE', `Migration ${failed ?? ''} failed: ${String(result.error)}`)
  }
  return (result.results ?? []).map((r) => ({ name: r.migrationName, direction: r.direction, status: r.status }))
}

export async function migrateToLatest(db: RootDb) {
  return unwrap(await migratorFor(db).migrateToLatest())
}

/** Up or down to the migration `name` (tests of one migration among later ones). */
export async function migrateTo(db: RootDb, name: string) {
  return unwrap(await migratorFor(db).migrateTo(name))
}

export async function migrateDown(db: RootDb) {
  return unwrap(await migratorFor(db).migrateDown())
}

export async function listMigrations(db: RootDb): Promise<MigrationStatus[]> {
  const all = await migratorFor(db).getMigrations()
  return all.map((m) => ({ name: m.name, executedAt: m.executedAt ? m.executedAt.toISOString() : null }))
}

export async function isSchemaCurrent(db: RootDb): Promise<boolean> {
  const all = await listMigrations(db)
  return all.every((m) => m.executedAt !== null)
}
