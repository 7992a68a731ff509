import { DEMO_PASSWORD, msToNextWindow, signIn, submitPassword, totpNow } from './auth-helpers.ts'
import { expect, screenshot, test, useLanguage } from './fixtures.ts'

test.describe('Sign-in and account', () => {
  test.describe.configure({ timeout: 90_000 })

  test('signs in a demo user with two-step verification, then signs out', async ({ page, consoleProblems }) => {
    await useLanguage(page, 'en')
    await page.goto('/account')
    // A page that needs sign-in goes to the sign-in page, which remembers where to come back.
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
    await expect(page.getByTestId('sign-in-link')).toBeVisible()

    // Demo mode: the fictional accounts, the shared password and the current code.
    const demo = page.getByTestId('demo-accounts')
    await expect(demo.getByRole('heading', { name: 'Fictional demo accounts' })).toBeVisible()
    await expect(demo.getByTestId('demo-password')).toHaveText(DEMO_PASSWORD)
    await expect(demo.getByTestId('demo-code')).toHaveText(/^\d{6}$/)
    await screenshot(page, 'sign-in-en')
    await demo.getByRole('button', { name: 'Use the account of Rita Registry (fictional)' }).click()
    await expect(page.getByLabel('E-mail address')).toHaveValue('registry.officer@demo.invalid')
    await expect(page.getByRole('textbox', { name: 'Password', exact: true })).toHaveValue(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Continue' }).click()

    await expect(page.getByRole('heading', { level: 1, name: 'Two-step verification' })).toBeVisible()
    await expect(page.getByText('Signing in as registry.officer@demo.invalid.')).toBeVisible()
    await screenshot(page, 'sign-in-mfa-en')
    // The code shown by the demo endpoint is this window's code. Another test signing in this
    // account in the same window (two workers) uses it up: then the next window's code is shown.
    for (let attempt = 0; attempt < 2; attempt++) {
      const demoAccounts = await (await page.request.get('/api/v1/demo/accounts')).json()
      await page.getByLabel('Six-digit code').fill((demoAccounts as { currentCode: string }).currentCode)
      await page.getByRole('button', { name: 'Verify' }).click()
      const outcome = await Promise.race([
        page.waitForURL(/\/account$/).then(() => 'ok' as const),
        page
          .getByTestId('mfa-error')
          .waitFor()
          .then(() => 'used' as const),
      ])
      if (outcome === 'ok') break
      consoleProblems.allowedErrors.push(/status of 401.*\/api\/v1\/auth\/mfa/)
      await page.waitForTimeout(msToNextWindow())
    }

    await expect(page).toHaveURL(/\/account$/)
    const menu = page.getByTestId('user-menu')
    await expect(menu).toHaveText('Rita Registry (fictional)')
    await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible()
    await expect(page.getByTestId('mfa-status')).toHaveText('On')
    await expect(page.getByTestId('sessions-table').getByTestId('current-session')).toHaveText('This session')
    // Navigation shows only what the role may use.
    const nav = page.getByRole('navigation', { name: 'Main navigation' })
    await expect(nav.getByRole('link', { name: 'Agreements' })).toBeVisible()
    await expect(nav.getByRole('link', { name: 'Administration' })).toHaveCount(0)
    await expect(nav.getByRole('link', { name: 'Audit trail' })).toHaveCount(0)

    await menu.click()
    await expect(page.getByTestId('user-menu-org')).toHaveText('ICC-REGISTRY · Officer')
    await screenshot(page, 'account-en')
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/sign-in/)
    await expect(page.getByTestId('sign-in-link')).toBeVisible()
    await expect(page.getByTestId('user-menu')).toHaveCount(0)
    const session = await (await page.request.get('/api/v1/auth/session')).json()
    expect(session.state).toBe('anonymous')
    await page.goto('/account')
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/)
    // Nothing but the refusal of a code used up by another test, if that happened.
    const allowed = consoleProblems.allowedErrors
    expect(consoleProblems.errors.filter((text) => !allowed.some((re) => re.test(text)))).toEqual([])
  })

  test('a wrong code or a wrong password shows a translated error', async ({ page, consoleProblems }) => {
    consoleProblems.allowedErrors.push(/status of 401.*\/api\/v1\/auth\/(mfa|login)/)
    await useLanguage(page, 'en')
    await page.goto('/sign-in')
    await submitPassword(page, 'otp.officer@demo.invalid', 'not the password')
    await expect(page.getByTestId('sign-in-error')).toContainText('Wrong e-mail address or password.')

    await submitPassword(page, 'otp.officer@demo.invalid')
    const current = await totpNow()
    const wrong = current === '000000' ? '111111' : '000000'
    await page.getByLabel('Six-digit code').fill(wrong)
    await page.getByRole('button', { name: 'Verify' }).click()
    await expect(page.getByTestId('mfa-error')).toContainText('This code is wrong, expired or was already used.')
    await page.getByLabel('Six-digit code').fill('12')
    await page.getByRole('button', { name: 'Verify' }).click()
    await expect(page.getByText('Enter the six digits of the code.')).toBeVisible()
    await screenshot(page, 'sign-in-wrong-code')
    // Starting over ends the half-open session.
    await page.getByRole('button', { name: 'Start over' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  })

  test('signs in and out in French', async ({ page }) => {
    await useLanguage(page, 'fr')
    await page.goto('/sign-in')
    await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Comptes de démonstration fictifs' })).toBeVisible()
    await signIn(page, 'chambers.officer@demo.invalid')
    await expect(page.getByRole('heading', { level: 1, name: 'Compte' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Sessions ouvertes' })).toBeVisible()
    await expect(page.getByTestId('current-session')).toHaveText('Cette session')
    await page.getByTestId('user-menu').click()
    await expect(page.getByTestId('user-menu-org')).toHaveText('ICC-CHAMBERS · Agent')
    await screenshot(page, 'account-fr')
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click()
    await expect(page.getByRole('link', { name: 'Se connecter', exact: true })).toBeVisible()
  })

  test('creates an API token, shown once, and revokes it', async ({ page }) => {
    await useLanguage(page, 'en')
    await signIn(page, 'tfv.officer@demo.invalid', '/sign-in?next=%2Faccount')
    await expect(page).toHaveURL(/\/account$/)
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('e2e script')
    await page.getByLabel('Valid for (days)').fill('30')
    await page.getByRole('checkbox', { name: 'Write' }).check()
    await page.getByRole('button', { name: 'Create token' }).click()
    const token = page.getByTestId('new-token-value')
    await expect(token).toHaveText(/\S{20,}/)
    const value = (await token.textContent()) ?? ''
    // The token works as a bearer credential.
    const me = await page.request.get('/api/v1/account/tokens', { headers: { authorization: `Bearer ${value}` } })
    expect(me.status()).toBe(200)
    const row = page.getByTestId('tokens-table').getByRole('row', { name: /e2e script/ })
    await expect(row).toContainText('Read, Write')
    await page.getByRole('button', { name: 'I have copied it' }).click()
    await expect(page.getByTestId('new-token')).toHaveCount(0)

    await row.getByRole('button', { name: 'Revoke the token e2e script' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click()
    await expect(row).toContainText('Revoked')
  })
})
