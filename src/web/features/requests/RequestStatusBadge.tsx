import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { RequestStatus } from './requests.api.ts'

const COLORS: Record<RequestStatus, string> = {
  // Each at least 4.5:1 with white text (orange.9, yellow.9, green.9 and lime.9 are not).

  draft: 'gray.7',
  approved: 'indigo.8',
  transmitted: 'blue.8',
  acknowledged: 'cyan.9',
  in_execution: 'teal.9',
  consultation: '#b03a09',
  postponed: '#8a5a00',
  executed: '#1e6b30',
  partially_executed: '#4a7a0a',
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
