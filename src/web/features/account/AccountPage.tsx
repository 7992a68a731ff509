import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { useFormatDateTime } from '../../format.ts'
import { useSession } from '../auth/auth.api.ts'
import { NotificationsCard } from './NotificationsCard.tsx'
import { SessionsCard } from './SessionsCard.tsx'
import { TokensCard } from './TokensCard.tsx'

export function AccountPage() {
  const { t } = useTranslation()
  const session = useSession()
  const formatDateTime = useFormatDateTime()
  const mfaHeadingId = useId()
  useDocumentTitle(t('account.title'))
  const user = session.data?.user
  if (!user) return null
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('account.title')}</Title>
        <Text c="dimmed" mt={4} data-testid="account-identity">
          {user.name} · {user.email} · {user.orgCode} · {t(`roles.${user.role}`, { defaultValue: user.role })}
        </Text>
      </div>
      <Paper component="section" aria-labelledby={mfaHeadingId} withBorder radius="md" p="md">
        <Title order={2} size="h4" id={mfaHeadingId} mb="xs">
          {t('account.mfaHeading')}
        </Title>
        <Group gap="sm">
          <Badge color="court" variant="filled" data-testid="mfa-status">
            {t('account.mfaOn')}
          </Badge>
          <Text size="sm">{t('account.mfaText')}</Text>
        </Group>
        {session.data?.expiresAt && (
          <Text size="sm" mt="xs">
            {t('account.sessionExpires', { at: formatDateTime(session.data.expiresAt) })}
          </Text>
        )}
      </Paper>
      <NotificationsCard email={user.email} role={user.role} orgCode={user.orgCode} orgKind={user.orgKind} />
      <SessionsCard />
      <TokensCard />
    </Stack>
  )
}
