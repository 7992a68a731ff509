import { signIn, totpNow } from './auth-helpers.ts'
import { expect, expectNoAxeViolations, screenshot, test, useLanguage } from './fixtures.ts'

test.describe('Administration', () => {
  test.describe.configure({ timeout: 120_000 })

  test('the admin invites a user, who enrols in two-step verification, then disables them', async ({
    page,
    browser,
  }) => {
    await useLanguage(page, 'en')
    await signIn(page, 'admin@demo.invalid', '/sign-in?next=%2Fadmin')
    await expect(page).toHaveURL(/\/admin$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible()
    const nav = page.getByRole('navigation', { name: 'Main navigation' })
    await expect(nav.getByRole('link', { name: 'Administration' })).toBeVisible()
    await expect(nav.getByRole('link', { name: 'Audit trail' })).toHaveCount(0)
    await expect(page.getByTestId('users-table').getByText('auditor@demo.invalid')).toBeVisible()
    await expect(page.getByTestId('compartments-table')).toContainText('UNIT-VWS')
    await expectNoAxeViolations(page)
    await screenshot(page, 'admin-en')

    // Invite: the organisation decides which roles are on offer.
    const email = `invited.${Date.now()}@example.org`
    const password = 'Quiet lanterns drift over seven harbours 2026'
    const form = page.getByTestId('invite-form')
    await form.getByLabel('E-mail address').fill(email)
    await form.getByLabel('Full name').fill('Ines Invited')
    await form.getByRole('combobox', { name: 'Organisation' }).fill('Netherlands')
    await page.getByRole('option', { name: /Netherlands \(NLD\)/ }).click()
    await form.getByRole('combobox', { name: 'Role' }).click()
    await expect(page.getByRole('option')).toHaveText(['Focal point', 'Officer'])
    await page.getByRole('option', { name: 'Officer' }).click()
    await form.getByLabel('Initial password (optional)').fill(password)
    await form.getByRole('button', { name: 'Invite' }).click()
    await expect(page.getByTestId('invite-done')).toHaveText(`${email} has been invited.`)
    const row = page.getByTestId(`user-row-${email}`)
    await expect(row.getByTestId('user-status')).toHaveText('Active')
    await expect(row).toContainText('Not set up')

    // The invited user's first sign-in: enrolment with the QR code or the secret, then recovery codes.
    const context = await browser.newContext({ locale: 'en-GB' })
    const invited = await context.newPage()
    await invited.addInitScript(() => window.localStorage.setItem('partnine.language', 'en'))
    await invited.goto('/sign-in')
    await invited.locator('input[name="email"]').fill(email)
    await invited.locator('input[name="password"]').fill(password)
    await invited.getByRole('button', { name: 'Continue' }).click()
    await expect(invited.getByRole('heading', { level: 1, name: 'Set up two-step verification' })).toBeVisible()
    await expect(invited.getByTestId('enrol-qr')).toHaveAttribute('src', /^data:image\/(png|svg\+xml);base64,/)
    const secret = ((await invited.getByTestId('enrol-secret').textContent()) ?? '').trim()
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/)
    await screenshot(invited, 'enrolment-en')
    const { generate } = await import('otplib')
    await invited.getByLabel('Code from the app').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) }))
    await invited.getByRole('button', { name: 'Confirm and sign in' }).click()
    await expect(invited.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10)
    await screenshot(invited, 'recovery-codes-en')
    await invited.getByRole('button', { name: 'I have saved them — continue' }).click()
    await expect(invited).toHaveURL(/\/account$/)
    await expect(invited.getByTestId('user-menu')).toHaveText('Ines Invited')
    await context.close()

    // Disable, with a confirmation.
    await page.reload()
    await expect(row).toContainText('On')
    await row.getByRole('button', { name: 'Actions for Ines Invited' }).click()
    await page.getByRole('menuitem', { name: 'Disable' }).click()
    const dialog = page.getByRole('dialog', { name: 'Disable' })
    await expect(dialog).toContainText(`Disable the account of Ines Invited (${email})?`)
    await dialog.getByRole('button', { name: 'Disable' }).click()
    await expect(dialog).toHaveCount(0)
    await expect(row.getByTestId('user-status')).toHaveText('Disabled')

    // Change of role, then compartments.
    await row.getByRole('button', { name: 'Actions for Ines Invited' }).click()
    await page.getByRole('menuitem', { name: 'Change role' }).click()
    const roleDialog = page.getByRole('dialog', { name: 'Change role' })
    await roleDialog.getByRole('combobox', { name: 'Role' }).click()
    await roleDialog.getByRole('option', { name: 'Focal point' }).click()
    await roleDialog.getByRole('button', { name: 'Change role' }).click()
    await expect(roleDialog).toHaveCount(0)
    await expect(row).toContainText('Focal point')

    // A new compartment.
    const code = `SIT-E2E-${Date.now() % 100000}`
    await page.getByRole('textbox', { name: 'Code', exact: true }).fill(code)
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Situation created by the browser test')
    await page.getByRole('button', { name: 'Create compartment' }).click()
    await expect(page.getByTestId('compartments-table')).toContainText(code)
    expect(await totpNow()).toMatch(/^\d{6}$/)
  })

  test('a signed-in user without the admin role does not get the page', async ({ page }) => {
    await useLanguage(page, 'en')
    await signIn(page, 'otp.approver@demo.invalid')
    await expect(
      page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Administration' }),
    ).toHaveCount(0)
    await page.goto('/admin')
    await expect(page.getByRole('heading', { level: 1, name: 'Not available for your role' })).toBeVisible()
  })
})
