import { Badge, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormatDate } from '../../format.ts'
import type { RequestSummary } from './requests.api.ts'

/**
 * The deadline that matters now: acknowledgement while transmitted, else the response; overdue
 * flagged. A closed request (executed, not executed, withdrawn…) owes nothing: its closing date.
 */
export function DeadlineText({ request }: { request: RequestSummary }) {
  const { t } = useTranslation()
  const formatDate = useFormatDate()
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
