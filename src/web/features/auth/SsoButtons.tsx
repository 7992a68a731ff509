import { Button, Divider, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useOidcProviders } from './auth.api.ts'

/** "Sign in with …" for each single sign-on provider: a full-page navigation to the server. */
export function SsoButtons() {
  const { t } = useTranslation()
  const providers = useOidcProviders()
  const items = providers.data?.items ?? []
  if (items.length === 0) return null
  return (
    <Stack gap="xs" data-testid="sso-buttons">
      <Divider label={t('signIn.or')} labelPosition="center" />
      {items.map((provider) => (
        <Button
          key={provider.id}
          component="a"
          variant="default"
          href={`/api/v1/auth/oidc/${encodeURIComponent(provider.id)}/start`}
        >
          {t('signIn.withProvider', { name: provider.name })}
        </Button>
      ))}
    </Stack>
  )
}
