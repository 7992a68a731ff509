import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AssetStage } from './assets.api.ts'

// Each at least 4.5:1 with white text.
const COLORS: Record<AssetStage, string> = {
  identified: 'gray.7',
  traced: 'blue.8',
  frozen: 'indigo.8',
  seized: '#b03a09',
  forfeited: '#1e6b30',
  released: 'dark.4',
}

export function AssetStageBadge({ stage }: { stage: AssetStage }) {
  const { t } = useTranslation()
  return (
    <Badge color={COLORS[stage]} variant="filled" data-testid="asset-stage" style={{ overflow: 'visible' }}>
      {t(`assets.stage.${stage}`)}
    </Badge>
  )
}
