import { execFileSync } from 'node:child_process'
import { expect, screenshot, test, useLanguage } from './fixtures.ts'

test.describe('State page', () => {
  test('shows the Netherlands: facts with sources, verification badges, agreements, demo profile', async ({ page }) => {
    await useLanguage(page, 'en')
    await page.goto('/states/NLD')
    await expect(page.getByRole('heading', { level: 1, name: 'Netherlands' })).toBeVisible()
    await expect(page).toHaveTitle('Netherlands · Part IX')

    const facts = page.getByTestId('facts-table')
    const status = facts.locator('tr[data-fact="rome_statute.status"]')
    await expect(status.getByRole('rowheader')).toHaveText('Rome Statute status')
    await expect(status).toContainText('State Party')
    await expect(status.getByTestId('badge-unverified')).toHaveText('Unverified')
    await expect(facts.locator('tr[data-fact="rome_statute.ratification_date"]')).toContainText('17 July 2001')
    await expect(facts.locator('tr[data-fact="name.en"]').getByTestId('badge-verified')).toHaveText('Verified')
    await expect(page.getByText(/A fact marked Unverified comes from a secondary source/)).toBeVisible()

    // Every fact has a numbered reference into the Sources list, which names the source.
    const reference = status.getByRole('link', { name: /^Source \d+: / })
    const target = await reference.getAttribute('href')
    expect(target).toMatch(/^#source-\d+$/)
    await expect(page.locator(`${target}`)).toContainText('ABA ICC Project')
    await expect(page.getByTestId('sources-list').getByRole('link', { name: /ISO 3166-1/ })).toHaveAttribute(
      'href',
      'https://www.npmjs.com/package/i18n-iso-countries',
    )

    await expect(page.getByTestId('agreements-table')).toContainText('Headquarters Agreement')
    const profile = page.getByTestId('profile-card')
    await expect(profile.getByTestId('badge-demo')).toHaveText('Fictional demo')
    await expect(profile).toContainText('Channel for requests for cooperation (article 87(1))')
    await expect(profile).toContainText('Focal point')
    await expect(page.getByTestId('demo-banner')).toBeVisible()
    await screenshot(page, 'state-nld-en')
  })

  test('shows the State page in French with French dates and labels', async ({ page }) => {
    await useLanguage(page, 'fr')
    await page.goto('/states/nld')
    await expect(page.getByRole('heading', { level: 1, name: 'Pays-Bas' })).toBeVisible()
    const facts = page.getByTestId('facts-table')
    const status = facts.locator('tr[data-fact="rome_statute.status"]')
    await expect(status).toContainText('État Partie')
    await expect(status.getByTestId('badge-unverified')).toHaveText('Non vérifié')
    await expect(facts.locator('tr[data-fact="rome_statute.ratification_date"]')).toContainText('17 juillet 2001')
    await expect(facts.locator('tr[data-fact="name.fr"]').getByRole('rowheader')).toHaveText('Nom en français')
    await expect(page.getByTestId('agreements-table')).toContainText('Accord de siège')
    await expect(page.getByTestId('badge-demo')).toHaveText('Démonstration fictive')
    await expect(page.getByTestId('profile-card')).toContainText('Point focal')
    await screenshot(page, 'state-nld-fr')
  })

  test('marks a fact corrected by an administrator, with who, when and why', async ({ page }) => {
    // Switzerland is used by no other test, so the correction cannot disturb them.
    execFileSync(
      'bin/partnine',
      [
        'reference-correct',
        '--state',
        'CHE',
        '--fact',
        'rome_statute.signature_date',
        '--value',
        '1998-07-18',
        '--note',
        'Checked against the UN Treaty Collection',
      ],
      { env: { ...process.env, PARTNINE_DATA_DIR: process.env.PARTNINE_E2E_DATA_DIR, PARTNINE_LOG_LEVEL: 'warn' } },
    )
    await useLanguage(page, 'en')
    await page.goto('/states/CHE')
    const fact = page.getByTestId('facts-table').locator('tr[data-fact="rome_statute.signature_date"]')
    await expect(fact).toContainText('18 July 1998')
    await expect(fact.getByTestId('badge-corrected')).toHaveText('Corrected by an administrator')
    await expect(fact).toContainText('Checked against the UN Treaty Collection')
    await screenshot(page, 'state-che-corrected')
  })

  test('shows a "not found" page for an unknown State code', async ({ page, consoleProblems }) => {
    consoleProblems.allowedErrors.push(/status of 404/)
    await useLanguage(page, 'en')
    await page.goto('/states/XYZ')
    await expect(page.getByRole('heading', { level: 1, name: 'State not found' })).toBeVisible()
    await expect(page.getByText('There is no State with the code XYZ.')).toBeVisible()
    await page.getByRole('link', { name: 'All States' }).click()
    await expect(page).toHaveURL(/\/states$/)
  })

  test('shows a "not found" page for an unknown address', async ({ page }) => {
    await useLanguage(page, 'en')
    await page.goto('/no-such-page')
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
  })
})
