import { signIn } from './auth-helpers.ts'
import { expect, expectNoAxeViolations, screenshot, test, useLanguage } from './fixtures.ts'

// The public list of persons sought is the reference data's public warrants, with years at large;
// Court staff also see the sealed ones of their compartments, marked sealed.
test.describe('Persons sought', () => {
  test.describe.configure({ timeout: 90_000 })

  test('anonymous visitors see the public warrants of the reference data, with years at large', async ({ page }) => {
    await useLanguage(page, 'en')
    await page.goto('/persons-sought')
    await expect(page.getByRole('heading', { level: 1, name: 'Persons sought' })).toBeVisible()
    await expect(page.getByTestId('persons-sought-public-only')).toBeVisible()
    const table = page.getByTestId('persons-sought-table')
    const kony = table.getByRole('row', { name: /Joseph Kony/ })
    await expect(kony).toContainText('Situation in Uganda')
    await expect(kony.getByTestId('years-at-large')).toHaveText(/^about 2\d(\.\d)? years$/)
    await expect(kony.getByTestId('warrant-status')).toHaveText('At large')
    await expect(kony.getByTestId('badge-verified')).toBeVisible()
    await expect(table.getByRole('row', { name: /Vladimir Vladimirovich Putin/ })).toBeVisible()
    // Sealed demo warrants never reach the public list.
    await expect(table.getByText('Fictional Person A (fictional)')).toHaveCount(0)
    await expect(table.getByTestId('sealed')).toHaveCount(0)
    await expectNoAxeViolations(page)
    await screenshot(page, 'persons-sought-en')

    await page.getByLabel('Name or alias').fill('al kani')
    await expect(table.locator('tbody tr')).toHaveCount(1)
    await expect(table).toContainText('Abdurahem Khalefa Abdurahem Elshgagi')
  })

  test("a person's page shows the warrant, its timeline and sources, in EN and FR", async ({ page }) => {
    await useLanguage(page, 'en')
    await page.goto('/persons-sought')
    await page.getByTestId('persons-sought-table').getByRole('link', { name: 'Joseph Kony' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Joseph Kony' })).toBeVisible()
    await expect(page.getByTestId('person-sought-detail')).toContainText('Situation in Uganda')
    await expect(page.getByTestId('person-sought-detail').getByTestId('years-at-large')).toContainText(
      'counted from 1 January',
    )
    const warrant = page.getByTestId('warrant').first()
    await expect(warrant).toContainText('Crimes against humanity')
    await expect(warrant.getByTestId('warrant-timeline')).toContainText('2005 (July 2005 per Channel 4)')
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Français' }).click()
    await expect(warrant.getByTestId('warrant-timeline').getByTestId('warrant-status').first()).toHaveText('En fuite')
    await expect(warrant).toContainText("Crimes contre l'humanité")
    await screenshot(page, 'person-sought-fr')
    await page.getByRole('link', { name: 'Toutes les personnes recherchées' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Personnes recherchées' })).toBeVisible()
    await expect(page.getByTestId('persons-sought-table').getByRole('row', { name: /Joseph Kony/ })).toContainText(
      /environ 2\d/,
    )
    await expectNoAxeViolations(page)
  })

  test('Court staff of the compartment also see the sealed warrants, marked sealed', async ({ page }) => {
    await useLanguage(page, 'en')
    await signIn(page, 'registry.approver@demo.invalid', '/sign-in?next=%2Fpersons-sought')
    await expect(page).toHaveURL(/\/persons-sought$/)
    const row = page.getByTestId('persons-sought-table').getByRole('row', { name: /Fictional Person A \(fictional\)/ })
    await expect(row.getByTestId('sealed')).toHaveText('Under seal')
    await row.getByRole('link', { name: 'Fictional Person A (fictional)' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Fictional Person A (fictional)' })).toBeVisible()
    await expect(page.getByTestId('warrant').first()).toContainText('Pre-Trial Chamber II (fictional)')
    await expect(page.getByRole('button', { name: 'Lift the seal' })).toBeVisible()
    await expect(page.getByTestId('person-edit').getByLabel('Aliases')).toHaveValue('"Commander A" (fictional)')
    await screenshot(page, 'person-sought-court-en')
    await expectNoAxeViolations(page)
  })
})
