import { signIn } from './auth-helpers.ts'
import { expect, expectNoAxeViolations, type Locator, type Page, screenshot, test, useLanguage } from './fixtures.ts'

// Situations, cases, persons concerned and their warrants, kept from the browser: what a Registry
// officer records before a request for cooperation can rest on them.
test.describe('Situations', () => {
  test.describe.configure({ timeout: 120_000 })

  /** A Mantine select by its label: a combobox, or a textbox in some versions. */
  const selectField = (scope: Locator, name: string) =>
    scope
      .getByRole('combobox', { name, exact: true })
      .or(scope.getByRole('textbox', { name, exact: true }))
      .first()

  async function choose(page: Page, label: string, option: string | RegExp) {
    await selectField(page.getByRole('dialog'), label).click()
    await page.getByRole('option', { name: option }).first().click()
  }

  test('a Registry officer opens a situation, records a case, a suspect and a sealed warrant (EN/FR)', async ({
    page,
    consoleProblems,
  }) => {
    // Codes of their own, so that the other tests reading the demo are not disturbed.
    const suffix = `${Date.now().toString(36).toUpperCase()}`
    const situationCode = `SIT-E2E-${suffix}`
    const caseCode = `CASE-E2E-${suffix}`
    await useLanguage(page, 'en')
    await signIn(page, 'registry.officer@demo.invalid')
    await page.getByRole('link', { name: 'Situations', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Situations' })).toBeVisible()
    await expect(page.getByTestId('situations-table')).toContainText(
      'Situation in the Republic of Demoland (fictional)',
    )

    // Open a situation: a code the server refuses is said, and nothing is created.
    await page.getByTestId('new-situation').click()
    const dialog = page.getByRole('dialog', { name: 'Open a situation' })
    await dialog.getByRole('textbox', { name: 'Code', exact: true }).fill('SIT-DEMO-A')
    await dialog
      .getByRole('textbox', { name: 'Name', exact: true })
      .fill(`Situation in the Republic of E2E ${suffix} (fictional)`)
    await dialog.getByRole('textbox', { name: 'Description', exact: true }).fill('Opened by a browser test. Fictional.')
    await expect(selectField(dialog, 'Classification')).toHaveValue('Confidential')
    // No compartment is guessed for a situation: the officer chooses one of theirs.
    await expect(selectField(dialog, 'Owning compartment')).toHaveValue('')
    await choose(page, 'Owning compartment', 'SIT-DEMO-A')
    await expectNoAxeViolations(page)
    consoleProblems.allowedErrors.push(/status of 409.*\/api\/v1\/situations\]$/)
    await dialog.getByRole('button', { name: 'Open the situation' }).click()
    await expect(dialog.getByRole('alert')).toContainText('Another situation or case already uses this code.')
    // Typed in lower case with a space: the field writes it as the server takes it.
    await dialog.getByRole('textbox', { name: 'Code', exact: true }).fill(`sit e2e-${suffix.toLowerCase()}`)
    await expect(dialog.getByRole('textbox', { name: 'Code', exact: true })).toHaveValue(situationCode)
    await dialog.getByRole('button', { name: 'Open the situation' }).click()

    await expect(page).toHaveURL(/\/situations\/[0-9a-f-]{36}$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Situation in the Republic of E2E ${suffix} (fictional)`,
    )
    const header = page.getByTestId('situation-header')
    await expect(header).toContainText(situationCode)
    await expect(header.getByTestId('classification')).toHaveText('Confidential')
    await expect(header).toContainText('Compartment SIT-DEMO-A')
    await expect(page.getByText('No case in this situation yet.')).toBeVisible()
    // Its description corrected, with the reason.
    await page.getByTestId('edit-situation').click()
    const editSituation = page.getByRole('dialog', { name: `Change the situation ${situationCode}` })
    await editSituation
      .getByRole('textbox', { name: 'Description', exact: true })
      .fill('Opened and corrected by a browser test. Fictional.')
    await editSituation.getByRole('textbox', { name: 'Reason', exact: true }).fill('Wording of the decision')
    await editSituation.getByRole('button', { name: 'Record the change' }).click()
    await expect(editSituation).toHaveCount(0)
    await expect(page.getByText('Opened and corrected by a browser test. Fictional.')).toBeVisible()

    // A case, with its Defence team.
    await page.getByTestId('new-case').click()
    const caseDialog = page.getByRole('dialog', { name: /^New case in/ })
    await caseDialog.getByRole('textbox', { name: 'Code', exact: true }).fill(caseCode)
    await caseDialog
      .getByRole('textbox', { name: 'Case name', exact: true })
      .fill(`The Prosecutor v. E2E Suspect ${suffix} (fictional)`)
    await caseDialog.getByRole('button', { name: 'Record the case' }).click()
    await expect(caseDialog).toHaveCount(0)
    const cases = page.getByTestId('cases-table')
    const caseRow = cases.getByRole('row', { name: new RegExp(caseCode) })
    await expect(caseRow.getByRole('cell').nth(2)).toHaveText('—')
    // Counsel assigned later: the Defence team is appointed on the case, with the reason.
    await caseRow.getByRole('button', { name: `Change the case ${caseCode}` }).click()
    const editCase = page.getByRole('dialog', { name: `Change the case ${caseCode}` })
    await editCase.getByRole('textbox', { name: 'Defence team', exact: true }).fill('ICC-DEFENCE-DEMO-A1')
    await editCase.getByRole('textbox', { name: 'Reason', exact: true }).fill('Counsel assigned (fictional decision)')
    await editCase.getByRole('button', { name: 'Record the change' }).click()
    await expect(editCase).toHaveCount(0)
    await expect(caseRow).toContainText('Defence (ICC-DEFENCE-DEMO-A1)')
    await expect(page.getByRole('heading', { name: '1 case' })).toBeVisible()

    // A suspect of the case: protected as the case is, by default.
    await page.getByTestId('new-person').click()
    const personDialog = page.getByRole('dialog', { name: /^A person concerned by/ })
    await personDialog.getByRole('textbox', { name: 'Name', exact: true }).fill(`E2E Suspect ${suffix} (fictional)`)
    await choose(page, 'Role in the proceedings', 'Suspect')
    await choose(page, 'Case', new RegExp(caseCode))
    await personDialog.getByRole('button', { name: 'Add the person' }).click()
    await expect(personDialog).toHaveCount(0)
    const persons = page.getByTestId('persons-table')
    const suspect = persons.getByRole('row', { name: new RegExp(`E2E Suspect ${suffix}`) })
    await expect(suspect).toContainText('Suspect')
    await expect(suspect).toContainText(caseCode)
    await expect(suspect.getByTestId('classification')).toHaveText('Confidential')
    await expect(page.getByText('No warrant you may see.')).toBeVisible()

    // The warrant, sealed, naming the State asked to arrest.
    await suspect.getByRole('button', { name: `Record a warrant for E2E Suspect ${suffix} (fictional)` }).click()
    const warrantDialog = page.getByRole('dialog', { name: /^Record a warrant issued by a Chamber/ })
    await expect(selectField(warrantDialog, 'Classification')).toHaveValue('Under seal')
    await choose(page, 'Issuing Chamber', 'Pre-Trial Chamber II')
    await warrantDialog.getByRole('textbox', { name: 'Issued on', exact: true }).fill('03/02/2025')
    await warrantDialog.getByRole('checkbox', { name: 'War crimes' }).check()
    await warrantDialog.getByRole('textbox', { name: 'Counts of War crimes' }).fill('4')
    await warrantDialog.getByRole('checkbox', { name: 'Crimes against humanity' }).check()
    await page.locator('.mantine-MultiSelect-input', { has: page.getByTestId('warrant-named') }).click()
    await page.getByRole('option', { name: 'France' }).click()
    await page.keyboard.press('Escape')
    await expectNoAxeViolations(page)
    await warrantDialog.getByRole('button', { name: 'Record the warrant' }).click()
    await expect(warrantDialog).toHaveCount(0)
    const warrant = page
      .getByTestId('situation-warrants')
      .getByRole('row', { name: new RegExp(`E2E Suspect ${suffix}`) })
    await expect(warrant).toContainText('Warrant of arrest')
    await expect(warrant).toContainText('Pre-Trial Chamber II')
    await expect(warrant).toContainText('3 February 2025')
    await expect(warrant.getByTestId('warrant-status')).toHaveText('At large')
    await expect(warrant.getByTestId('classification')).toHaveText('Under seal')
    // The person's row says where the warrant stands too.
    await expect(suspect.getByTestId('warrant-status')).toHaveText('At large')
    await expectNoAxeViolations(page)

    // The charges confirmed: the suspect becomes accused, with the reason (kept in the trail).
    await suspect.getByRole('button', { name: `Change E2E Suspect ${suffix} (fictional)` }).click()
    const editDialog = page.getByRole('dialog', { name: `Change E2E Suspect ${suffix} (fictional)` })
    await choose(page, 'Role in the proceedings', 'Accused')
    await editDialog
      .getByRole('textbox', { name: 'Reason', exact: true })
      .fill('Charges confirmed (fictional decision)')
    await expectNoAxeViolations(page)
    await editDialog.getByRole('button', { name: 'Record the change' }).click()
    await expect(editDialog).toHaveCount(0)
    await expect(suspect.getByRole('cell').nth(1)).toHaveText('Accused')
    await screenshot(page, 'situation-en')

    // In French.
    await page.getByRole('button', { name: 'Français' }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Personnes concernées' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 2, name: 'Mandats et citations à comparaître' })).toBeVisible()
    await expect(warrant).toContainText("Mandat d'arrêt")
    await expect(warrant).toContainText('3 février 2025')
    await expect(page.getByRole('heading', { level: 2, name: '1 affaire' })).toBeVisible()
    await expectNoAxeViolations(page)
    await screenshot(page, 'situation-fr')

    // The person's warrant page, and the workload of the situation.
    await suspect.getByRole('link', { name: 'Mandats' }).click()
    await expect(page.getByRole('heading', { level: 1, name: `E2E Suspect ${suffix} (fictional)` })).toBeVisible()
    await expect(page.getByTestId('warrant').first()).toContainText('Crimes de guerre')
    await page.goBack()
    await page.getByTestId('situation-requests').click()
    await expect(page).toHaveURL(/\/requests\?situation=[0-9a-f-]{36}$/)

    // A request drafted from the situation's page starts linked to it.
    await page.goBack()
    await page.getByTestId('draft-in-situation').click()
    await expect(page).toHaveURL(/\/requests\/new\?situation=[0-9a-f-]{36}$/)
    const pick = async (label: string, option: RegExp) => {
      await selectField(page.locator('main'), label).click()
      await page.getByRole('option', { name: option }).first().click()
    }
    await pick('Type de demande', /Transmission de dossiers/)
    await page.getByRole('button', { name: 'Suivant' }).click()
    await pick('États ou organisations requis', /\(NLD\)/)
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Suivant' }).click()
    await expect(selectField(page.locator('main'), 'Situation')).toHaveValue(
      `Situation in the Republic of E2E ${suffix} (fictional)`,
    )
  })

  test('a State focal point has no situations page', async ({ page }) => {
    await useLanguage(page, 'en')
    await signIn(page, 'arg.focal-point@demo.invalid')
    await expect(page.getByRole('link', { name: 'Situations', exact: true })).toHaveCount(0)
    await page.goto('/situations')
    await expect(page.getByTestId('not-found')).toBeVisible()
  })
})
