import { expect, screenshot, test, useLanguage } from './fixtures.ts'

test.describe('States page', () => {
  test('lists every State in English, with the demo banner and the total', async ({ page, consoleProblems }) => {
    await useLanguage(page, 'en')
    await page.goto('/')
    await expect(page).toHaveURL(/\/states$/)
    await expect(page.getByRole('heading', { level: 1, name: 'States' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByTestId('demo-banner')).toHaveText(
      'Fictional demo data is loaded — people, focal points and contacts shown as demo are invented.',
    )
    await expect(page.getByTestId('states-count')).toHaveText('198 States')
    await expect(page.getByRole('link', { name: 'Netherlands' })).toHaveCount(0) // first page is A–E
    await expect(page.getByRole('link', { name: 'Afghanistan' })).toBeVisible()
    await expect(page.getByTestId('states-map').locator('path').first()).toBeVisible()
    await screenshot(page, 'states-en')
    expect(consoleProblems.errors).toEqual([])
  })

  test('switches to French and keeps the language after a reload', async ({ page }) => {
    await useLanguage(page, 'en')
    await page.goto('/states')
    await expect(page.getByTestId('states-count')).toHaveText('198 States')
    await page.getByRole('button', { name: 'Français' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'États' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await expect(page.getByTestId('demo-banner')).toContainText('Des données de démonstration fictives sont chargées')
    await expect(page.getByTestId('states-count')).toHaveText('198 États')

    await page.reload()
    await expect(page.getByRole('heading', { level: 1, name: 'États' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await expect(page.getByRole('button', { name: 'Français' })).toHaveAttribute('aria-pressed', 'true')
    // French alphabetical order, French names: "Afrique du Sud" comes before "Albanie".
    await expect(page.getByRole('link', { name: 'Afrique du Sud' })).toBeVisible()
    await expect(page.getByTestId('states-map').locator('path').first()).toBeVisible()
    await screenshot(page, 'states-fr')
  })

  test('filters the States Parties (124) and keeps the filter in the URL', async ({ page }) => {
    await useLanguage(page, 'en')
    await page.goto('/states')
    await page.getByRole('combobox', { name: 'States Parties' }).click()
    await page.getByRole('option', { name: 'States Parties only' }).click()
    await expect(page).toHaveURL(/party=true/)
    await expect(page.getByTestId('states-count')).toHaveText('124 States')
    await expect(page.getByTestId('states-table').getByText('Signatory')).toHaveCount(0)

    await page.reload()
    await expect(page.getByTestId('states-count')).toHaveText('124 States')
    await expect(page.getByRole('combobox', { name: 'States Parties' })).toHaveValue('States Parties only')
  })

  test('finds Pays-Bas with a French text search among the States Parties', async ({ page }) => {
    await useLanguage(page, 'fr')
    await page.goto('/states?party=true')
    await expect(page.getByTestId('states-count')).toHaveText('124 États')
    await page.getByRole('searchbox', { name: 'Rechercher par nom' }).fill('pays')
    await expect(page).toHaveURL(/q=pays/)
    const link = page.getByRole('link', { name: 'Pays-Bas' })
    await expect(link).toBeVisible()
    await expect(page.getByTestId('states-count')).toHaveText(/^\d+ États?$/)
    await link.click()
    await expect(page).toHaveURL(/\/states\/NLD$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Pays-Bas' })).toBeVisible()
  })

  test('filters by regional group, matching the API total', async ({ page, request }) => {
    const api = await request.get('/api/v1/states?group=WEOG&limit=1')
    const { total } = (await api.json()) as { total: number }
    expect(total).toBeGreaterThan(10)

    await useLanguage(page, 'en')
    await page.goto('/states')
    await page.getByRole('combobox', { name: 'Regional group' }).click()
    await page.getByRole('option', { name: 'Western European and other States' }).click()
    await expect(page).toHaveURL(/group=WEOG/)
    await expect(page.getByTestId('states-count')).toHaveText(`${total} States`)
    const rows = page.getByTestId('states-table').locator('tbody tr')
    await expect(rows).toHaveCount(total)
    await expect(rows.filter({ hasNotText: 'Western European and other States' })).toHaveCount(0)
  })

  test('loads the next page with the cursor', async ({ page }) => {
    await useLanguage(page, 'en')
    await page.goto('/states')
    const rows = page.getByTestId('states-table').locator('tbody tr')
    await expect(rows).toHaveCount(50)
    await page.getByRole('button', { name: 'Load more' }).click()
    await expect(rows).toHaveCount(100)
    await expect(page.getByText('Showing 100 of 198')).toBeVisible()
  })

  test('draws the map coloured by Rome Statute status; a country opens its page', async ({ page }) => {
    await useLanguage(page, 'en')
    await page.goto('/states')
    const map = page.getByTestId('states-map')
    await expect(map).toHaveAttribute('role', 'img')
    await expect(map.locator('path')).toHaveCount(176)
    const netherlands = map.locator('path[data-iso3="NLD"]')
    await expect(netherlands).toHaveAttribute('data-status', 'party')
    await expect(netherlands).toHaveAttribute('fill', '#1d4e89')
    await expect(netherlands.locator('title')).toHaveText('Netherlands — State Party')
    await expect(map.locator('path[data-iso3="USA"]')).toHaveAttribute('data-status', 'signatory')
    await expect(page.getByTestId('map-legend')).toContainText('State Party')
    await screenshot(page, 'states-map')

    await map.locator('path[data-iso3="BRA"]').click()
    await expect(page).toHaveURL(/\/states\/BRA$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Brazil' })).toBeVisible()
  })
})
