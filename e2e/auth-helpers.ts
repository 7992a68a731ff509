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
 * Signs in a demo account through the UI: password, then the TOTP code. A code is accepted once
 * per account; if another test used this window's code already, the next window's code is used.
 */
export async function signIn(page: Page, email: string, path = '/sign-in') {
  await page.goto(path)
  await submitPassword(page, email)
  const codeInput = page.locator('input[name="code"]')
  await expect(codeInput).toBeVisible()
  for (let attempt = 0; attempt < 2; attempt++) {
    await codeInput.fill(await totpNow())
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
    // This window's code was used already (by another test): the 401 is expected, wait for the next.
    consoleProblemsOf.get(page)?.allowedErrors.push(/status of 401.*\/api\/v1\/auth\/mfa/)
    await page.waitForTimeout(msToNextWindow())
  }
  await expect(page.getByTestId('user-menu')).toBeVisible()
}
