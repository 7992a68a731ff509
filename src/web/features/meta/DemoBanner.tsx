import { Alert } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { usePlatformMeta } from './meta.api.ts'

/** Shown while fictional demo data is loaded, so nobody mistakes an invented focal point for a real one. */
export function DemoBanner() {
  const { t } = useTranslation()
  const meta = usePlatformMeta()
  if (!meta.data?.demoLoadedAt) return null
  return (
    <Alert variant="light" color="yellow" radius={0} py="xs" data-testid="demo-banner" role="note">
      {t('app.demoBanner')}
    </Alert>
  )
}
