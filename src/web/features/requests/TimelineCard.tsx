import { Anchor, Paper, Text, Timeline, Title } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { accountName, useFormatDateTime } from '../../format.ts'
import type { RequestDetail } from './requests.api.ts'
import { useStepDetail } from './useStepDetail.ts'

type RequestEvent = RequestDetail['events'][number]

/** Who took a step: their account and organisation. */
export function eventActor(event: Pick<RequestEvent, 'actor' | 'actorOrg'>): string {
  return `${accountName(event.actor)}${event.actorOrg ? ` (${event.actorOrg})` : ''}`
}

export function TimelineCard({ events }: { events: RequestDetail['events'] }) {
  const { t } = useTranslation()
  const headingId = useId()
  const formatDateTime = useFormatDateTime()
  const stepDetail = useStepDetail()
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} data-testid="timeline">
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('request.timeline')}
      </Title>
      <Timeline active={events.length - 1} bulletSize={14} lineWidth={2}>
        {events.map((event) => (
          <Timeline.Item key={event.id} title={t(`event.${event.action}`, { defaultValue: event.action })}>
            <Text size="sm">
              {/* A step that leaves the state as it was (a deadline changed, a draft edited) says only what it did. */}
              {event.toStatus && event.toStatus !== event.fromStatus
                ? t('request.eventStatus', {
                    status: t(`requestStatus.${event.toStatus}`, { defaultValue: event.toStatus }),
                  })
                : null}
            </Text>
            {stepDetail(event.payload) && (
              <Text size="sm" data-testid="event-detail">
                {stepDetail(event.payload)}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {formatDateTime(event.occurredAt)} · {eventActor(event)}
            </Text>
            {event.note && <Text size="sm">{event.note}</Text>}
            {event.documents.length > 0 && (
              <Text size="sm" data-testid="event-documents">
                {t('request.eventDocuments')}{' '}
                {event.documents.map((d, i) => (
                  <span key={d.id}>
                    {i > 0 && ', '}
                    <Anchor href={`/api/v1/documents/${encodeURIComponent(d.id)}/content`} size="sm" underline="always">
                      {d.filename}
                    </Anchor>{' '}
                    <Text span size="xs" c="dimmed" ff="monospace" title={d.sha256}>
                      SHA-256 {d.sha256.slice(0, 12)}…
                    </Text>
                  </span>
                ))}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  )
}
