import { signIn } from './auth-helpers.ts'
import { expect, type Page, test, useLanguage } from './fixtures.ts'

// The header at the widths people use, for the account with the most navigation entries (a
// Court officer: seven), in both languages: the entries sit on one line without overlapping the
// account menu, or behind a menu button that lists them all. Never cut, wrapped or hidden.

const WIDTHS = [390, 768, 1024, 1280, 1366, 1440, 1920]
const OFFICER_ENTRIES = {
  en: ['Requests', 'Situations', 'Arrest opportunities', 'Assets', 'States', 'Agreements', 'Persons sought'],
  fr: ['Demandes', 'Situations', 'Occasions d’arrestation', 'Avoirs', 'États', 'Accords', 'Personnes recherchées'],
}

async function box(page: Page, testId: string) {
  const b = await page.getByTestId(testId).boundingBox()
  if (!b) throw new Error(`${testId} is not laid out`)
  return b
}

test.describe('The header', () => {
  test('keeps every navigation entry on one line or behind the menu button, in EN and FR', async ({ page }) => {
    // Fourteen layouts, each loaded afresh.
    test.setTimeout(120_000)
    await useLanguage(page, 'en')
    await signIn(page, 'otp.officer@demo.invalid')
    for (const language of ['en', 'fr'] as const) {
      if (language === 'fr') await page.getByRole('button', { name: 'Français' }).click()
      const entries = OFFICER_ENTRIES[language]
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 })
        await page.goto('/states')
        const header = page.locator('header')
        await expect(header.getByTestId('user-menu')).toBeVisible()
        // Nothing spills out of the header's one row.
        const spill = await header.evaluate((h) => ({
          x: h.scrollWidth - h.clientWidth,
          y: h.scrollHeight - h.clientHeight,
        }))
        expect(spill, `${language} at ${width}px`).toEqual({ x: 0, y: 0 })
        const inline = page.getByTestId('nav-inline')
        if (await inline.isVisible()) {
          await expect(page.getByTestId('nav-burger')).toBeHidden()
          const links = inline.getByRole('link')
          await expect(links).toHaveText(entries)
          const tops = new Set<number>()
          for (const link of await links.all()) tops.add(Math.round((await link.boundingBox())?.y ?? -1))
          expect(tops.size, `${language} at ${width}px: entries on one line`).toBe(1)
          const nav = await box(page, 'nav-inline')
          const account = await box(page, 'user-menu')
          expect(nav.x + nav.width, `${language} at ${width}px: entries clear of the account menu`).toBeLessThan(
            account.x,
          )
        } else {
          await page.getByTestId('nav-burger').click()
          const drawer = page.getByRole('dialog')
          await expect(drawer.getByRole('link')).toHaveText(entries)
          await drawer.getByRole('link', { name: language === 'en' ? 'Assets' : 'Avoirs' }).click()
          await expect(page).toHaveURL(/\/assets$/)
          await expect(drawer).toBeHidden()
        }
      }
    }
    // The wide screens show the entries inline, the phone behind the button.
    await page.setViewportSize({ width: 1920, height: 900 })
    await expect(page.getByTestId('nav-inline')).toBeVisible()
    await page.setViewportSize({ width: 390, height: 900 })
    await expect(page.getByTestId('nav-burger')).toBeVisible()
  })
})
