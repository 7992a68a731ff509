import { signIn } from './auth-helpers.ts'
import { expect, expectNoAxeViolations, type Page, screenshot, test, useLanguage } from './fixtures.ts'

// The assets register: a case-team member freezes an asset on a 93(1)(k) request with an order
// lapsing within 30 days, and the expiry alert appears on the asset and in the register.

const ACCOUNT = 'registry.approver@demo.invalid'

async function choose(page: Page, label: RegExp, option: RegExp) {
  await page.getByRole('combobox', { name: label }).first().click()
  await page.getByRole('option', { name: option }).first().click()
}

function isoDate(daysFromToday: number) {
  const d = new Date()
  d.setUTCDate(d.getUTCDate() + daysFromToday)
  return d.toISOString().slice(0, 10)
}

test.describe('Assets register', () => {
  test.describe.configure({ timeout: 120_000 })

  test('an asset frozen with an order lapsing within 30 days raises its alert in the register', async ({ page }) => {
    await useLanguage(page, 'en')
    await signIn(page, ACCOUNT, '/sign-in?next=%2Fassets')
    await expect(page.getByRole('heading', { level: 1, name: 'Assets register' })).toBeVisible()
    await expect(page.getByTestId('asset-totals-converted').first()).toBeVisible()
    await expect(page.getByTestId('asset-conversion-line').first()).toContainText('Fictional demo rates')

    // A transmitted 93(1)(k) request of the demo this account may see, and a new asset in its State
    // (a fresh one per attempt, so a retry starts clean).
    const requests = await (
      await page.request.get('/api/v1/requests?type=ASSETS_IDENTIFY_TRACE_FREEZE_SEIZE&limit=100')
    ).json()
    const request = requests.items.find(
      (r: { status: string; addressee: string }) =>
        !['draft', 'approved'].includes(r.status) && /^[A-Z]{3}$/.test(r.addressee),
    )
    expect(request, 'a transmitted 93(1)(k) demo request').toBeTruthy()
    const description = `Fictional e2e vehicle ${Date.now()} (fictional)`
    await page.getByRole('link', { name: 'Record an asset' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Record an asset' })).toBeVisible()
    await choose(page, /^Case/, /CASE-DEMO-A1/)
    await choose(page, /^Kind/, /^Vehicle$/)
    await page.getByLabel(/^State where the asset is/).fill(request.addressee)
    await page.getByLabel(/^Description/).fill(description)
    await page.getByLabel('Reparations to victims').check()
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Record the asset' }).click()

    await expect(page.getByRole('heading', { level: 1, name: description })).toBeVisible()
    await expect(page.getByTestId('asset-stage').first()).toHaveText('Identified')
    const form = page.getByTestId('asset-step-form')
    await choose(page, /^Step/, /^Freezing/)
    await choose(page, /^Request for cooperation/, new RegExp(request.reference))
    await form.getByLabel(/^Issuing authority/).fill('Competent court of the requested State (fictional)')
    await form.getByLabel(/^Order reference/).fill('E2E-FRZ-1')
    await form.getByLabel(/^Order expires on/).fill(isoDate(20))
    await form.getByRole('button', { name: 'Record the step' }).click()

    await expect(page.getByTestId('asset-stage').first()).toHaveText('Frozen')
    await expect(page.getByTestId('asset-timeline')).toContainText('Freezing → Frozen')
    await expect(page.getByTestId('asset-timeline')).toContainText(request.reference)
    await expect(page.getByTestId('asset-alerts')).toContainText('Order lapses in 20 days')
    await expectNoAxeViolations(page)
    await screenshot(page, 'asset-frozen-en')

    await page.getByRole('link', { name: '← Assets register' }).click()
    const alert = page.getByTestId('asset-alert').filter({ hasText: description })
    await expect(alert).toContainText('Order lapses in 20 days')
    await expect(alert).toContainText('order E2E-FRZ-1')
    await expectNoAxeViolations(page)
    await screenshot(page, 'assets-register-en')

    await page.getByRole('button', { name: 'Français' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Registre des avoirs' })).toBeVisible()
    await expect(page.getByTestId('asset-alert').filter({ hasText: description })).toContainText(
      'La décision expire dans 20 jours',
    )
    await expectNoAxeViolations(page)
  })
})
