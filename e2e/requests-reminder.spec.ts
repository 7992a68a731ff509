import path from 'node:path'
import Database from 'better-sqlite3'
import { signIn } from './auth-helpers.ts'
import { apiOf, expect, expectNoAxeViolations, test, useLanguage } from './fixtures.ts'
import { draftArrest, recordWarrantedSuspect } from './records.ts'

// The Court chases a request whose deadline has passed: the request's page drafts a reminder in
// the thread, in the request's language, naming the deadline missed; the officer reads it and
// sends it (or not). The demo's overdue requests are in English: a request of the test's own, in
// French, is chased in French. Nothing is sent here, so that the threads stay as other tests read them.

type Summary = { id: string; reference: string; language: string; isAcknowledgementOverdue: boolean }

test('an overdue request offers a reminder naming the deadline missed; one on time offers none', async ({ page }) => {
  await useLanguage(page, 'en')
  await signIn(page, 'otp.approver@demo.invalid')
  const list = async (query: string) =>
    ((await (await page.request.get(`/api/v1/requests?${query}&limit=100`)).json()) as { items: Summary[] }).items
  const withTheState = 'status=transmitted&status=acknowledged&status=in_execution'
  const overdue = await list(`overdue=true&${withTheState}`)
  const unacknowledged = overdue.find((r) => r.isAcknowledgementOverdue && r.language === 'en')
  const unanswered = overdue.find((r) => !r.isAcknowledgementOverdue && r.language === 'en')
  expect(unacknowledged, 'a demo request past its acknowledgement deadline').toBeDefined()
  expect(unanswered, 'a demo request past its response deadline').toBeDefined()

  await page.goto(`/requests/${unacknowledged?.id}`)
  const body = page.getByTestId('message-body')
  await page.getByTestId('message-reminder').click()
  await expect(body).toHaveValue(
    new RegExp(`^Reminder from the International Criminal Court\\. Request ${unacknowledged?.reference} \\(`),
  )
  await expect(body).toHaveValue(
    /was to be acknowledged by \d{1,2} \w+ \d{4}, and the Court has no acknowledgement of it\./,
  )
  await expect(body).toHaveValue(
    /Under article 86 of the Rome Statute, States Parties shall cooperate fully with the Court\./,
  )
  await expect(page.getByText("a reminder in the request's language (English)")).toBeVisible()
  await expectNoAxeViolations(page)

  await page.goto(`/requests/${unanswered?.id}`)
  await page.getByTestId('message-reminder').click()
  await expect(body).toHaveValue(new RegExp(`The response to request ${unanswered?.reference} \\(.+\\) was due by `))
  await expect(body).toHaveValue(
    /Please inform the Court of the state of its execution, or consult the Court under article 97/,
  )

  // A request still within its deadlines has nothing to chase.
  const onTime = (await list(withTheState)).find((r) => !overdue.some((o) => o.id === r.id))
  await page.goto(`/requests/${onTime?.id}`)
  await expect(page.getByTestId('message-body')).toBeVisible()
  await expect(page.getByTestId('message-reminder')).toHaveCount(0)
})

test('a request in French is chased in French', async ({ page, browser }) => {
  test.setTimeout(120_000)
  await useLanguage(page, 'en')
  await signIn(page, 'registry.officer@demo.invalid')
  const api = apiOf(page)
  const suffix = Date.now().toString(36).toUpperCase()
  const suspect = await recordWarrantedSuspect(api, `REM-${suffix}`, `Chased Suspect ${suffix}`)
  const id = await draftArrest(api, suspect, 'FRA', `Arrest chased in French ${suffix}`, 'fr')
  const approverContext = await browser.newContext()
  const approver = await approverContext.newPage()
  await useLanguage(approver, 'en')
  await signIn(approver, 'registry.approver@demo.invalid')
  expect((await apiOf(approver)('POST', `/requests/${id}/transitions`, { action: 'approve' })).status).toBe(200)
  await approverContext.close()
  expect((await api('POST', `/requests/${id}/transitions`, { action: 'transmit' })).status).toBe(200)
  // Time cannot be sped up for the server: the acknowledgement deadline is moved into the past in
  // its database, as a week without an answer would leave it (the triggers tell the server's kept
  // pages that the request changed, as for any writer).
  const db = new Database(path.join(process.env.PARTNINE_E2E_DATA_DIR ?? '', 'partnine.db'))
  try {
    db.pragma('busy_timeout = 5000')
    db.prepare('update requests set acknowledgement_deadline = ? where id = ?').run('2026-01-15T17:00:00.000Z', id)
  } finally {
    db.close()
  }
  await page.goto(`/requests/${id}`)
  await expect(page.getByText("a reminder in the request's language (French)")).toBeVisible()
  await page.getByTestId('message-reminder').click()
  const reference = ((await (await page.request.get(`/api/v1/requests/${id}`)).json()) as { reference: string })
    .reference
  await expect(page.getByTestId('message-body')).toHaveValue(
    new RegExp(`^Rappel de la Cour pénale internationale\\. La réception de la demande ${reference} \\(`),
  )
  await expect(page.getByTestId('message-body')).toHaveValue(
    /devait être accusée au plus tard le 15 janvier 2026, et la Cour n’en a pas reçu l’accusé\./,
  )
  await expect(page.getByTestId('message-body')).toHaveValue(/En vertu de l’article 86 du Statut de Rome/)
})
