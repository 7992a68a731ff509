import { Badge, Button, Group, Modal, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { useFormatDateTime } from '../../format.ts'
import { useAccountSessions, useLogoutEverywhere } from '../auth/auth.api.ts'

export function SessionsCard() {
  const { t } = useTranslation()
  const sessions = useAccountSessions(true)
  const everywhere = useLogoutEverywhere()
  const navigate = useNavigate()
  const formatDateTime = useFormatDateTime()
  const headingId = useId()
  const [confirming, setConfirming] = useState(false)

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={headingId}>
          {t('account.sessionsHeading')}
        </Title>
        <Button variant="light" color="red" onClick={() => setConfirming(true)}>
          {t('account.signOutEverywhere')}
        </Button>
      </Group>
      <ApiErrorAlert error={sessions.error} />
      {sessions.isPending ? (
        <Skeleton height={80} />
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table data-testid="sessions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('account.device')}</Table.Th>
                <Table.Th scope="col">{t('account.ip')}</Table.Th>
                <Table.Th scope="col">{t('account.started')}</Table.Th>
                <Table.Th scope="col">{t('account.lastSeen')}</Table.Th>
                <Table.Th scope="col">{t('account.expires')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(sessions.data?.items ?? []).map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Text size="sm" lineClamp={1} maw={320} title={s.userAgent ?? undefined}>
                      {s.userAgent ?? t('account.unknownDevice')}
                    </Text>
                    {s.isCurrent && (
                      <Badge color="court" variant="filled" size="sm" data-testid="current-session">
                        {t('account.thisSession')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{s.ip ?? '—'}</Table.Td>
                  <Table.Td>{formatDateTime(s.createdAt)}</Table.Td>
                  <Table.Td>{formatDateTime(s.lastSeenAt)}</Table.Td>
                  <Table.Td>{formatDateTime(s.expiresAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('app.close') }}
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('account.signOutEverywhere')}
        centered
      >
        <Stack gap="sm">
          <Text>{t('account.signOutEverywhereConfirm')}</Text>
          <ApiErrorAlert error={everywhere.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={everywhere.isPending}
              onClick={() =>
                everywhere.mutate(undefined, { onSuccess: () => void navigate('/sign-in', { replace: true }) })
              }
            >
              {t('account.signOutEverywhere')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  )
}
