import { Badge, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormatDate } from '../../format.ts'
import type { RequestSummary } from './requests.api.ts'

/**
 * The deadline that matters now: acknowledgement while transmitted, else the response; overdue
 * flagged. A postponed request shows what it waits for; a closed one (executed, not executed,
 * withdrawn…) owes nothing: its closing date.
 */
export function DeadlineText({ request }: { request: RequestSummary }) {
  const { t } = useTranslation()
  const formatDate = useFormatDate()
  // A postponement suspends the response deadline: its agreed period (94) or the pending
  // admissibility challenge (95) is what the request waits for.
  if (request.status === 'postponed') {
    const until = request.statusDetail?.postponedUntil
    return (
      <Text size="sm" data-testid="postponed">
        {typeof until === 'string'
          ? t('requests.postponedUntil', { date: formatDate(until) })
          : t('requests.postponedWhileChallenged')}
      </Text>
    )
  }
  if (request.closedAt)
    return (
      <Text size="sm" c="dimmed" data-testid="closed-on">
        {t('requests.closedOn', { date: formatDate(request.closedAt) })}
      </Text>
    )
  const ack = request.status === 'transmitted' && request.acknowledgementDeadline
  const deadline = ack ? request.acknowledgementDeadline : request.responseDeadline
  if (!deadline)
    return (
      <Text size="sm" c="dimmed">
        {t('requests.noDeadline')}
      </Text>
    )
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">
        {ack ? t('requests.ackBy') : t('requests.responseBy')} {formatDate(deadline)}
      </Text>
      {request.isOverdue && (
        <Badge color="red.9" variant="filled" size="sm" data-testid="overdue">
          {t('requests.overdue')}
        </Badge>
      )}
    </Group>
  )
}
