import { execSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { defineConfig } from '@playwright/test'

// Debian's Chromium, never a downloaded browser; Playwright needs its absolute path.
const chromiumPath = process.env.CHROMIUM_PATH ?? execSync('command -v chromium').toString().trim()
// Ports may be moved (PARTNINE_E2E_PORT, PARTNINE_E2E_IDP_PORT) so that two runs can share a machine.
const port = Number(process.env.PARTNINE_E2E_PORT ?? 4180)
// A fresh data directory per run. It is made here rather than in the shell so that tests can also
// run the CLI on the server's database (workers inherit the variable from the main process).
process.env.PARTNINE_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'partnine-e2e-'))
const dataDir = process.env.PARTNINE_E2E_DATA_DIR
// The test identity provider of e2e/sso.spec.ts (test/oidc-idp-server.ts), and the app's view of it.
// Not 4190: fetch and Chromium refuse that port (ManageSieve is on the fetch spec's list of bad ports).
const idpPort = Number(process.env.PARTNINE_E2E_IDP_PORT ?? 4191)
// The test SMTP server (test/smtp-sink-server.ts): the platform sends its notifications there, and
// it writes each mail it receives in mailDir (e2e/notifications.spec.ts reads them).
const smtpPort = Number(process.env.PARTNINE_E2E_SMTP_PORT ?? 4125)
process.env.PARTNINE_E2E_MAIL_DIR ??= path.join(dataDir, 'mail-received')
const mailDir = process.env.PARTNINE_E2E_MAIL_DIR
const ssoProviders = [
  {
    id: 'test-idp',
    name: 'Test IdP',
    issuer: `http://127.0.0.1:${idpPort}`,
    clientId: 'partnine-e2e',
    clientSecret: 'partnine-e2e-secret-0123456789',
    orgCode: 'ASP',
  },
]

export default defineConfig({
  testDir: 'e2e',
  reporter: [['list']],
  workers: 2,
  // Browser tests share demo accounts whose TOTP codes are accepted once per 30-s window: one retry
  // absorbs a collision between two sign-ins of the same account (reported as flaky, not hidden).
  retries: 1,
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
  webServer: [
    {
      command: `bash -c 'node scripts/ensure-web-build.mjs && PARTNINE_DATA_DIR=${dataDir} PARTNINE_PORT=${port} PARTNINE_LOG_LEVEL=warn exec bin/partnine serve'`,
      url: `http://127.0.0.1:${port}/readyz`,
      env: {
        PARTNINE_OIDC_PROVIDERS: JSON.stringify(ssoProviders),
        PARTNINE_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        PARTNINE_MAIL_FROM: 'Part IX (browser tests) <no-reply@partnine.test>',
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'node --disable-warning=ExperimentalWarning test/oidc-idp-server.ts',
      url: `http://127.0.0.1:${idpPort}/.well-known/openid-configuration`,
      env: {
        PARTNINE_TEST_IDP_PORT: String(idpPort),
        PARTNINE_TEST_IDP_REDIRECT_URI: `http://127.0.0.1:${port}/api/v1/auth/oidc/test-idp/callback`,
      },
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'node --disable-warning=ExperimentalWarning test/smtp-sink-server.ts',
      port: smtpPort,
      env: { PARTNINE_TEST_SMTP_PORT: String(smtpPort), PARTNINE_TEST_MAIL_DIR: mailDir },
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
})
