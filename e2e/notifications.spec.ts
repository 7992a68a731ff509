import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { signIn } from './auth-helpers.ts'
import { apiOf, expect, screenshot, test, useLanguage } from './fixtures.ts'
import { draftArrest, recordWarrantedSuspect } from './records.ts'

// Notifications by e-mail, end to end: the server under test sends through a real SMTP server
// (test/smtp-sink-server.ts, started by playwright.config.ts), which keeps each mail it receives.
// The Registry transmits a request: the addressee's focal point gets a mail that names nothing of
// the request, follows its link, signs in and acknowledges; the Registry's drafter is told of that
// in turn. On records of the test's own, so that the demo's requests stay as other tests read them.

type Mail = { envelopeTo: string[]; subject: string; text: string; raw: string }

function mailsTo(address: string, requestId: string): Mail[] {
  const dir = process.env.PARTNINE_E2E_MAIL_DIR ?? ''
  return readdirSync(dir)
    .sort()
    .map((file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Mail)
    .filter((m) => m.envelopeTo.includes(address) && m.text.includes(`/requests/${requestId}`))
}

test('a transmitted request is told to the focal point by mail, whose link leads to it; its acknowledgement is told back', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000)
  await useLanguage(page, 'en')
  await signIn(page, 'registry.officer@demo.invalid')
  const api = apiOf(page)
  const suffix = Date.now().toString(36).toUpperCase()
  const suspect = await recordWarrantedSuspect(api, `MAIL-${suffix}`, `Notified Request Suspect ${suffix}`)
  const summary = `Arrest told by mail ${suffix}`
  const id = await draftArrest(api, suspect, 'ARG', summary)
  const approverContext = await browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } })
  const approver = await approverContext.newPage()
  await useLanguage(approver, 'en')
  await signIn(approver, 'registry.approver@demo.invalid')
  expect((await apiOf(approver)('POST', `/requests/${id}/transitions`, { action: 'approve' })).status).toBe(200)
  await approverContext.close()
  expect(mailsTo('arg.focal-point@demo.invalid', id)).toEqual([]) // nothing before transmission
  expect((await api('POST', `/requests/${id}/transitions`, { action: 'transmit' })).status).toBe(200)

  // The focal point's mail: where to read, in English and French, and nothing of the request.
  await expect.poll(() => mailsTo('arg.focal-point@demo.invalid', id).length, { timeout: 20_000 }).toBe(1)
  const [mail] = mailsTo('arg.focal-point@demo.invalid', id)
  expect(mail?.subject).toBe(
    'Part IX: A request for cooperation has been transmitted to you / Une demande de coopération vous a été transmise',
  )
  const reference = ((await (await page.request.get(`/api/v1/requests/${id}`)).json()) as { reference: string })
    .reference
  for (const secret of [summary, reference, 'Notified Request Suspect', 'Argentin'])
    expect(mail?.raw).not.toContain(secret)
  const link = mail?.text.match(/http:\/\/\S+\/requests\/\S+/)?.[0] ?? ''
  expect(new URL(link).pathname).toBe(`/requests/${id}`)

  // The link asks the reader to sign in, then leads to the request.
  const stateContext = await browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } })
  const state = await stateContext.newPage()
  await useLanguage(state, 'en')
  await signIn(state, 'arg.focal-point@demo.invalid')
  await state.goto(new URL(link).pathname)
  await expect(state.getByTestId('request-summary')).toHaveText(summary)
  await state.getByTestId('step-acknowledge').click()
  await state.getByTestId('step-confirm').click()
  await expect(state.getByTestId('request-page').getByTestId('request-status').first()).toHaveText('Acknowledged')
  // Their account page says what they are told of, and where, in EN and FR.
  await state.goto('/account')
  const card = state.getByTestId('notifications')
  await expect(card.getByTestId('notifications-status')).toHaveText('On')
  await expect(card).toContainText('The platform writes to arg.focal-point@demo.invalid when:')
  await expect(card.getByTestId('notifications-told-of').getByRole('listitem')).toHaveCount(4)
  await state.getByRole('button', { name: 'Français' }).click()
  await expect(card.getByRole('heading')).toHaveText('Notifications par courriel')
  await expect(card.getByTestId('notifications-status')).toHaveText('Activées')
  await screenshot(state, 'account-notifications-fr')
  // They choose one summary a day instead; the page says so and keeps it.
  const mode = (name: RegExp) => card.getByTestId('notifications-mode').getByRole('radio', { name })
  await mode(/^Un résumé par jour, à 06 h UTC$/).check()
  await expect(card).toContainText(
    'Une fois par jour, à 06 h UTC, la plateforme envoie à arg.focal-point@demo.invalid un résumé',
  )
  await state.reload()
  await expect(mode(/^Un résumé par jour/)).toBeChecked()
  await screenshot(state, 'account-notifications-daily-fr')
  await mode(/^Un courriel par événement/).check()
  await expect(card).toContainText('La plateforme écrit à arg.focal-point@demo.invalid lorsque :')
  await expect(mode(/^Un courriel par événement/)).toBeChecked()
  await stateContext.close()

  // The Registry's drafter and approver are told that the State took a step; the drafter, an
  // officer of the Registry, was told before that the request awaited its transmission.
  const awaiting =
    'Part IX: A request for cooperation has been approved and awaits transmission / Une demande de coopération a été approuvée et attend sa transmission'
  const moved =
    'Part IX: A request for cooperation you follow has moved to another stage / Une demande de coopération que vous suivez est passée à une autre étape'
  for (const [court, subjects] of [
    ['registry.officer@demo.invalid', [awaiting, moved]],
    ['registry.approver@demo.invalid', [moved]],
  ] as const)
    await expect.poll(() => mailsTo(court, id).map((m) => m.subject), { timeout: 20_000 }).toEqual(subjects)
})
