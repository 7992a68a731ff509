import { Paper, Text, Timeline, Title } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormatDateTime } from '../../format.ts'
import type { RequestDetail } from './requests.api.ts'

type RequestEvent = RequestDetail['events'][number]

/** Who took a step, as the trail names them: their account and organisation. */
export function eventActor(event: RequestEvent): string {
  return `${event.actor}${event.actorOrg ? ` (${event.actorOrg})` : ''}`
}

export function TimelineCard({ events }: { events: RequestDetail['events'] }) {
  const { t } = useTranslation()
  const headingId = useId()
  const formatDateTime = useFormatDateTime()
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} data-testid="timeline">
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('request.timeline')}
      </Title>
      <Timeline active={events.length - 1} bulletSize={14} lineWidth={2}>
        {events.map((event) => (
          <Timeline.Item key={event.id} title={t(`action.${event.action}`, { defaultValue: event.action })}>
            <Text size="sm">
              {event.toStatus
                ? t('request.eventStatus', {
                    status: t(`requestStatus.${event.toStatus}`, { defaultValue: event.toStatus }),
                  })
                : null}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(event.occurredAt)} · {eventActor(event)}
            </Text>
            {event.note && <Text size="sm">{event.note}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  )
}
