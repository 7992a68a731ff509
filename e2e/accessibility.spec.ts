import { signIn } from './auth-helpers.ts'
import { expect, expectNoAxeViolations, test, useLanguage } from './fixtures.ts'

// WCAG 2.1 A and AA, as checked by axe-core, on the pages as a user sees them once loaded.
test.describe('Accessibility (axe-core, WCAG 2.1 AA)', () => {
  for (const language of ['en', 'fr'] as const) {
    test(`States page in ${language}`, async ({ page }) => {
      await useLanguage(page, language)
      await page.goto('/states')
      await expect(page.getByTestId('states-table').locator('tbody tr')).toHaveCount(50)
      await expect(page.getByTestId('states-map').locator('path').first()).toBeVisible()
      await expectNoAxeViolations(page)
    })

    test(`Sign-in page in ${language}`, async ({ page }) => {
      await useLanguage(page, language)
      await page.goto('/sign-in')
      await expect(page.getByTestId('demo-accounts').locator('tbody tr').first()).toBeVisible()
      await expectNoAxeViolations(page)
    })

    test(`State page in ${language}`, async ({ page }) => {
      await useLanguage(page, language)
      await page.goto('/states/NLD')
      await expect(page.getByTestId('facts-table')).toBeVisible()
      await expectNoAxeViolations(page)
    })
  }

  test('a filtered States page, after using the filters by keyboard', async ({ page }) => {
    await useLanguage(page, 'en')
    await page.goto('/states')
    await expect(page.getByTestId('states-map').locator('path').first()).toBeVisible()
    await page.getByRole('combobox', { name: 'Rome Statute status' }).focus()
    await page.keyboard.press('ArrowDown')
    await expect(page.getByRole('option', { name: 'Signatory' })).toBeVisible()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/status=withdrawn/)
    await expect(page.getByTestId('states-table')).toContainText('Withdrawn')
    await expectNoAxeViolations(page)
  })

  // The admin and audit pages are checked in admin.spec.ts and audit.spec.ts (one sign-in each).
  for (const [language, email] of [
    ['en', 'vws.officer@demo.invalid'],
    ['fr', 'un.focal-point@demo.invalid'],
  ] as const) {
    test(`Account page in ${language}, and the two-step step of sign-in`, async ({ page }) => {
      test.setTimeout(90_000)
      await useLanguage(page, language)
      await page.goto('/sign-in')
      await page.locator('input[name="email"]').fill(email)
      await page.locator('input[name="password"]').fill('demo passphrase for part nine')
      await page.locator('form button[type="submit"]').click()
      await expect(page.locator('input[name="code"]')).toBeVisible()
      await expectNoAxeViolations(page)
      await page.getByRole('button', { name: language === 'en' ? 'Start over' : 'Recommencer' }).click()
      await signIn(page, email, '/sign-in?next=%2Faccount')
      await expect(page.getByTestId('sessions-table')).toBeVisible()
      await expect(
        page
          .getByTestId('tokens-table')
          .or(page.getByText(language === 'en' ? 'You have no API tokens.' : 'Vous n’avez aucun jeton d’API.')),
      ).toBeVisible()
      await expectNoAxeViolations(page)
    })
  }
})
