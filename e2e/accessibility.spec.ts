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
})
