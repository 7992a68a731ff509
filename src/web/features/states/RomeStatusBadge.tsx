import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { RomeStatus } from './states.api.ts'
import { ROME_STATUS_COLORS } from './status-colors.ts'

export function RomeStatusBadge({ status }: { status: RomeStatus }) {
  const { t } = useTranslation()
  return (
    <Badge color={ROME_STATUS_COLORS[status]} variant="filled" tt="none" size="md" radius="sm">
      {t(`status.${status}`)}
    </Badge>
  )
}
