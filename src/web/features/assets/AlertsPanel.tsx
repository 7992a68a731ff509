import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { useFormatDate } from '../../format.ts'
import { type Alert, useResolveAlert } from './assets.api.ts'

/** Orders lapsing within 30 days: each alert with its asset, lapse date and the owner's actions. */
export function AlertsPanel({ alerts, error }: { alerts: Alert[]; error?: unknown }) {
  const { t } = useTranslation()
  const headingId = useId()
  const formatDate = useFormatDate()
  const resolve = useResolveAlert()
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md" data-testid="asset-alerts">
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('assets.alerts.title')}
      </Title>
      <ApiErrorAlert error={error ?? resolve.error} />
      {alerts.length === 0 ? (
        <Text c="dimmed">{t('assets.alerts.none')}</Text>
      ) : (
        <Stack gap="xs">
          {alerts.map((a) => (
            // A plain bordered box: links and text on a tinted alert background fall under 4.5:1.
            <Paper
              key={a.id}
              withBorder
              p="sm"
              radius="sm"
              data-testid="asset-alert"
              style={{ borderLeft: `4px solid var(--mantine-color-${a.daysLeft <= 7 ? 'red-9' : 'orange-9'})` }}
            >
              <Text fw={700} c={a.daysLeft <= 7 ? 'red.9' : undefined}>
                {t('assets.alerts.lapses', { count: a.daysLeft, date: formatDate(a.lapsesOn) })}
              </Text>
              <Group justify="space-between" align="center" wrap="wrap">
                <div>
                  <Anchor component={Link} to={`/assets/${encodeURIComponent(a.assetId)}`}>
                    {a.assetDescription}
                  </Anchor>
                  <Text size="sm">
                    {t(`assets.stage.${a.stage}`)}
                    {a.orderReference ? ` · ${t('assets.alerts.order', { reference: a.orderReference })}` : ''}
                    {a.status === 'acknowledged' ? ` · ${t('assets.alerts.acknowledged')}` : ''}
                  </Text>
                </div>
                <Group gap="xs">
                  {a.status === 'open' && (
                    <Button
                      size="xs"
                      variant="default"
                      loading={resolve.isPending}
                      onClick={() => resolve.mutate({ alertId: a.id, resolution: 'acknowledged' })}
                    >
                      {t('assets.alerts.acknowledge')}
                    </Button>
                  )}
                  <Button
                    size="xs"
                    variant="default"
                    loading={resolve.isPending}
                    onClick={() => resolve.mutate({ alertId: a.id, resolution: 'dismissed' })}
                  >
                    {t('assets.alerts.dismiss')}
                  </Button>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Paper>
  )
}
