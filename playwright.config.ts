import { execSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { defineConfig } from '@playwright/test'

// Debian's Chromium, never a downloaded browser; Playwright needs its absolute path.
const chromiumPath = process.env.CHROMIUM_PATH ?? execSync('command -v chromium').toString().trim()
const port = 4180
// A fresh data directory per run. It is made here rather than in the shell so that tests can also
// run the CLI on the server's database (workers inherit the variable from the main process).
process.env.PARTNINE_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'partnine-e2e-'))
const dataDir = process.env.PARTNINE_E2E_DATA_DIR

export default defineConfig({
  testDir: 'e2e',
  reporter: [['list']],
  workers: 2,
  fullyParallel: false,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1366, height: 900 },
    locale: 'en-GB',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  // The real server on a fresh data directory: migrations, reference data and the demo load on start.
  webServer: {
    command: `bash -c 'node scripts/ensure-web-build.mjs && PARTNINE_DATA_DIR=${dataDir} PARTNINE_PORT=${port} PARTNINE_LOG_LEVEL=warn exec bin/partnine serve'`,
    url: `http://127.0.0.1:${port}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
