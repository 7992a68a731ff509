import { Badge, Group, List, Paper, Text, Title } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { usePlatformMeta } from '../meta/meta.api.ts'

// What the platform tells this person by e-mail (docs/notifications.md), so that nobody waits for a
// mail the platform will not send, nor wonders why a mail says so little.

/** What `role` of an organisation of `orgKind` is told of (requests/requests.notify.ts), as locale keys. */
function toldOf(role: string, orgKind: string): string[] {
  if (orgKind === 'state' || orgKind === 'io')
    return role === 'focal-point'
      ? ['addressee.transmitted', 'addressee.court', 'addressee.dueSoon']
      : role === 'officer'
        ? ['addressee.delegated', 'addressee.court', 'addressee.dueSoon']
        : []
  return ['officer', 'approver', 'counsel'].includes(role) ? ['court.state'] : []
}

export function NotificationsCard({ email, role, orgKind }: { email: string; role: string; orgKind: string }) {
  const { t } = useTranslation()
  const meta = usePlatformMeta()
  const headingId = useId()
  if (!meta.data) return null
  const on = meta.data.notificationsByMail
  const told = toldOf(role, orgKind)
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md" data-testid="notifications">
      <Title order={2} size="h4" id={headingId} mb="xs">
        {t('account.notifications.heading')}
      </Title>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <Badge color={on ? 'court' : 'gray'} variant={on ? 'filled' : 'light'} data-testid="notifications-status">
          {t(on ? 'account.notifications.on' : 'account.notifications.off')}
        </Badge>
        <div>
          {!on && <Text size="sm">{t('account.notifications.offText')}</Text>}
          {on && told.length === 0 && <Text size="sm">{t('account.notifications.none')}</Text>}
          {on && told.length > 0 && (
            <>
              <Text size="sm">{t('account.notifications.intro', { email })}</Text>
              <List size="sm" mt={4} data-testid="notifications-told-of">
                {told.map((k) => (
                  <List.Item key={k}>{t(`account.notifications.${k}`)}</List.Item>
                ))}
              </List>
              <Text size="sm" c="dimmed" mt={4}>
                {t('account.notifications.nothingOfTheRequest')}
              </Text>
            </>
          )}
        </div>
      </Group>
    </Paper>
  )
}
