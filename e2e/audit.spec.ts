import { signIn } from './auth-helpers.ts'
import { expect, expectNoAxeViolations, screenshot, test, useLanguage } from './fixtures.ts'

test.describe('Audit trail', () => {
  test.describe.configure({ timeout: 90_000 })

  test('the auditor filters the trail, verifies it and signs a checkpoint', async ({ page }) => {
    await useLanguage(page, 'en')
    await signIn(page, 'auditor@demo.invalid', '/sign-in?next=%2Faudit')
    await expect(page).toHaveURL(/\/audit$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible()
    const table = page.getByTestId('audit-table')
    await expect(table.locator('tbody tr').first()).toBeVisible()
    // On a small laptop the whole row is in view: e-mails, ids and details wrap instead of widening it.
    await page.setViewportSize({ width: 1024, height: 900 })
    const overflow = await table.evaluate((t) => t.scrollWidth - (t.parentElement?.clientWidth ?? 0))
    expect(overflow).toBeLessThanOrEqual(0)
    await page.setViewportSize({ width: 1366, height: 900 })
    await expectNoAxeViolations(page)

    // Filter: the auditor's own sign-in.
    await page.getByLabel('Action').fill('auth.login')
    await page.getByLabel('Actor').fill('user:auditor@demo.invalid')
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await expect(table.locator('tbody tr').first()).toContainText('user:auditor@demo.invalid')
    const actions = await table.locator('tbody tr td:nth-child(4)').allTextContents()
    expect(actions.length).toBeGreaterThan(0)
    expect(new Set(actions)).toEqual(new Set(['auth.login']))

    // A period in the app's format (dd/mm/yyyy, 24-hour times), on the browser's clock: from today
    // keeps the sign-in just made; until yesterday leaves nothing.
    const [today, yesterday] = await page.evaluate(() => {
      const day = (d: Date) =>
        `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`
      return [day(new Date()), day(new Date(Date.now() - 86_400_000))]
    })
    await page.getByRole('textbox', { name: 'From', exact: true }).fill(today as string)
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await expect(table.locator('tbody tr').first()).toContainText('user:auditor@demo.invalid')
    await page.getByRole('textbox', { name: 'Until', exact: true }).fill(yesterday as string)
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await expect(page.getByTestId('audit-empty')).toHaveText('No event matches these filters.')
    // A time that is not one is said, and the form does not apply it.
    await page.getByLabel('End time').fill('25:00')
    await expect(page.getByText('Enter a time as hh:mm (24-hour clock)')).toBeVisible()
    await page.getByLabel('End time').fill('23:00')
    await page.getByRole('textbox', { name: 'Until', exact: true }).fill('')
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await expect(table.locator('tbody tr').first()).toContainText('user:auditor@demo.invalid')
    await page.getByRole('button', { name: 'Clear' }).click()

    // A filter that matches nothing.
    await page.getByLabel('Action').fill('no.such_action')
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await expect(page.getByTestId('audit-empty')).toHaveText('No event matches these filters.')
    await page.getByRole('button', { name: 'Clear' }).click()
    await expect(table.locator('tbody tr').first()).toBeVisible()

    // Verify the chain.
    await page.getByRole('button', { name: 'Verify now' }).click()
    const report = page.getByTestId('verify-report')
    await expect(report).toContainText('The audit trail is intact')
    await expect(report).toContainText(/\d+ events? checked\./)

    // Sign a checkpoint; it becomes the latest.
    await page.getByLabel('Reason for a new checkpoint').fill('Browser test checkpoint')
    await page.getByRole('button', { name: 'Sign a checkpoint' }).click()
    await expect(page.getByTestId('latest-checkpoint')).toContainText('Reason: Browser test checkpoint')
    await expect(page.getByTestId('latest-checkpoint')).toContainText('by user:auditor@demo.invalid')
    await expectNoAxeViolations(page)
    await screenshot(page, 'audit-en')
  })
})
