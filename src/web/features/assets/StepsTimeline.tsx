import { Anchor, Paper, Text, Timeline, Title } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { accountName, formatDateTime, useFormatDate } from '../../format.ts'
import type { AssetDetail } from './assets.api.ts'

/** Every step of the asset's life, with the request and the order it rests on. */
export function StepsTimeline({ asset }: { asset: AssetDetail }) {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  const formatDate = useFormatDate()
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md" data-testid="asset-timeline">
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('assets.timeline.title')}
      </Title>
      <Timeline active={asset.steps.length - 1} bulletSize={18} lineWidth={2}>
        {asset.steps.map((s) => (
          <Timeline.Item key={s.id} title={`${t(`assets.action.${s.action}`)} → ${t(`assets.stage.${s.toStage}`)}`}>
            <Text size="sm">
              {formatDateTime(s.recordedAt, i18n.language)} · {accountName(s.recordedBy)}
            </Text>
            {s.request && (
              <Text size="sm">
                {t('assets.timeline.request')}{' '}
                {s.request.reference ? (
                  <Anchor component={Link} to={`/requests/${encodeURIComponent(s.request.id)}`}>
                    {s.request.reference}
                  </Anchor>
                ) : (
                  t('assets.timeline.requestHidden')
                )}
              </Text>
            )}
            {s.order && (
              <Text size="sm">
                {t('assets.timeline.order', {
                  reference: s.order.reference,
                  authority: s.order.issuingAuthority,
                  date: formatDate(s.order.date),
                })}
                {s.order.expiresOn ? ` · ${t('assets.timeline.expires', { date: formatDate(s.order.expiresOn) })}` : ''}
              </Text>
            )}
            {s.note && (
              <Text size="sm" c="dimmed">
                {s.note}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  )
}
