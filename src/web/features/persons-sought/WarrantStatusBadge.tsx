import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { WarrantStatus } from './persons-sought.api.ts'

// Filled badges with white text at 4.5:1 or more (checked with axe in e2e/persons-sought.spec.ts).
const COLORS: Record<WarrantStatus, string> = {
  at_large: 'red.9',
  summoned: 'blue.9',
  appeared: 'teal.9',
  arrested: 'indigo.9',
  surrendered: 'indigo.9',
  in_custody: 'teal.9',
  deceased: 'gray.8',
  warrant_withdrawn: 'gray.8',
  proceedings_terminated: 'gray.8',
}

export function WarrantStatusBadge({ status }: { status: WarrantStatus }) {
  const { t } = useTranslation()
  return (
    <Badge color={COLORS[status]} variant="filled" tt="none" data-testid="warrant-status">
      {t(`personsSought.status.${status}`)}
    </Badge>
  )
}
