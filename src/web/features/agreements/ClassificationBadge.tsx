import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Classification } from './agreements.api.ts'

const COLORS: Record<Classification, string> = {
  public: 'gray',
  confidential: 'orange',
  under_seal: 'red',
  ex_parte: 'grape',
}

export function ClassificationBadge({ value }: { value: Classification }) {
  const { t } = useTranslation()
  return (
    <Badge color={COLORS[value]} variant="light" data-testid="classification">
      {t(`classification.${value}`)}
    </Badge>
  )
}
