import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** Marks a fictional demo record wherever it is listed. */
export function DemoBadge({ isDemo, size = 'xs' }: { isDemo: boolean; size?: 'xs' | 'md' }) {
  const { t } = useTranslation()
  if (!isDemo) return null
  return (
    <Badge size={size} color="yellow.3" variant="filled" ml={6}>
      {t('demo.fictional')}
    </Badge>
  )
}
