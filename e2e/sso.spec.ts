import { expect, test } from '@playwright/test'

// Single sign-on in a real browser: the platform (PARTNINE_OIDC_PROVIDERS set by
// playwright.config.ts) and a real OpenID provider on loopback
// (test/oidc-idp-server.ts), whose login page Chromium fills in. The IdP vouches for the Assembly
// of States Parties' people, and the demo's ASP officer has an account here with TOTP enrolled.
//
// The browser leaves through the URL the sign-in page's "Sign in with …" button points to; the
// second step is done through the API from the same browser context, so this test does not
// depend on the sign-in page's markup (e2e tests of that page cover it).

const EMAIL = 'asp.officer@demo.invalid'

test('a user signs in at the identity provider, then finishes our two-step verification', async ({ page, baseURL }) => {
  test.setTimeout(75_000) // room to wait for the next TOTP window once
  const providers = await page.request.get('/api/v1/auth/oidc/providers')
  expect(await providers.json()).toEqual({ items: [{ id: 'test-idp', name: 'Test IdP' }] })

  await page.goto('/api/v1/auth/oidc/test-idp/start')
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/interaction\//)
  expect(new URL(page.url()).origin).not.toBe(baseURL)
  await expect(page.getByRole('heading', { name: 'Test identity provider' })).toBeVisible()
  await page.getByLabel('E-mail').fill(EMAIL)
  await page.getByLabel('Password').fill('idp password')
  await page.getByRole('button', { name: 'Sign in' }).click()

  // Back on the platform, on the sign-in page, which shows the TOTP step for this session.
  await expect(page).toHaveURL(`${baseURL}/sign-in`)
  const pending = await (await page.request.get('/api/v1/auth/session')).json()
  expect(pending).toMatchObject({ state: 'mfa_pending', user: { email: EMAIL, orgCode: 'ASP' } })

  // A code is accepted once per account: if another test used this window's code, take the next.
  let status = 0
  for (let attempt = 0; attempt < 2 && status !== 200; attempt++) {
    if (attempt > 0) await page.waitForTimeout(30_500 - (Date.now() % 30_000))
    const { currentCode } = await (await page.request.get('/api/v1/demo/accounts')).json()
    const mfa = await page.request.post('/api/v1/auth/mfa', {
      headers: { 'x-csrf-token': pending.csrfToken },
      data: { code: currentCode },
    })
    status = mfa.status()
  }
  expect(status).toBe(200)
  expect(await (await page.request.get('/api/v1/auth/session')).json()).toMatchObject({
    state: 'active',
    user: { email: EMAIL },
  })
})

test('a callback without the flow the browser started is refused on the sign-in page', async ({ page }) => {
  await page.goto('/api/v1/auth/oidc/test-idp/callback?code=forged&state=forged')
  await expect(page).toHaveURL(/\/sign-in\?sso_error=invalid_state$/)
  expect(await (await page.request.get('/api/v1/auth/session')).json()).toMatchObject({ state: 'anonymous' })
})
