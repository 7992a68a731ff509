import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { generate } from 'otplib'
import { consoleProblemsOf, expect, type Page } from './fixtures.ts'

// The fictional demo accounts share one password and one TOTP secret (shown on the sign-in page).
export const DEMO_PASSWORD = 'demo passphrase for part nine'
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

export function totpNow(offsetSeconds = 0) {
  return generate({ secret: DEMO_TOTP_SECRET, epoch: Math.floor(Date.now() / 1000) + offsetSeconds })
}

/** Milliseconds until the next 30-second TOTP window starts. */
export function msToNextWindow() {
  return 30_000 - (Date.now() % 30_000) + 300
}

export async function submitPassword(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('form button[type="submit"]').click()
}

/**
 * Which 30-second TOTP window this worker may use for an account: the current one, unless another
 * worker of this run has used it already, then the next free one. The server accepts each code
 * once per account, so two workers signing in the same demo account in one window would make
 * one of them fail. Claims are kept per run in the e2e data folder; mkdir is the lock.
 */
async function claimWindow(email: string): Promise<number> {
  const dir = path.join(process.env.PARTNINE_E2E_DATA_DIR ?? tmpdir(), 'totp-windows')
  mkdirSync(dir, { recursive: true })
  const lock = path.join(dir, `${email}.lock`)
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }
  try {
    const file = path.join(dir, email)
    const last = existsSync(file) ? Number(readFileSync(file, 'utf8')) : -1
    const window = Math.max(Math.floor(Date.now() / 30_000), last + 1)
    writeFileSync(file, String(window))
    return window
  } finally {
    rmdirSync(lock)
  }
}

/** The code of a claimed window, once that window has begun. */
async function codeOfClaimedWindow(page: Page, email: string) {
  const window = await claimWindow(email)
  const wait = window * 30_000 - Date.now()
  if (wait > 0) await page.waitForTimeout(wait + 300)
  return generate({ secret: DEMO_TOTP_SECRET, epoch: window * 30 + 1 })
}

/**
 * Signs in a demo account through the UI: password, then the TOTP code of a window no other
 * worker of this run has claimed for the account (a code is accepted once per account).
 */
export async function signIn(page: Page, email: string, path = '/sign-in') {
  await page.goto(path)
  await submitPassword(page, email)
  const codeInput = page.locator('input[name="code"]')
  await expect(codeInput).toBeVisible()
  for (let attempt = 0; attempt < 2; attempt++) {
    await codeInput.fill(await codeOfClaimedWindow(page, email))
    await page.locator('form button[type="submit"]').click()
    const outcome = await Promise.race([
      page
        .getByTestId('user-menu')
        .waitFor()
        .then(() => 'ok' as const),
      page
        .getByTestId('mfa-error')
        .waitFor()
        .then(() => 'error' as const),
    ])
    if (outcome === 'ok') return
    // The code was used already (by a test signing in by hand, outside the claims): the 401 is
    // expected, and the next claim is a later window.
    consoleProblemsOf.get(page)?.allowedErrors.push(/status of 401.*\/api\/v1\/auth\/mfa/)
  }
  await expect(page.getByTestId('user-menu')).toBeVisible()
}
