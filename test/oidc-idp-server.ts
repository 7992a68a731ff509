import { startTestIdp } from './oidc-provider.ts'

// The test identity provider as a process, for the browser tests (playwright.config.ts starts it
// as a webServer). It knows one person: the fictional Assembly of States Parties officer of the demo, whose
// account the platform links on first sign-on.
//   node --disable-warning=ExperimentalWarning test/oidc-idp-server.ts
// Settings: PARTNINE_TEST_IDP_PORT (4191), PARTNINE_TEST_IDP_REDIRECT_URI, PARTNINE_TEST_IDP_CLIENT_ID,
// PARTNINE_TEST_IDP_CLIENT_SECRET.

const idp = await startTestIdp({
  port: Number(process.env.PARTNINE_TEST_IDP_PORT ?? 4191),
  clientId: process.env.PARTNINE_TEST_IDP_CLIENT_ID ?? 'partnine-e2e',
  clientSecret: process.env.PARTNINE_TEST_IDP_CLIENT_SECRET ?? 'partnine-e2e-secret-0123456789',
  redirectUris: [
    process.env.PARTNINE_TEST_IDP_REDIRECT_URI ?? 'http://127.0.0.1:4180/api/v1/auth/oidc/test-idp/callback',
  ],
  accounts: [{ sub: 'e2e-asp-officer', email: 'asp.officer@demo.invalid', amr: ['pwd'] }],
})
console.log(`test identity provider at ${idp.issuer}`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void idp.stop().then(() => process.exit(0))
  })
}
