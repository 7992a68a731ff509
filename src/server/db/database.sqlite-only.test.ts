import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openSqlite, readSqlitePragmas } from './database.ts'

// SQLite-only: the postgres project excludes *.sqlite-only.test.ts (see vitest.config.ts).
describe('openSqlite', () => {
  it('opens the embedded database with WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const sqlite = openSqlite(path.join(mkdtempSync(path.join(tmpdir(), 'partnine-db-')), 'x.db'))
    expect(readSqlitePragmas(sqlite)).toEqual({
      journal_mode: 'wal',
      synchronous: 2,
      foreign_keys: 1,
      busy_timeout: 5000,
    })
    sqlite.close()
  })

  it('refuses a database where SQLite ignores the WAL pragma', () => {
    // An in-memory database cannot be in WAL mode: SQLite silently keeps "memory".
    expect(() => openSqlite(':memory:')).toThrow(/journal_mode=memory \(want wal\)/)
  })
})
