import { signIn } from './auth-helpers.ts'
import { expect, expectNoAxeViolations, test, useLanguage } from './fixtures.ts'

// The Court chases a request whose deadline has passed: the request's page drafts a reminder in
// the thread, in the request's language, naming the deadline missed; the officer reads it and
// sends it (or not). The demo's overdue requests are in English; nothing is sent here, so that the
// demo's threads stay as the other tests read them.

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
