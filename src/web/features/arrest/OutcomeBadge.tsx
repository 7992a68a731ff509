import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ArrestOutcome } from './arrest.api.ts'

// Each colour at least 4.5:1 with white text.
export const OUTCOME_COLORS: Record<ArrestOutcome, string> = {
  pending: 'blue.8',
  arrested: '#1e6b30',
  request_refused: 'red.9',
  person_left: 'gray.7',
  no_response: '#8a5a00',
}

export function OutcomeBadge({ outcome }: { outcome: ArrestOutcome }) {
  const { t } = useTranslation()
  return (
    <Badge color={OUTCOME_COLORS[outcome]} variant="filled" data-testid="opportunity-outcome">
      {t(`arrest.outcome.${outcome}`)}
    </Badge>
  )
}
