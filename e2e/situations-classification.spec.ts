import { signIn } from './auth-helpers.ts'
import { apiOf, expect, expectNoAxeViolations, type Locator, screenshot, test, useLanguage } from './fixtures.ts'
import { recordWarrantedSuspect } from './records.ts'

// A Chamber lifts the seal on a suspect: an approver of the owning compartment records the
// decision from the situation's page, and the public may then read the person's record. On records
// of the test's own, so that the demo stays as the other tests read it.

/** Picks `option` in a classification dialog's select (a combobox, or a textbox in some versions). */
async function chooseClassification(dialog: Locator, option: string) {
  const name = 'New classification (now: Confidential)'
  await dialog.getByRole('combobox', { name }).or(dialog.getByRole('textbox', { name })).first().click()
  await dialog.page().getByRole('option', { name: option, exact: true }).click()
}

test('an approver lifts the seal on a suspect on a decision; the public then sees the person (EN/FR)', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000)
  await useLanguage(page, 'en')
  await signIn(page, 'registry.approver@demo.invalid')
  const suffix = Date.now().toString(36).toUpperCase()
  const name = `Unsealed Suspect ${suffix}`
  const suspect = await recordWarrantedSuspect(apiOf(page), `CLS-${suffix}`, name)
  const anonymous = await browser.newContext()
  const publicRead = () => anonymous.request.get(`/api/v1/persons/${suspect.personId}`).then((r) => r.status())
  expect(await publicRead()).toBe(404)

  await page.goto(`/situations/${encodeURIComponent(suspect.situationId)}`)
  const row = page.getByTestId('persons-table').getByRole('row', { name: new RegExp(name) })
  await expect(row).toContainText('Confidential')
  await row.getByRole('button', { name: `Change the classification of ${name} (fictional)` }).click()
  const dialog = page.getByRole('dialog', { name: `Classification of ${name} (fictional)` })
  await chooseClassification(dialog, 'Public')
  await dialog
    .getByRole('textbox', { name: 'Decision' })
    .fill('Pre-Trial Chamber I, decision of 12 May 2026 lifting the seal (fictional)')
  await expectNoAxeViolations(page)
  await dialog.getByRole('button', { name: 'Record the decision' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(row).toContainText('Public')
  expect(await publicRead()).toBe(200)
  await screenshot(page, 'situation-person-unsealed')

  // The situation itself, from its header: the decision is shown under it.
  await page.getByTestId('reclassify-situation').click()
  const situationDialog = page.getByRole('dialog', { name: `Classification of the situation SIT-E2E-CLS-${suffix}` })
  await chooseClassification(situationDialog, 'Under seal')
  await situationDialog
    .getByRole('textbox', { name: 'Decision' })
    .fill('Pre-Trial Chamber I, order to seal (fictional)')
  await situationDialog.getByRole('button', { name: 'Record the decision' }).click()
  await expect(page.getByTestId('classification-decision')).toHaveText(
    /^Confidential → Under seal on \d{1,2} \w+ \d{4}: Pre-Trial Chamber I, order to seal \(fictional\)$/,
  )

  // The action speaks French too; a public record may be sealed again.
  await page.getByRole('button', { name: 'Français' }).click()
  await row.getByRole('button', { name: `Modifier la classification de ${name} (fictional)` }).click()
  await expect(page.getByRole('dialog', { name: `Classification de ${name} (fictional)` })).toBeVisible()
  await expect(page.getByText('Nouvelle classification (actuelle : Public)')).toBeVisible()
  await anonymous.close()
})
