import { defineConfig } from 'vitest/config'

// Every suite runs twice: once on SQLite, once on a throwaway PostgreSQL that test/global-setup.ts
// starts with the machine's initdb/pg_ctl. A difference between the two is a failing test.
const shared = {
  include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  exclude: ['e2e/**', 'node_modules/**', 'src/web/**'],
  globalSetup: ['test/global-setup.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
}

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'sqlite', env: { PARTNINE_TEST_DB: 'sqlite' } } },
      {
        test: {
          ...shared,
          name: 'postgres',
          env: { PARTNINE_TEST_DB: 'postgres' },
          // Suites about the embedded database itself (pragmas, crash durability of the file).
          exclude: [...shared.exclude, '**/*.sqlite-only.test.ts'],
        },
      },
    ],
  },
})
