import { signIn } from './auth-helpers.ts'
import { expect, expectNoAxeViolations, type Page, screenshot, test, useLanguage } from './fixtures.ts'

// An arrest opportunity from report to request draft: the OTP approver reports the presence of the
// demo's person sought in a State Party and reads the proposal (the State is bound; arrest and
// surrender; its obligations), which the Prosecution does not draft: the Court requests an arrest
// on the Chamber's warrant. The Registry approver drafts the request and lands on the request
// page, where the request is a draft that still needs approval (by someone else, once complete).

async function choose(page: Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click()
  await page.getByRole('option', { name: option }).first().click()
}

test('an opportunity is reported and turned into a request draft that still needs approval', async ({ page }) => {
  test.setTimeout(90_000)
  await useLanguage(page, 'en')
  await signIn(page, 'otp.approver@demo.invalid', '/sign-in?next=%2Farrest-opportunities')
  await expect(page).toHaveURL(/\/arrest-opportunities$/)
  await page.getByRole('link', { name: 'Arrest opportunities' }).first().waitFor()

  // The board: the demo's opportunities in one column per outcome.
  await expect(page.getByTestId('opportunities-board')).toBeVisible()
  for (const outcome of ['pending', 'arrested', 'request_refused', 'person_left', 'no_response']) {
    await expect(page.getByTestId(`column-${outcome}`).getByTestId('opportunity-card').first()).toBeVisible()
  }
  await expectNoAxeViolations(page)
  await screenshot(page, 'arrest-opportunities-board')

  // Report an opportunity.
  await page.getByTestId('report-opportunity').click()
  await expect(page).toHaveURL(/\/arrest-opportunities\/new$/)
  await expectNoAxeViolations(page)
  await choose(page, 'field-person', /Fictional Person A/)
  await choose(page, 'field-state', /\(NLD\)/)
  await page.locator('label', { hasText: /^Travel$/ }).click()
  await page.getByTestId('field-place').fill('Fictional conference hall, Rotterdam (browser test)')
  await page.getByTestId('field-from').fill('2027-02-10')
  await page.getByTestId('field-to').fill('2027-02-12')
  await page.getByTestId('field-source').fill('Fictional open-source report (browser test)')
  await choose(page, 'field-reliability', /^B —/)
  await choose(page, 'field-credibility', /^2 —/)
  await page.getByTestId('submit-report').click()

  // The opportunity, with the proposal and the reminder of the State's obligations.
  await expect(page).toHaveURL(/\/arrest-opportunities\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('opportunity-outcome').first()).toHaveText('Pending')
  await expect(page.getByTestId('grading')).toHaveText('B2')
  await expect(page.getByTestId('binding')).toContainText('The State is bound to cooperate')
  await expect(page.getByTestId('proposed-type')).toHaveText('Arrest and surrender (89, 91)')
  await expect(page.getByTestId('proposal')).toContainText('Fictional conference hall, Rotterdam')
  await expect(page.getByTestId('proposal')).not.toContainText('open-source report')
  const reminder = page.getByTestId('obligations-reminder')
  await expect(reminder).toContainText('General obligation to cooperate — 86')
  await expect(reminder).toContainText('States Parties shall, in accordance with the provisions of this Statute')
  await expectNoAxeViolations(page)
  await screenshot(page, 'arrest-opportunity-proposal')

  // The Prosecution does not request the arrest: the proposal says who drafts it.
  await expect(page.getByTestId('draft-not-originator')).toHaveText(
    'The Court requests an arrest on the Chamber’s warrant: the Chambers or the Registry draft this request from the proposal.',
  )
  await expect(page.getByTestId('draft-request')).toHaveCount(0)
  const opportunity = new URL(page.url()).pathname
  await page.context().clearCookies()
  await signIn(page, 'registry.approver@demo.invalid', `/sign-in?next=${encodeURIComponent(opportunity)}`)
  await expect(page).toHaveURL(new RegExp(`${opportunity}$`))

  // Draft the request: it opens on the request page, a draft still to be completed and approved.
  await page.getByTestId('draft-request').click()
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('request-status')).toHaveText('Draft')
  await expect(page.getByTestId('request-summary')).toContainText('Arrest and surrender of Fictional Person A')
  await expect(page.getByTestId('checklist-status')).toHaveText('Incomplete')
  // The drafter is offered no approval: four eyes (approval is another approver's act).
  await expect(page.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0)
  await screenshot(page, 'arrest-opportunity-request-draft')

  // Back on the opportunity, the request is linked and cannot be drafted twice.
  await page.goBack()
  await expect(page.getByTestId('open-request')).toBeVisible()
  await expect(page.getByTestId('draft-request')).toHaveCount(0)
})

test('the opportunity pages are in French too', async ({ page }) => {
  test.setTimeout(90_000)
  await useLanguage(page, 'fr')
  await signIn(page, 'otp.officer@demo.invalid', '/sign-in?next=%2Farrest-opportunities')
  await expect(page.getByRole('heading', { level: 1, name: 'Occasions d’arrestation' })).toBeVisible()
  await page.getByTestId('column-pending').getByTestId('opportunity-card').first().getByRole('link').click()
  await expect(page.getByTestId('proposal')).toContainText('Demande proposée')
  await expect(page.getByTestId('outcome-card')).toContainText('Résultat')
  await expectNoAxeViolations(page)
  // The person's page: the strategy of the cell (SIT-DEMO-A, of which this officer is a member).
  await page.goto('/persons-sought/demo%3Aperson%3AA')
  await expect(page.getByTestId('arrest-strategy')).toContainText('Stratégie d’arrestation')
  await expect(page.getByTestId('person-opportunities').getByRole('listitem').first()).toBeVisible()
  await expectNoAxeViolations(page)
  // A member of the cell revises it: a new version, the previous one kept.
  await page.getByTestId('strategy-revise').click()
  await page.getByTestId('strategy-review-date').fill('2027-06-30')
  await expectNoAxeViolations(page)
  await page.getByTestId('strategy-save').click()
  await expect(page.getByTestId('strategy-meta')).toContainText('Version 2')
})

test('a member of a cell writes an arrest strategy; the person’s page shows it', async ({ page }) => {
  test.setTimeout(90_000)
  await useLanguage(page, 'en')
  await signIn(page, 'registry.officer@demo.invalid', '/sign-in?next=%2Farrest-opportunities')
  await page.getByTestId('write-strategy').click()
  await expect(page).toHaveURL(/\/arrest-strategies\/new$/)
  await expectNoAxeViolations(page)
  await choose(page, 'strategy-person', /Fictional Person A/)
  await choose(page, 'strategy-cell', 'SIT-DEMO-A')
  await page.getByTestId('strategy-title').fill('Browser-test strategy (fictional)')
  await page.getByTestId('strategy-body').fill('Fictional plan written by a browser test.')
  await page.getByTestId('strategy-write').click()
  await expect(page).toHaveURL(/\/persons-sought\/demo%3Aperson%3AA$/)
  const card = page.getByTestId('arrest-strategy')
  await expect(card).toContainText('Browser-test strategy (fictional)')
  await expect(card).toContainText('Cell SIT-DEMO-A only')
  await expect(card).toContainText(/earlier strateg(y|ies) superseded/)
})
