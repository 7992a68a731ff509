import { signIn } from './auth-helpers.ts'
import { expect, screenshot, test, useLanguage } from './fixtures.ts'

const WITNESS = 'Witness relocation agreement (fictional demo)'

// Need-to-know, as the UI shows it: the confidential agreement with the Netherlands appears to its
// addressee only.
test.describe('Agreements and need-to-know', () => {
  test.describe.configure({ timeout: 90_000 })

  test('anonymous visitors see public agreements only', async ({ page }) => {
    await useLanguage(page, 'en')
    await page.goto('/agreements')
    await expect(page.getByRole('heading', { level: 1, name: 'Agreements' })).toBeVisible()
    await expect(page.getByTestId('agreements-public-only')).toBeVisible()
    const table = page.getByTestId('agreements-table')
    await expect(
      table.getByRole('link', { name: 'Declared capacity for enforcement of sentences (fictional demo)' }),
    ).toBeVisible()
    await expect(table.getByText(WITNESS)).toHaveCount(0)
    await expect(table.getByTestId('classification').filter({ hasNotText: 'Public' })).toHaveCount(0)
  })

  test('the Argentine focal point does not see the confidential agreement', async ({ page }) => {
    await useLanguage(page, 'en')
    await signIn(page, 'arg.focal-point@demo.invalid', '/sign-in?next=%2Fagreements')
    await expect(page).toHaveURL(/\/agreements$/)
    await expect(page.getByTestId('agreements-table').locator('tbody tr').first()).toBeVisible()
    await expect(page.getByTestId('agreements-table').getByText(WITNESS)).toHaveCount(0)
  })

  test('the Dutch focal point sees the confidential witness relocation agreement, in EN and FR', async ({ page }) => {
    await useLanguage(page, 'en')
    await signIn(page, 'nld.focal-point@demo.invalid', '/sign-in?next=%2Fagreements')
    const row = page
      .getByTestId('agreements-table')
      .getByRole('row', { name: new RegExp(WITNESS.replace(/[()]/g, '\\$&')) })
    await expect(row.getByTestId('classification')).toHaveText('Confidential')
    await screenshot(page, 'agreements-nld-en')
    await row.getByRole('link', { name: WITNESS }).click()
    await expect(page.getByRole('heading', { level: 1, name: WITNESS })).toBeVisible()
    await expect(page.getByTestId('agreement-detail')).toContainText('UNIT-VWS')
    await page.getByRole('button', { name: 'Français' }).click()
    await expect(page.getByTestId('agreement-detail').getByTestId('classification')).toHaveText('Confidentiel')
    await page.getByRole('link', { name: 'Tous les accords' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Accords' })).toBeVisible()
    await expect(
      page.getByTestId('agreements-table').getByTestId('classification').getByText('Confidentiel'),
    ).toBeVisible()
  })
})
