import { Anchor, Paper, Skeleton, Table, Text, Title } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { useFormatChamber, useFormatDate } from '../../format.ts'
import { ClassificationBadge } from '../agreements/ClassificationBadge.tsx'
import { useActiveUser } from '../auth/auth.api.ts'
import { WarrantStatusBadge } from '../persons-sought/WarrantStatusBadge.tsx'
import { useSituationPersons, useSituationWarrants } from './situations.api.ts'

/** The warrants and summons of the situation's persons that this user may see, sealed ones included. */
export function WarrantsCard({ situationId }: { situationId: string }) {
  const { t } = useTranslation()
  const formatChamber = useFormatChamber()
  const user = useActiveUser()
  const formatDate = useFormatDate()
  const warrants = useSituationWarrants(user?.id ?? null, situationId)
  const persons = useSituationPersons(user?.id ?? null, situationId, null)
  const headingId = useId()
  const items = warrants.data?.pages.flatMap((page) => page.items) ?? []
  const names = new Map((persons.data?.pages.flatMap((page) => page.items) ?? []).map((p) => [p.id, p.name]))

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md">
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('situations.warrants')}
      </Title>
      <ApiErrorAlert error={warrants.error} />
      {warrants.isPending ? (
        <Skeleton height={80} />
      ) : items.length === 0 ? (
        <Text>{t('situations.noWarrants')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped data-testid="situation-warrants">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('situations.warrant.person')}</Table.Th>
                <Table.Th scope="col">{t('situations.warrant.kind')}</Table.Th>
                <Table.Th scope="col">{t('situations.warrant.chamber')}</Table.Th>
                <Table.Th scope="col">{t('situations.warrant.issuedOn')}</Table.Th>
                <Table.Th scope="col">{t('personsSought.statusLabel')}</Table.Th>
                <Table.Th scope="col">{t('requests.classification')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((w) => (
                <Table.Tr key={w.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/persons-sought/${encodeURIComponent(w.personId)}`}>
                      {names.get(w.personId) ?? t('situations.warrant.personNotShown')}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`personsSought.kind.${w.kind}`)}</Table.Td>
                  <Table.Td>{formatChamber(w.issuingChamber)}</Table.Td>
                  <Table.Td>{w.issuedOn ? formatDate(w.issuedOn) : (w.issuedText ?? '—')}</Table.Td>
                  <Table.Td>
                    <WarrantStatusBadge status={w.status} />
                  </Table.Td>
                  <Table.Td>
                    <ClassificationBadge value={w.classification} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  )
}
