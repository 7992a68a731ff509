import { signIn } from './auth-helpers.ts'
import { apiOf, expect, test, useLanguage } from './fixtures.ts'
import { draftArrest, recordWarrantedSuspect } from './records.ts'

// A request for arrest leaves the Court only while its warrant stands. Once the warrant is
// withdrawn, its page counts the open requests still carrying it out, a transmitted one tells the
// Court so, and the approver of a draft is told why approval is not offered. On records of the
// test's own, so that the tests reading the demo's warrants beside it are not disturbed.

test('a withdrawn warrant holds back approval of its draft and counts the open requests on it (EN/FR)', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000)
  await useLanguage(page, 'en')
  await signIn(page, 'registry.officer@demo.invalid')
  const api = apiOf(page)
  const suffix = Date.now().toString(36).toUpperCase()
  const suspect = await recordWarrantedSuspect(api, `WS-${suffix}`, `Withdrawn Warrant Suspect ${suffix}`)
  const summary = `Arrest on a warrant later withdrawn ${suffix}`
  const requestId = await draftArrest(api, suspect, 'FRA', summary)
  // A second one leaves the Court while the warrant stands: approved by the approver, transmitted.
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } })
  const approver = await context.newPage()
  await useLanguage(approver, 'en')
  await signIn(approver, 'registry.approver@demo.invalid')
  const sentSummary = `Arrest transmitted before the warrant was withdrawn ${suffix}`
  const sentId = await draftArrest(api, suspect, 'FRA', sentSummary)
  expect((await apiOf(approver)('POST', `/requests/${sentId}/transitions`, { action: 'approve' })).status).toBe(200)
  expect((await api('POST', `/requests/${sentId}/transitions`, { action: 'transmit' })).status).toBe(200)

  // The warrant is withdrawn, on the person's page: it now says one open request carries it out.
  await page.goto(`/persons-sought/${encodeURIComponent(suspect.personId)}`)
  const card = page.getByTestId('warrant').first()
  await expect(card.getByTestId('fallen-warrant-requests')).toHaveCount(0)
  await card
    .getByRole('textbox', { name: 'New status' })
    .or(card.getByRole('combobox', { name: 'New status' }))
    .click()
  await page.getByRole('option', { name: 'Warrant withdrawn' }).click()
  await card.getByRole('button', { name: 'Record', exact: true }).click()
  await expect(card.getByTestId('warrant-status').first()).toHaveText('Warrant withdrawn')
  const notice = card.getByTestId('fallen-warrant-requests')
  await expect(notice).toContainText('This warrant no longer stands (Warrant withdrawn), yet 2 open requests still')
  await notice.getByRole('link', { name: 'See the open requests' }).click()
  await expect(page).toHaveURL(/\/requests\?warrantId=.+&status=draft/)
  await expect(page.getByText(summary)).toBeVisible()
  // The transmitted one stays with the State; its page tells the Court the warrant fell.
  await page
    .getByRole('row', { name: new RegExp(sentSummary) })
    .getByRole('link')
    .first()
    .click()
  await expect(page.getByTestId('concerns-warrant-fallen')).toHaveText(
    'No longer stands: the Court may withdraw this request, or tell the State in the thread.',
  )

  // The approver of the Registry opens the draft: approval is held back, and says why, in FR too.
  await approver.goto(`/requests/${requestId}`)
  await expect(approver.getByTestId('request-summary')).toHaveText(summary)
  await expect(approver.getByTestId('held-back-approve')).toContainText(
    '“Approve” is held back: a warrant this request carries out no longer stands (now: Warrant withdrawn).',
  )
  await expect(approver.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0)
  await expect(approver.getByRole('button', { name: 'Withdraw the request', exact: true })).toBeVisible()
  await approver.getByRole('button', { name: 'Français' }).click()
  await expect(approver.getByTestId('held-back-approve')).toContainText('Mandat retiré')
  await context.close()
})
