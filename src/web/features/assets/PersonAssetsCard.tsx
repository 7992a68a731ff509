import { Paper, Skeleton, Text, Title } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { useActiveUser } from '../auth/auth.api.ts'
import { AssetsTable } from './AssetsTable.tsx'
import { useAssets } from './assets.api.ts'

/** The assets linked to a person that the user may see (for the person's page). */
export function PersonAssetsCard({ personId }: { personId: string }) {
  const { t } = useTranslation()
  const user = useActiveUser()
  const headingId = useId()
  // Assets are working records of the Court: signed-in Court staff only (the API answers others
  // with 401 or an empty list), so the card does not even ask for anyone else.
  const isCourtStaff = user?.orgKind === 'court_organ' && ['officer', 'approver'].includes(user.role)
  const list = useAssets(user?.id ?? null, { personId }, isCourtStaff)
  if (!isCourtStaff) return null
  const items = list.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md" data-testid="person-assets">
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('assets.person.title')}
      </Title>
      <ApiErrorAlert error={list.error} />
      {list.isPending ? (
        <Skeleton height={80} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('assets.person.none')}</Text>
      ) : (
        <AssetsTable items={items} compact />
      )}
    </Paper>
  )
}
