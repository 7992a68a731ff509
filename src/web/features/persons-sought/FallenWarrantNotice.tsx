import { Alert, Anchor } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { TONE } from '../../theme.ts'
import { useActiveUser } from '../auth/auth.api.ts'
import { OPEN_REQUEST_STATUSES } from '../requests/request-statuses.ts'
import { filtersToQuery, useRequestCounts } from '../requests/requests.api.ts'
import { WARRANT_STATUSES_TO_CARRY_OUT, type Warrant } from './persons-sought.api.ts'

/**
 * A warrant that no longer stands (withdrawn, its person surrendered, in custody or deceased) may
 * still be carried out by requests the States are executing: the platform does not withdraw them
 * (a decision of the Court's), so it says how many are open and links to them. Court users only,
 * counted through the same visibility filter as the workload.
 */
export function FallenWarrantNotice({ warrant }: { warrant: Warrant }) {
  const { t } = useTranslation()
  const user = useActiveUser()
  const stands = warrant.kind !== 'arrest_warrant' || WARRANT_STATUSES_TO_CARRY_OUT.includes(warrant.status)
  const filters = { warrantId: warrant.id, status: [...OPEN_REQUEST_STATUSES] }
  const counts = useRequestCounts(stands ? null : (user?.id ?? null), filters)
  const open = counts.data?.total ?? 0
  if (stands || open === 0) return null
  return (
    <Alert color={TONE.danger} variant="light" data-testid="fallen-warrant-requests">
      {t('requestLinks.fallenWarrantOpen', {
        count: open,
        status: t(`personsSought.status.${warrant.status}`),
      })}{' '}
      <Anchor component={Link} to={`/requests${filtersToQuery(filters)}`} size="sm" underline="always">
        {t('requestLinks.fallenWarrantOpenLink')}
      </Anchor>
    </Alert>
  )
}
