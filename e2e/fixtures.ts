import { AxeBuilder } from '@axe-core/playwright'
import { test as base, expect, type Locator, type Page } from '@playwright/test'

/**
 * Console messages that mean the page broke a rule: CSP violations and errors. A test that expects
 * an error (a 404 it provokes) lists it in `allowedErrors`.
 */
type ConsoleProblems = { csp: string[]; errors: string[]; allowedErrors: RegExp[] }

/** The console record of each page, so that helpers can allow an error they provoke. */
export const consoleProblemsOf = new WeakMap<Page, ConsoleProblems>()

export const test = base.extend<{ consoleProblems: ConsoleProblems }>({
  // Automatic: every test's page is held to no CSP violation and no unexpected console error,
  // whether or not the test names the fixture.
  consoleProblems: [
    async ({ page }, use) => {
      const problems: ConsoleProblems = { csp: [], errors: [], allowedErrors: [] }
      consoleProblemsOf.set(page, problems)
      page.on('console', (message) => {
        // The URL tells apart the 404 or 401 a test provokes from a real failure.
        const url = message.location().url
        const text = url ? `${message.text()} [${url}]` : message.text()
        if (/Content Security Policy|Refused to (apply|load|execute)/i.test(text)) problems.csp.push(text)
        else if (message.type() === 'error') problems.errors.push(text)
      })
      page.on('pageerror', (error) => problems.errors.push(error.message))
      await use(problems)
      expect(problems.csp, 'CSP violations in the console').toEqual([])
      const unexpected = problems.errors.filter((text) => !problems.allowedErrors.some((re) => re.test(text)))
      expect(unexpected, 'errors in the console').toEqual([])
    },
    { auto: true },
  ],
})

export type { Locator, Page }
export { expect }

export type ApiAnswer = { status: number; body: { id?: string; items?: { id: string }[] } }

/** The API as the signed-in browser calls it: the session cookie and its CSRF token. */
export function apiOf(page: Page) {
  return (method: 'POST', path: string, body: unknown): Promise<ApiAnswer> =>
    page.evaluate(
      async ({ method, path, body }) => {
        const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string }
        const response = await fetch(`/api/v1${path}`, {
          method,
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify(body),
        })
        return { status: response.status, body: await response.json() }
      },
      { method, path, body },
    )
}

/** Makes the UI language explicit for a test (the switch stores it in localStorage). */
export async function useLanguage(page: Page, language: 'en' | 'fr') {
  await page.addInitScript((lang) => {
    if (!window.localStorage.getItem('partnine.language')) window.localStorage.setItem('partnine.language', lang)
  }, language)
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const summary = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }))
  expect(summary, 'axe-core violations').toEqual([])
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true })
}
