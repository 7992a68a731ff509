import { Badge, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export function VerificationBadge({ isVerified }: { isVerified: boolean }) {
  const { t } = useTranslation()
  if (isVerified) {
    return (
      <Badge color="#2b6e3f" variant="filled" tt="none" radius="sm" data-testid="badge-verified">
        {t('state.verified')}
      </Badge>
    )
  }
  return (
    <Tooltip label={t('state.unverifiedHelp')} multiline w={260} withArrow>
      <Badge
        color="#f5c56b"
        variant="filled"
        tt="none"
        radius="sm"
        title={t('state.unverifiedHelp')}
        data-testid="badge-unverified"
      >
        {t('state.unverified')}
      </Badge>
    </Tooltip>
  )
}
