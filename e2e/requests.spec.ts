import { signIn } from './auth-helpers.ts'
import {
  consoleProblemsOf,
  expect,
  expectNoAxeViolations,
  type Page,
  screenshot,
  test,
  useLanguage,
} from './fixtures.ts'

// The requests screens: the State's inbox, the Court's workload, the drafting wizard and a full life
// cycle across four accounts (four eyes: the drafter cannot approve).

/** Messages and documents come with another change; until their routes exist the page probes them (404). */
function allowOptionalRoutes(page: Page) {
  consoleProblemsOf.get(page)?.allowedErrors.push(/status of 404.*\/api\/v1\/requests\/[^/]+\/(messages|documents)/)
}

async function switchAccount(page: Page, email: string, path: string) {
  await page.context().clearCookies()
  await signIn(page, email, `/sign-in?next=${encodeURIComponent(path)}`)
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[/?]/g, '\\$&')}$`))
}

/**
 * Confirms the step whose dialog is open. The dialog closes once the server has taken the step; a
 * refusal keeps it open with the error, so a failure here tells which of the two happened.
 */
async function confirmStep(page: Page) {
  await page.getByTestId('step-confirm').click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
}

async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page
    .getByRole('combobox', { name: label, exact: true })
    .or(page.getByRole('textbox', { name: label, exact: true }))
    .first()
    .click()
  await page.getByRole('option', { name: option }).first().click()
}

async function draftThroughWizard(page: Page, opts: { summary: string; complete: boolean; fr?: boolean }) {
  const fr = opts.fr ?? false
  const next = fr ? 'Suivant' : 'Next'
  await choose(
    page,
    fr ? 'Type de demande' : 'Type of request',
    fr ? /Transmission de dossiers/ : /Provision of records/,
  )
  await expect(page.getByTestId('type-statute')).toContainText('93(1)')
  // The catalogue's summary in the app's language (French: the project's translation).
  await expect(page.getByTestId('type-summary')).toHaveAttribute('lang', fr ? 'fr' : 'en')
  await expect(page.getByTestId('type-summary')).toHaveText(
    fr
      ? 'Transmettre des dossiers et des documents, y compris des dossiers et documents officiels.'
      : 'Provide records and documents, including official records.',
  )
  await page.getByRole('button', { name: next }).click()
  await choose(page, fr ? 'États ou organisations requis' : 'Requested States or organisations', /\(NLD\)/)
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: next }).click()
  await choose(page, 'Situation', /Demoland/)
  await page.getByRole('button', { name: next }).click()
  // The addressee's declared channel is proposed (87(1)).
  await expect(
    page.getByText(fr ? /Proposé : Autorité centrale/ : /Proposed: the addressee's declared Central authority/),
  ).toBeVisible()
  await page.getByRole('button', { name: next }).click()
  await page.getByTestId('wizard-summary').fill(opts.summary)
  if (opts.complete) {
    await page
      .getByTestId('wizard-facts')
      .fill('Fictional facts for a browser test: records held by the national registry.')
    await page.getByTestId('wizard-assistance').fill('Provide certified copies of the fictional registry records.')
    await page.getByTestId('wizard-legal-basis').fill('Articles 93(1)(i) and 96 of the Rome Statute')
  }
  await page.getByTestId('wizard-save').click()
  await expect(page.getByTestId('draft-saved')).toBeVisible()
}

test.describe('Requests for cooperation', () => {
  test.describe.configure({ timeout: 180_000 })

  test('the Dutch focal point’s inbox shows transmitted requests and no drafts', async ({ page }) => {
    await useLanguage(page, 'en')
    await signIn(page, 'nld.focal-point@demo.invalid', '/sign-in?next=%2Finbox')
    await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible()
    await expect(
      page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Inbox' }),
    ).toBeVisible()
    await expect(
      page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Requests' }),
    ).toHaveCount(0)
    // The Court's workload, from a shared link, is the State's inbox for a focal point.
    await page.goto('/requests')
    await expect(page).toHaveURL(/\/inbox$/)
    const table = page.getByTestId('inbox-table')
    await expect(table.getByTestId('request-row').first()).toBeVisible()
    await expect(table.getByTestId('request-status').filter({ hasNotText: 'Transmitted' })).toHaveCount(0)
    await page.getByRole('tab', { name: 'All' }).click()
    await expect(page).toHaveURL(/tab=all/)
    await expect(table.getByTestId('request-row').first()).toBeVisible()
    await expect(table.getByTestId('request-status').filter({ hasText: /^(Draft|Approved)$/ })).toHaveCount(0)
    // Only requests addressed to the Netherlands.
    await expect(table.getByRole('row').filter({ hasText: /ICC-/ }).first()).toBeVisible()
    await page.getByRole('tab', { name: 'Overdue' }).click()
    await expect(table.getByTestId('overdue').first()).toBeVisible()
    // The tab as a file: its rows only, all addressed to the Netherlands, overdue.
    // Once the tab's count and rows have come (the previous tab's stay on screen until then).
    let shown = 0
    await expect
      .poll(async () => {
        shown = Number(/^(\d+)/.exec((await page.getByTestId('inbox-count').textContent()) ?? '')?.[1])
        const rows = await table.getByTestId('request-row').count()
        return shown > 0 && rows === shown && (await table.getByTestId('overdue').count()) === rows
      })
      .toBe(true)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ])
    const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8')
    const [header, ...records] = csv
      .trim()
      .split(/\r?\n/)
      .map((line) => line.slice(1, -1).split('","'))
    expect(records).toHaveLength(shown)
    const column = (name: string) => header?.findIndex((h) => h.replace(/^\uFEFF"?/, '') === name) ?? -1
    expect(new Set(records.map((r) => r[column('Addressee')]))).toEqual(new Set(['NLD']))
    expect(new Set(records.map((r) => r[column('Overdue')]))).toEqual(new Set(['yes']))
    // Every status, classification and overdue badge is read whole, never cut to "ACKNOW…".
    const cut = await table
      .locator('.mantine-Badge-label')
      .evaluateAll((labels) => labels.filter((l) => l.scrollWidth > l.clientWidth).map((l) => l.textContent))
    expect(cut).toEqual([])
    await expectNoAxeViolations(page)
    await screenshot(page, 'requests-inbox-nld-en')
    await page.getByRole('button', { name: 'Français' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Demandes reçues' })).toBeVisible()
    await expect(page.getByRole('tab', { name: 'En retard' })).toHaveAttribute('aria-selected', 'true')
    await expectNoAxeViolations(page)
  })

  test('the Court’s workload: filters in the address, counts, keyset pages', async ({ page }) => {
    await useLanguage(page, 'en')
    // Not the Registry officer: sign-in.spec.ts uses that account's code of the window without retrying.
    await signIn(page, 'chambers.officer@demo.invalid', '/sign-in?next=%2Frequests')
    await expect(page.getByRole('heading', { level: 1, name: 'Requests' })).toBeVisible()
    await expect(page.getByTestId('workload-totals')).toContainText('overdue')
    const rows = page.getByTestId('workload-table').getByTestId('request-row')
    await expect(rows).toHaveCount(50)
    await page.getByRole('button', { name: 'Load more' }).click()
    await expect(rows).toHaveCount(100)
    await choose(page, 'Overdue', 'Overdue only')
    await expect(page).toHaveURL(/overdue=true/)
    await expect(page.getByTestId('workload-table').getByTestId('overdue').first()).toBeVisible()
    await page.getByTestId('status-counts').getByRole('button', { name: 'Transmitted' }).click()
    await expect(page).toHaveURL(/overdue=true.*status=transmitted|status=transmitted.*overdue=true/)
    await expect(
      page.getByTestId('workload-table').getByTestId('request-status').filter({ hasNotText: 'Transmitted' }),
    ).toHaveCount(0)
    await expectNoAxeViolations(page)
    await screenshot(page, 'requests-workload-en')
    // A reload keeps the view.
    await page.reload()
    await expect(page.getByTestId('workload-count')).toContainText('overdue')
    await expect(page).toHaveURL(/status=transmitted/)
    await expect(
      page.getByTestId('workload-table').getByTestId('request-status').filter({ hasNotText: 'Transmitted' }),
    ).toHaveCount(0)
    // The situation and addressee tables count under the other filters; a row narrows the list to
    // exactly its count.
    for (const [table, param] of [
      ['situation-counts', 'situation'],
      ['addressee-counts', 'addressee'],
    ] as const) {
      const row = page
        .getByTestId(table)
        .getByRole('row')
        .filter({ has: page.getByRole('button') })
        .first()
      const total = ((await row.getByRole('cell').first().textContent()) ?? '').trim()
      expect(Number(total)).toBeGreaterThan(0)
      await row.getByRole('button').click()
      await expect(page).toHaveURL(new RegExp(`${param}=`))
      await expect(page.getByTestId('workload-count')).toContainText(` of ${total} (`)
    }
    await expect(page).toHaveURL(/status=transmitted/)
  })

  test('the Court’s workload: full-text search, exports of what the list shows, saved views', async ({ page }) => {
    await useLanguage(page, 'en')
    await signIn(page, 'chambers.officer@demo.invalid', '/sign-in?next=%2Frequests')
    const rows = page.getByTestId('workload-table').getByTestId('request-row')
    await expect(rows).toHaveCount(50)
    // Full text: the demo's summaries name their type; ordered by relevance.
    await page.getByTestId('workload-search').fill('transit')
    await expect(page).toHaveURL(/q=transit/)
    await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('Relevance')
    await expect(rows.first()).toContainText(/transit/i)
    const count = page.getByTestId('workload-count')
    await expect(count).toContainText(/Showing \d+ of \d+/)
    const total = Number(/of (\d+)/.exec((await count.textContent()) ?? '')?.[1])
    expect(total).toBeGreaterThan(0)
    expect(total).toBeLessThan(50)
    // The CSV export has exactly the list's rows, in its order.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ])
    const csv = await (await download.createReadStream()).toArray()
    const lines = Buffer.concat(csv).toString('utf8').trim().split(/\r?\n/)
    expect(lines).toHaveLength(total + 1)
    const references = await rows.locator('a[href^="/requests/"]').allTextContents()
    expect(lines.slice(1).map((l) => l.split(',')[0]?.replaceAll('"', ''))).toEqual(references)
    // Saved under a name, the view comes back after the filters are cleared.
    await page.getByRole('button', { name: 'Save this view' }).click()
    const name = `Transit ${Date.now()}`
    await page.getByLabel('Name of the view').fill(name)
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByTestId('clear-filters').click()
    await expect(page).not.toHaveURL(/q=/)
    await expect(page.getByTestId('workload-search')).toHaveValue('')
    await choose(page, 'Saved views', name)
    await expect(page).toHaveURL(/q=transit/)
    await expect(page.getByTestId('workload-search')).toHaveValue('transit')
    await expect(count).toContainText(`of ${total} (`)
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: `Delete “${name}”` }).click()
    await expect(page.getByRole('button', { name: `Delete “${name}”` })).toHaveCount(0)
  })

  test('full life cycle in EN: draft (OTP officer), approve (OTP approver), transmit (Registry), acknowledge (NLD)', async ({
    page,
  }) => {
    allowOptionalRoutes(page)
    await useLanguage(page, 'en')
    await signIn(page, 'otp.officer@demo.invalid', '/sign-in?next=%2Frequests%2Fnew')
    await expect(page.getByRole('heading', { level: 1, name: 'Draft a request' })).toBeVisible()
    await expectNoAxeViolations(page)
    // The Prosecutor's types only: not an arrest (the Chambers' or the Registry's), but information
    // in a preliminary examination (15(2)), which is the Prosecutor's alone.
    await page.getByRole('combobox', { name: 'Type of request', exact: true }).click()
    await expect(page.getByRole('option', { name: /^Information sought in a preliminary examination/ })).toBeVisible()
    await expect(page.getByRole('option', { name: /^Provision of records/ })).toBeVisible()
    await expect(page.getByRole('option', { name: /^(Arrest and surrender|Provisional arrest|Transit)/ })).toHaveCount(
      0,
    )
    await page.getByRole('option', { name: /^Information sought in a preliminary examination/ }).click()
    await expect(page.getByTestId('type-not-obligatory')).toHaveText(
      'Outside Part IX: no State or organisation is bound to answer; the Prosecutor asks, and they may give the information of their own accord (article 15(2)).',
    )
    const summary = `Browser test EN ${Date.now()}`
    await draftThroughWizard(page, { summary, complete: true })
    await expect(page.getByTestId('checklist-status')).toHaveText('Complete')
    await page.getByTestId('wizard-open').click()
    await expect(page.getByTestId('request-summary')).toHaveText(summary)
    await expect(page.getByTestId('request-page').getByTestId('request-status').first()).toHaveText('Draft')
    await expect(page.getByTestId('checklist')).toContainText('96(2)(c)')
    await expect(page.getByTestId('checklist-status')).toHaveText('Complete')
    // Elements "as applicable" left out are said, not flagged as missing: they do not block approval.
    await expect(page.getByTestId('checklist-missing')).toHaveCount(0)
    await expect(page.getByTestId('checklist-not-given').first()).toContainText('Not given:')
    // Four eyes: the drafter may withdraw, not approve.
    await expect(page.getByTestId('step-approve')).toHaveCount(0)
    await expect(page.getByTestId('step-withdraw')).toBeVisible()
    await expectNoAxeViolations(page)
    const url = new URL(page.url()).pathname

    await switchAccount(page, 'otp.approver@demo.invalid', url)
    await page.getByTestId('step-approve').click()
    await confirmStep(page)
    await expect(page.getByTestId('request-page').getByTestId('request-status').first()).toHaveText('Approved')

    await switchAccount(page, 'registry.officer@demo.invalid', url)
    await page.getByTestId('step-transmit').click()
    await confirmStep(page)
    await expect(page.getByTestId('request-page').getByTestId('request-status').first()).toHaveText('Transmitted')
    await expect(page.getByTestId('receipts').getByTestId('receipt')).toHaveCount(1)
    await expect(page.getByTestId('verify-offline')).toContainText('Ed25519')
    // The Court side extends the response deadline with a reason; the history keeps it.
    await expect(page.getByTestId('deadlines-unchanged')).toBeVisible()
    await page.getByTestId('deadline-to').fill('2027-06-30')
    await page.getByTestId('deadline-reason').fill('Agreed with the Dutch central authority (browser test)')
    await page.getByTestId('deadline-submit').click()
    const change = page.getByTestId('deadline-change')
    await expect(change).toHaveCount(1)
    await expect(change).toContainText('Response deadline')
    await expect(change).toContainText('30 June 2027')
    await expect(change).toContainText('Agreed with the Dutch central authority (browser test)')
    await expect(change).toContainText('registry.officer@demo.invalid')
    await expect(page.getByTestId('request-facts')).toContainText('30 June 2027')
    await expect(page.getByTestId('timeline')).toContainText('Deadline changed')
    await expect(page.getByTestId('timeline')).toContainText('Response deadline: ')

    await switchAccount(page, 'nld.focal-point@demo.invalid', '/inbox')
    await page
      .getByTestId('inbox-table')
      .getByRole('row', { name: new RegExp(summary) })
      .getByRole('link')
      .click()
    await expect(page.getByTestId('request-summary')).toHaveText(summary)
    await page.getByTestId('step-acknowledge').click()
    await confirmStep(page)
    await expect(page.getByTestId('request-page').getByTestId('request-status').first()).toHaveText('Acknowledged')
    await expect(page.getByTestId('receipts').getByTestId('receipt')).toHaveCount(2)
    // The State sees the deadline's history, and may not change it.
    await expect(page.getByTestId('deadline-change')).toHaveCount(1)
    await expect(page.getByTestId('deadline-form')).toHaveCount(0)
    // The timeline says what happened, with what the step recorded (the channel of transmission).
    await expect(page.getByTestId('timeline')).toContainText('Receipt acknowledged')
    await expect(page.getByTestId('timeline').getByTestId('event-detail').first()).toContainText('Through: ')
    // Five events; the deadline's change left the state as it was, and does not repeat it.
    await expect(page.getByTestId('timeline').getByText(/^Status: /)).toHaveCount(4)
    await expect(page.getByTestId('step-begin_execution')).toBeVisible()
    // The drafter and the approver by the names the timeline gives them, not by their account ids.
    const drafting = page.getByTestId('request-drafting')
    await expect(drafting).toContainText('drafted by otp.officer@demo.invalid (ICC-OTP)')
    await expect(drafting).toContainText('approved by otp.approver@demo.invalid (ICC-OTP)')
    await expect(page.getByTestId('request-page')).not.toContainText('user:')
    await expect(drafting).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/)
    await expectNoAxeViolations(page)
    await screenshot(page, 'requests-page-acknowledged-en')

    // The inbox's counts, kept on the server since the visit before the step, are the fresh ones.
    await page.goto('/inbox')
    const fresh = await page.request.get('/api/v1/requests/counts?addressee=NLD&status=transmitted', {
      headers: { 'cache-control': 'no-cache' },
    })
    expect(fresh.ok()).toBe(true)
    const { byStatus } = (await fresh.json()) as { byStatus: { status: string; total: number }[] }
    const transmitted = byStatus.find((s) => s.status === 'transmitted')?.total ?? 0
    await expect(page.getByTestId('inbox-summary')).toContainText(new RegExp(`(^|\\D)${transmitted} new request`))
  })

  test('full life cycle in FR, to its end: consultation (97), postponement (94), partial execution', async ({
    page,
  }) => {
    test.setTimeout(300_000)
    allowOptionalRoutes(page)
    await useLanguage(page, 'fr')
    await signIn(page, 'otp.officer@demo.invalid', '/sign-in?next=%2Frequests%2Fnew')
    await expect(page.getByRole('heading', { level: 1, name: 'Rédiger une demande' })).toBeVisible()
    const summary = `Cycle complet FR ${Date.now()}`
    await draftThroughWizard(page, { summary, complete: true, fr: true })
    await page.getByTestId('wizard-open').click()
    await expect(page.getByTestId('request-summary')).toHaveText(summary)
    const url = new URL(page.url()).pathname
    const status = page.getByTestId('request-page').getByTestId('request-status').first()
    const detail = page.getByTestId('request-status-detail')
    const take = async (action: string, fill?: () => Promise<unknown>) => {
      await page.getByTestId(`step-${action}`).click()
      await fill?.()
      await confirmStep(page)
    }

    await switchAccount(page, 'otp.approver@demo.invalid', url)
    await take('approve')
    await expect(status).toHaveText('Approuvée')
    // The Registry's approver may transmit too (the Registry officer does in the EN test).
    await switchAccount(page, 'registry.approver@demo.invalid', url)
    await take('transmit')
    await expect(status).toHaveText('Transmise')

    await switchAccount(page, 'nld.focal-point@demo.invalid', url)
    await take('acknowledge')
    await expect(status).toHaveText('Réception accusée')
    await take('begin_execution')
    await expect(status).toHaveText("En cours d'exécution")
    await take('raise_consultation', () => choose(page, 'Problème soulevé (article 97)', /^Personne introuvable/))
    await expect(status).toHaveText('En consultation')
    await expect(detail).toHaveText('Problème : Personne introuvable (97(b))')

    // The Court answers the consultation; execution goes on.
    await switchAccount(page, 'otp.officer@demo.invalid', url)
    await take('answer_consultation', () =>
      page.getByTestId('step-note').fill('Adresse probable communiquée par la Cour (fictif).'),
    )
    await expect(status).toHaveText("En cours d'exécution")
    await expect(detail).toHaveCount(0)

    await switchAccount(page, 'nld.focal-point@demo.invalid', url)
    await take('postpone', async () => {
      await choose(page, "Fondement de l'ajournement", /^Article 94/)
      // Dates are written and picked in French whatever the browser's locale (this one is en-US).
      const until = page.getByLabel("Différée jusqu'au")
      await expect(until).toHaveAttribute('placeholder', 'jj/mm/aaaa')
      await until.fill('15/02/2027')
      await page.getByRole('button', { name: 'Choisir dans un calendrier' }).click()
      await expect(page.getByRole('dialog').getByText('février 2027')).toBeVisible()
      await page.getByRole('button', { name: '28 février 2027' }).click()
      await expect(until).toHaveValue('28/02/2027')
      // Not a day: the field says so and the step cannot be taken.
      await until.fill('31/02/2027')
      await until.blur()
      await expect(page.getByText('Saisissez une date au format jj/mm/aaaa')).toBeVisible()
      await expect(page.getByTestId('step-confirm')).toBeDisabled()
      await until.fill('1/3/2027')
      await until.blur()
      await expect(until).toHaveValue('01/03/2027')
    })
    await expect(status).toHaveText('Différée')
    await expect(detail).toContainText('jusqu’au 1 mars 2027')
    // In the inbox, a postponed request shows the period it waits for, not a suspended deadline.
    await page.goto('/inbox?tab=all')
    await expect(
      page.getByTestId('inbox-table').getByTestId('request-row').filter({ hasText: summary }).getByTestId('postponed'),
    ).toHaveText("Différée jusqu'au 1 mars 2027")
    await page.goto(url)
    await take('resume_execution')
    await expect(status).toHaveText("En cours d'exécution")
    await take('report_partially_executed', () =>
      page.getByTestId('step-note').fill('Une partie des dossiers a été détruite (fictif).'),
    )
    await expect(status).toHaveText('Partiellement exécutée')

    // Closed: no step left, the date it closed, and the whole path in the timeline, in French.
    await expect(page.getByText(/^Aucune étape ne vous est ouverte/)).toBeVisible()
    await expect(page.getByTestId('request-facts')).toContainText('Clôture')
    const timeline = page.getByTestId('timeline')
    for (const event of [
      'Projet rédigé',
      'Approuvée',
      'Transmise',
      'Réception accusée',
      'Exécution commencée',
      'Consultation ouverte',
      'Réponse à la consultation',
      'Exécution différée',
      'Exécution reprise',
      'Exécution partielle signalée',
    ])
      await expect(timeline).toContainText(event)
    await expect(timeline).toContainText('Adresse probable communiquée par la Cour (fictif).')
    await expect(timeline).toContainText('Problème : Personne introuvable (97(b))')
    await expect(page.getByTestId('receipts').getByTestId('receipt')).toHaveCount(2)
    await expectNoAxeViolations(page)
    await screenshot(page, 'requests-page-closed-fr')
  })

  test('a request refused by its State says on what ground and when it closed, in EN and FR', async ({ page }) => {
    await useLanguage(page, 'en')
    await signIn(page, 'nld.focal-point@demo.invalid', '/sign-in?next=%2Finbox')
    const found = await page.request.get('/api/v1/requests?addressee=NLD&status=not_executed&limit=1')
    expect(found.ok()).toBe(true)
    const [refused] = ((await found.json()) as { items: { id: string; closedAt: string }[] }).items
    expect(refused?.closedAt).toBeTruthy()
    await page.goto(`/requests/${refused?.id}`)
    await expect(page.getByTestId('request-status-detail')).toContainText(/^Ground: /)
    await expect(page.getByTestId('request-facts')).toContainText('Closed')
    await expect(page.getByTestId('timeline')).toContainText('Reported not executed')
    await expect(page.getByTestId('timeline').getByTestId('event-detail').last()).toContainText('Ground: ')
    await page.getByRole('button', { name: 'Français' }).click()
    await expect(page.getByTestId('request-status-detail')).toContainText(/^Motif : /)
    await expect(page.getByTestId('timeline')).toContainText('Non-exécution signalée')
    // In the inbox, a closed request shows when it closed, not a deadline it no longer has.
    await page.goto('/inbox?tab=all')
    await expect(page.getByTestId('inbox-table').getByTestId('closed-on').first()).toContainText('Clôturée le')
    await expectNoAxeViolations(page)
  })

  test('in FR: an incomplete draft shows what is missing and why, and cannot be approved', async ({ page }) => {
    allowOptionalRoutes(page)
    await useLanguage(page, 'fr')
    await signIn(page, 'otp.officer@demo.invalid', '/sign-in?next=%2Frequests%2Fnew')
    await expect(page.getByRole('heading', { level: 1, name: 'Rédiger une demande' })).toBeVisible()
    const summary = `Test navigateur FR ${Date.now()}`
    await draftThroughWizard(page, { summary, complete: false, fr: true })
    await expect(page.getByTestId('checklist-status')).toHaveText('Incomplète')
    await expect(page.getByTestId('checklist')).toContainText('Manquant')
    await expectNoAxeViolations(page)
    await page.getByTestId('wizard-open').click()
    await expect(page.getByTestId('request-summary')).toHaveText(summary)
    await expect(page.getByTestId('request-page').getByTestId('request-status').first()).toHaveText('Projet')
    const url = new URL(page.url()).pathname
    await switchAccount(page, 'otp.approver@demo.invalid', url)
    await expect(page.getByRole('heading', { name: 'Étapes suivantes' })).toBeVisible()
    await expect(page.getByTestId('step-approve')).toHaveCount(0)
    await expect(page.getByTestId('step-withdraw')).toHaveText('Retirer la demande')
    await page.getByTestId('step-withdraw').click()
    await page.getByTestId('step-note').fill('Incomplet : retiré lors du test.')
    await confirmStep(page)
    await expect(page.getByTestId('request-page').getByTestId('request-status').first()).toHaveText('Retirée')
    await expect(page.getByTestId('no-steps')).toBeVisible()
    await expectNoAxeViolations(page)
  })
  test('an arrest request names the warrant it carries out: the wizard offers it, the page shows it (EN, FR)', async ({
    page,
  }) => {
    allowOptionalRoutes(page)
    await useLanguage(page, 'en')
    await signIn(page, 'registry.officer@demo.invalid', '/sign-in?next=%2Frequests%2Fnew')
    await choose(page, 'Type of request', /^Arrest and surrender/)
    await page.getByRole('button', { name: 'Next' }).click()
    await choose(page, 'Requested States or organisations', /\(NLD\)/)
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Next' }).click()
    await choose(page, 'Situation', /Demoland/)
    // The demo suspect's sealed warrant, at large: picking it links its person too.
    // Mantine's field takes the click around its input (an empty multi-select's input is hidden).
    await page.locator('.mantine-MultiSelect-input', { has: page.getByTestId('wizard-warrants') }).click()
    await page
      .getByRole('option', {
        name: /^Fictional Person A \(fictional\) — Pre-Trial Chamber II \(fictional\), 14 June 2019$/,
      })
      .click()
    await page.keyboard.press('Escape')
    await expect(page.getByText('Fictional Person A (fictional) — suspect', { exact: true }).first()).toBeVisible()
    await page.getByRole('button', { name: 'Next' }).click()
    await page.getByRole('button', { name: 'Next' }).click()
    const summary = `Arrest on the warrant, browser test ${Date.now()}`
    await page.getByTestId('wizard-summary').fill(summary)
    await page.getByTestId('wizard-save').click()
    await expect(page.getByTestId('draft-saved')).toBeVisible()
    // 91(2)(b) stands satisfied by the warrant: no answer is asked for it.
    await expect(page.getByRole('textbox', { name: /91\(2\)\(a\)/ })).toBeVisible()
    await expect(page.getByRole('textbox', { name: /91\(2\)\(b\)/ })).toHaveCount(0)
    await page.getByTestId('wizard-open').click()
    await expect(page.getByTestId('request-summary')).toHaveText(summary)
    const concerns = page.getByTestId('concerns')
    await expect(concerns.getByTestId('concerns-situation')).toContainText('Demoland')
    await expect(concerns.getByTestId('concerns-persons')).toContainText('Fictional Person A (fictional) — suspect')
    const warrant = concerns.getByTestId('concerns-warrant')
    await expect(warrant).toHaveCount(1)
    await expect(warrant).toContainText(
      'Fictional Person A (fictional): warrant issued by Pre-Trial Chamber II (fictional), 14 June 2019',
    )
    await expect(warrant.getByTestId('warrant-status')).toHaveText('At large')
    await expectNoAxeViolations(page)
    await page.evaluate(() => window.localStorage.setItem('partnine.language', 'fr'))
    await page.reload()
    await expect(concerns.getByRole('heading', { name: 'Objet de la demande' })).toBeVisible()
    await expect(concerns).toContainText('Mandats d’arrêt exécutés')
    await expect(warrant).toContainText('mandat délivré par Chambre préliminaire II (fictive), 14 juin 2019')
    await warrant.getByRole('link').click()
    await expect(page).toHaveURL(/\/persons-sought\/demo%3Aperson%3AA$/)
    // From the warrant, the Court's workload of the requests carrying it out: this draft first.
    await page.getByTestId('warrant-requests').click()
    await expect(page.getByTestId('warrant-filter')).toContainText(
      'Seulement les demandes qui exécutent un mandat d’arrêt.',
    )
    await expect(page.getByText(summary)).toBeVisible()
    // And back on the request, its situation's page, where the warrant is listed too.
    await page
      .getByRole('row', { name: new RegExp(summary) })
      .getByRole('link')
      .first()
      .click()
    await concerns.getByTestId('concerns-situation').getByRole('link').click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Demoland')
    await expect(page.getByTestId('situation-warrants')).toContainText('Fictional Person A (fictional)')
  })
})
