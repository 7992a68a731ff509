import { Badge, type MantineSize } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** Marks a fictional demo record wherever it is shown (dark text on yellow, 4.5:1 or more). */
export function DemoBadge({ isDemo, size = 'md', ml }: { isDemo: boolean; size?: MantineSize; ml?: number }) {
  const { t } = useTranslation()
  if (!isDemo) return null
  return (
    <Badge size={size} color="yellow.3" variant="filled" c="dark" ml={ml}>
      {t('demo.fictional')}
    </Badge>
  )
}
