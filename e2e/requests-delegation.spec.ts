import { signIn } from './auth-helpers.ts'
import { expect, expectNoAxeViolations, type Page, screenshot, test, useLanguage } from './fixtures.ts'

// Two gaps of the requests feature in the browser: the drafting wizard shows what the chosen type
// must contain from its first step (EN and FR, the Statute's English text marked as such), and the
// requested State's focal point delegates a request to one of its officers, who then sees it.
// Accounts: the Registry approver and the Dutch officer, which no other spec signs in with.

async function chooseType(page: Page, label: string, option: RegExp) {
  await page
    .getByRole('combobox', { name: label, exact: true })
    .or(page.getByRole('textbox', { name: label, exact: true }))
    .first()
    .click()
  await page.getByRole('option', { name: option }).first().click()
}

test.describe('Requests: checklist before the draft, delegation', () => {
  test.describe.configure({ timeout: 180_000 })

  test('the wizard shows the type’s checklist from the first step and offers the addressees it can have, in English and French', async ({
    page,
  }) => {
    await useLanguage(page, 'en')
    await signIn(page, 'registry.approver@demo.invalid', '/sign-in?next=%2Frequests%2Fnew')
    await expect(page.getByRole('heading', { level: 1, name: 'Draft a request' })).toBeVisible()
    await expect(page.getByTestId('type-checklist')).toHaveCount(0)
    await chooseType(page, 'Type of request', /^Arrest and surrender of a person/)
    const checklist = page.getByTestId('type-checklist')
    await expect(checklist.getByRole('heading', { name: 'What a request of this type must contain' })).toBeVisible()
    await expect(checklist.getByTestId('type-checklist-item')).toHaveCount(3)
    await expect(checklist).toContainText('91(2)(a)')
    await expect(checklist).toContainText('A copy of the warrant of arrest')
    await expect(checklist).toContainText('Information describing the person sought')
    await expect(checklist.getByTestId('statute-english-only')).toHaveCount(0)
    // After conviction, article 91(3) applies instead.
    await page.getByTestId('wizard-after-conviction').check()
    await expect(checklist.getByTestId('type-checklist-item')).toHaveCount(4)
    await expect(checklist).toContainText('A copy of the judgement of conviction')
    await expectNoAxeViolations(page)
    await screenshot(page, 'requests-wizard-type-checklist-en')

    await page.getByRole('button', { name: 'Français' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Rédiger une demande' })).toBeVisible()
    await expect(checklist.getByRole('heading', { name: 'Ce qu’une demande de ce type doit contenir' })).toBeVisible()
    await expect(checklist).toContainText('Une copie du jugement de condamnation')
    // The Statute's text is stored in English only, and says so.
    await expect(checklist.getByTestId('statute-english-only').first()).toContainText('seul le texte anglais')
    await expect(checklist.locator('blockquote[lang="en"]').first()).toBeVisible()
    // It stays in view on the next steps, until the draft is saved.
    await page.getByTestId('wizard-next').click()
    await expect(checklist.getByTestId('type-checklist-item')).toHaveCount(4)
    await expectNoAxeViolations(page)
    await screenshot(page, 'requests-wizard-type-checklist-fr')
    // The addressees offered are those the type can have (87(5)–(6)): States for an arrest…
    const addressees = page.getByRole('combobox', { name: 'États ou organisations requis' })
    await expect(page.getByText(/^Tout État, partie ou non/)).toBeVisible()
    await addressees.click()
    await expect(page.getByRole('option', { name: /\(NLD\)$/ })).toHaveCount(1)
    await expect(page.getByRole('option', { name: /87\(6\)/ })).toHaveCount(0)
    await addressees.press('Escape')
    // …organisations alone for a request under 87(6).
    await page.getByRole('button', { name: 'Précédent' }).click()
    await chooseType(page, 'Type de demande', /87\(6\)/)
    await page.getByTestId('wizard-next').click()
    await expect(page.getByText(/^Organisations intergouvernementales uniquement/)).toBeVisible()
    await addressees.click()
    await expect(page.getByRole('option', { name: /87\(6\)/ })).toHaveCount(2)
    await expect(page.getByRole('option', { name: /\(NLD\)$/ })).toHaveCount(0)
  })

  test('the Dutch focal point delegates a request to an officer, who then sees it', async ({ page }) => {
    await useLanguage(page, 'en')
    // A new request (transmitted, open): a closed one is not delegated anew, and the "all" tab's
    // first row may be the one another test has just closed.
    await signIn(page, 'nld.focal-point@demo.invalid', '/sign-in?next=%2Finbox')
    // An executed request is closed: its delegations can be revoked, no new one made.
    const executed = await page.request.get('/api/v1/requests?addressee=NLD&status=executed&limit=1')
    const [closed] = ((await executed.json()) as { items: { id: string }[] }).items
    await page.goto(`/requests/${closed?.id}`)
    await expect(page.getByTestId('delegations-read-only')).toHaveText(
      'The request is closed: it is not delegated to anyone new; a delegation can still be revoked.',
    )
    await expect(page.getByTestId('delegation-officer')).toHaveCount(0)
    await page.goto('/inbox')
    await page.getByTestId('inbox-table').getByTestId('request-row').first().getByRole('link').first().click()
    await expect(page.getByTestId('request-page')).toBeVisible()
    const url = new URL(page.url()).pathname
    const card = page.getByTestId('delegations')
    await expect(card.getByRole('heading', { name: 'Delegation within the State' })).toBeVisible()
    // Start from no delegation to the officer (the demo delegates some requests already).
    const existing = card.getByRole('button', { name: /Revoke the delegation to Nils Netherlands/ })
    if ((await existing.count()) > 0) {
      await existing.click()
      await expect(existing).toHaveCount(0)
    }
    await page.getByTestId('delegation-officer').click()
    await page.getByRole('option', { name: /Nils Netherlands/ }).click()
    await page.getByTestId('delegation-submit').click()
    await expect(card.getByTestId('delegation').filter({ hasText: 'Nils Netherlands' })).toBeVisible()
    await expect(card.getByTestId('delegation').filter({ hasText: 'Nils Netherlands' })).toContainText(
      'delegated by Noor Netherlands',
    )
    await expectNoAxeViolations(page)
    await screenshot(page, 'requests-delegation-focal-point-en')

    await page.context().clearCookies()
    await signIn(page, 'nld.officer@demo.invalid', `/sign-in?next=${encodeURIComponent(url)}`)
    await expect(page.getByTestId('request-page')).toBeVisible()
    await expect(card.getByTestId('delegation').filter({ hasText: 'Nils Netherlands' })).toBeVisible()
    await expect(card).toContainText('Only the focal point delegates or revokes.')
    await expect(card.getByRole('button', { name: /Revoke/ })).toHaveCount(0)
    await expectNoAxeViolations(page)
  })
})
