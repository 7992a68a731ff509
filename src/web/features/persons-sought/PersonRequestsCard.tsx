import { Anchor, Paper, Skeleton, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { getJson, toQueryString } from '../../http.ts'
import { useActiveUser } from '../auth/auth.api.ts'
import { RequestStatusBadge } from '../requests/RequestStatusBadge.tsx'
import type { RequestList } from '../requests/requests.api.ts'

/** Requests for cooperation concerning the person, that this signed-in user may see. */
export function PersonRequestsCard({ personId }: { personId: string }) {
  const { t } = useTranslation()
  const user = useActiveUser()
  const headingId = useId()
  const list = useQuery({
    queryKey: ['requests', user?.id ?? null, 'person', personId],
    queryFn: ({ signal }) => getJson<RequestList>(`/requests${toQueryString({ personId, limit: 50 })}`, signal),
    // Requests are for signed-in users only (their timelines name staff).
    enabled: user !== null,
  })
  if (!user) return null
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md" data-testid="person-requests">
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('personsSought.requests')}
      </Title>
      <ApiErrorAlert error={list.error} />
      {list.isPending ? (
        <Skeleton height={80} />
      ) : (list.data?.items.length ?? 0) === 0 ? (
        <Text>{t('personsSought.noRequests')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('personsSought.reference')}</Table.Th>
              <Table.Th scope="col">{t('personsSought.addressee')}</Table.Th>
              <Table.Th scope="col">{t('personsSought.statusLabel')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/requests/${encodeURIComponent(r.id)}`}>
                    {r.reference}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.addressee}</Table.Td>
                <Table.Td>
                  <RequestStatusBadge status={r.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
