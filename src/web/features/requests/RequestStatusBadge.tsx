import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { RequestStatus } from './requests.api.ts'

const COLORS: Record<RequestStatus, string> = {
  draft: 'gray.7',
  approved: 'indigo.8',
  transmitted: 'blue.8',
  acknowledged: 'cyan.9',
  in_execution: 'teal.9',
  consultation: 'orange.9',
  postponed: 'yellow.9',
  executed: 'green.9',
  partially_executed: 'lime.9',
  not_executed: 'red.9',
  withdrawn: 'dark.4',
}

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useTranslation()
  return (
    <Badge color={COLORS[status]} variant="filled" data-testid="request-status">
      {t(`requestStatus.${status}`)}
    </Badge>
  )
}
