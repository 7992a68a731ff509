import { Badge, Group, List, Paper, Radio, Stack, Text, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { usePlatformMeta } from '../meta/meta.api.ts'
import { type NotificationMode, useChooseNotificationMode, useNotificationPreference } from './notifications.api.ts'

// What the platform tells this person by e-mail (docs/notifications.md), so that nobody waits for a
// mail the platform will not send, nor wonders why a mail says so little; and how they want it:
// each event as it happens, one summary a day, or no mail.

const MODES: readonly NotificationMode[] = ['each', 'daily', 'none']

/** What `role` of organisation `orgCode` of `orgKind` is told of (requests/requests.notify.ts), as locale keys. */
function toldOf(role: string, orgCode: string, orgKind: string): string[] {
  if (orgKind === 'state' || orgKind === 'io')
    return role === 'focal-point'
      ? ['addressee.transmitted', 'addressee.court', 'addressee.ackOverdue', 'addressee.dueSoon']
      : role === 'officer'
        ? ['addressee.delegated', 'addressee.court', 'addressee.ackOverdue', 'addressee.dueSoon']
        : []
  if (!['officer', 'approver', 'counsel'].includes(role)) return []
  const court = ['court.draftApproved', 'court.state', 'court.overdue']
  // The Registry transmits every request (article 87(1)).
  return orgCode === 'ICC-REGISTRY' && role !== 'counsel' ? ['court.awaitingTransmission', ...court] : court
}

export function NotificationsCard({
  email,
  role,
  orgCode,
  orgKind,
}: {
  email: string
  role: string
  orgCode: string
  orgKind: string
}) {
  const { t } = useTranslation()
  const meta = usePlatformMeta()
  const headingId = useId()
  const on = meta.data?.notificationsByMail === true
  const told = toldOf(role, orgCode, orgKind)
  const preference = useNotificationPreference(on && told.length > 0)
  const choose = useChooseNotificationMode()
  // The choice shows at once, not when the mutation's state next renders (a controlled radio
  // would otherwise snap back for a moment); on failure it falls back to what the server holds.
  const [picked, setPicked] = useState<NotificationMode | null>(null)
  if (!meta.data) return null
  const mode = preference.data?.mode
  const hour = String(preference.data?.summaryHourUtc ?? 0).padStart(2, '0')
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md" data-testid="notifications">
      <Title order={2} size="h4" id={headingId} mb="xs">
        {t('account.notifications.heading')}
      </Title>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <Badge
          color={on && mode !== 'none' ? 'court' : 'gray'}
          variant={on && mode !== 'none' ? 'filled' : 'light'}
          data-testid="notifications-status"
        >
          {t(
            on
              ? mode === 'none'
                ? 'account.notifications.mutedBadge'
                : 'account.notifications.on'
              : 'account.notifications.off',
          )}
        </Badge>
        <div>
          {!on && <Text size="sm">{t('account.notifications.offText')}</Text>}
          {on && told.length === 0 && <Text size="sm">{t('account.notifications.none')}</Text>}
          {on && told.length > 0 && (
            <Stack gap="sm">
              <div>
                <Text size="sm">
                  {t(
                    mode === 'daily'
                      ? 'account.notifications.introDaily'
                      : mode === 'none'
                        ? 'account.notifications.introNone'
                        : 'account.notifications.intro',
                    {
                      email,
                      hour,
                    },
                  )}
                </Text>
                <List size="sm" mt={4} data-testid="notifications-told-of">
                  {told.map((k) => (
                    <List.Item key={k}>{t(`account.notifications.${k}`)}</List.Item>
                  ))}
                </List>
                <Text size="sm" c="dimmed" mt={4}>
                  {t('account.notifications.nothingOfTheRequest')}
                </Text>
              </div>
              {mode && (
                <Radio.Group
                  label={t('account.notifications.modeLabel')}
                  value={picked ?? mode}
                  onChange={(value) => {
                    setPicked(value as NotificationMode)
                    choose.mutate(value as NotificationMode, { onSettled: () => setPicked(null) })
                  }}
                  data-testid="notifications-mode"
                >
                  <Stack gap={6} mt={6}>
                    {MODES.map((m) => (
                      <Radio
                        key={m}
                        value={m}
                        disabled={choose.isPending}
                        label={t(`account.notifications.mode.${m}`, { hour })}
                      />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
              <ApiErrorAlert error={preference.error ?? choose.error} />
            </Stack>
          )}
        </div>
      </Group>
    </Paper>
  )
}
