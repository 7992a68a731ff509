import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Classification } from './agreements.api.ts'

const COLORS: Record<Classification, string> = {
  public: 'gray.7',
  confidential: '#b03a09', // orange.9 gives 4.3:1 with white text
  under_seal: 'red.9',
  ex_parte: 'grape.9',
}

export function ClassificationBadge({ value }: { value: Classification }) {
  const { t } = useTranslation()
  return (
    <Badge color={COLORS[value]} variant="filled" data-testid="classification">
      {t(`classification.${value}`)}
    </Badge>
  )
}
