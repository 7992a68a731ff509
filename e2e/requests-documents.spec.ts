import { signIn } from './auth-helpers.ts'
import { expect, expectNoAxeViolations, test, useLanguage } from './fixtures.ts'

// Documents from the browser: the requested State's focal point uploads a document and a new
// version of it, sends a message with the document attached, and reports the request executed on
// it, the timeline keeping its SHA-256. Account: the Kenyan focal point, which no other spec signs
// in with; a Kenyan request in execution of the demo.

const pdf = (text: string) => ({
  name: 'execution-report.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.7\n${text}\n`),
})

test.describe('Requests: documents from the browser', () => {
  test.describe.configure({ timeout: 180_000 })

  test('the focal point uploads, versions, attaches to a message and rests a step on a document', async ({ page }) => {
    await useLanguage(page, 'en')
    await signIn(page, 'ken.focal-point@demo.invalid', '/sign-in?next=%2Finbox')
    const list = await page.request.get('/api/v1/requests?addressee=KEN&status=in_execution&sort=reference&limit=50')
    expect(list.ok()).toBe(true)
    const { items } = (await list.json()) as { items: { id: string }[] }
    const request = items.at(-1)
    expect(request).toBeDefined()
    await page.goto(`/requests/${request?.id}`)
    const documents = page.getByTestId('request-documents')
    await expect(documents).toBeVisible()

    // A new document, then a new version of it.
    await documents.locator('input[type="file"]').setInputFiles(pdf('first'))
    await page.getByTestId('document-upload-send').click()
    const rows = documents.getByRole('row', { name: /execution-report\.pdf/ })
    await expect(rows).toHaveCount(1)
    await documents.locator('input[type="file"]').setInputFiles(pdf('second'))
    await documents.getByRole('combobox', { name: 'As' }).click()
    await page.getByRole('option', { name: 'New version of execution-report.pdf' }).click()
    await page.getByTestId('document-upload-send').click()
    await expect(rows).toHaveCount(2)
    await expect(documents.getByRole('cell', { name: '2', exact: true })).toHaveCount(1)
    // The Court's redacted public version is not the State's to publish.
    await documents.getByRole('combobox', { name: 'As' }).click()
    await expect(page.getByRole('option', { name: /^Redacted public version/ })).toHaveCount(0)
    await page.keyboard.press('Escape')

    // A message with the latest version attached.
    const messages = page.getByTestId('request-messages')
    const body = `The report is attached (browser test ${Date.now()}).`
    await page.getByTestId('message-body').fill(body)
    await page.locator('.mantine-MultiSelect-input', { has: page.getByTestId('message-attachments') }).click()
    await page.getByRole('option', { name: 'execution-report.pdf (v2)' }).click()
    await page.keyboard.press('Escape')
    await page.getByTestId('message-send').click()
    const message = messages.getByTestId('message').filter({ hasText: body })
    await expect(message).toContainText('Attached: execution-report.pdf')

    // Reported executed on the first version: the timeline names it with its SHA-256.
    await page.getByTestId('step-report_executed').click()
    await page.locator('.mantine-MultiSelect-input', { has: page.getByTestId('step-documents') }).click()
    await page.getByRole('option', { name: 'execution-report.pdf (v1)' }).click()
    // Away from the list (Escape would close the dialog).
    await page.getByTestId('step-note').click()
    await page.getByTestId('step-confirm').click()
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await expect(page.getByTestId('request-page').getByTestId('request-status').first()).toHaveText('Executed')
    const cited = page.getByTestId('timeline').getByTestId('event-documents')
    await expect(cited).toHaveCount(1)
    await expect(cited).toContainText('Documents: execution-report.pdf SHA-256 ')
    await expectNoAxeViolations(page)
  })
})
