import { Paper, SimpleGrid, Table, Text, Title, UnstyledButton } from '@mantine/core'
import { useQueries } from '@tanstack/react-query'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { getJson } from '../../http.ts'
import { useActiveUser } from '../auth/auth.api.ts'
import {
  COURT_ORGANS,
  filtersToQuery,
  REQUEST_STATUSES,
  type RequestCounts,
  type RequestFilters,
  useRequestCounts,
} from './requests.api.ts'

type Props = { filters: RequestFilters; onStatus: (status: string) => void; onOrgan: (organ: string) => void }

/** Counts of what the filters select: by status (with overdue) and by originating organ. */
export function WorkloadSummary({ filters, onStatus, onOrgan }: Props) {
  const { t } = useTranslation()
  const user = useActiveUser()
  const statusId = useId()
  const organId = useId()
  const counts = useRequestCounts(user?.id ?? null, filters)
  const { sort: _sort, organ: _organ, ...rest } = filters
  const organs = useQueries({
    queries: COURT_ORGANS.map((organ) => ({
      queryKey: ['requests', user?.id ?? null, 'counts', { ...rest, organ }],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        getJson<RequestCounts>(`/requests/counts${filtersToQuery({ ...rest, organ })}`, signal),
      enabled: user !== null,
    })),
  })
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby={statusId}>
        <Title order={2} size="h4" id={statusId} mb="xs">
          {t('workload.byStatus')}
        </Title>
        <Text mb="xs" data-testid="workload-totals" aria-live="polite">
          {counts.data
            ? t('workload.totals', { count: counts.data.total, overdue: counts.data.overdue })
            : t('app.loading')}
        </Text>
        <Table data-testid="status-counts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('requests.status')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('workload.count')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('requests.overdue')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {REQUEST_STATUSES.map((status) => {
              const row = counts.data?.byStatus.find((c) => c.status === status)
              if (!row) return null
              return (
                <Table.Tr key={status}>
                  <Table.Th scope="row" fw={400}>
                    <UnstyledButton onClick={() => onStatus(status)} td="underline" c="court.8">
                      {t(`requestStatus.${status}`)}
                    </UnstyledButton>
                  </Table.Th>
                  <Table.Td ta="right">{row.total}</Table.Td>
                  <Table.Td ta="right" c={row.overdue ? 'red.9' : undefined} fw={row.overdue ? 700 : undefined}>
                    {row.overdue}
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby={organId}>
        <Title order={2} size="h4" id={organId} mb="xs">
          {t('workload.byOrgan')}
        </Title>
        <Table data-testid="organ-counts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('requests.organ')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('workload.count')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('requests.overdue')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {COURT_ORGANS.map((organ, i) => {
              const data = organs[i]?.data
              return (
                <Table.Tr key={organ}>
                  <Table.Th scope="row" fw={400}>
                    <UnstyledButton onClick={() => onOrgan(organ)} td="underline" c="court.8">
                      {t(`organ.${organ}`)}
                    </UnstyledButton>
                  </Table.Th>
                  <Table.Td ta="right">{data?.total ?? '…'}</Table.Td>
                  <Table.Td ta="right" c={data?.overdue ? 'red.9' : undefined} fw={data?.overdue ? 700 : undefined}>
                    {data?.overdue ?? '…'}
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
        {filters.organ && (
          <Text size="sm" c="dimmed" mt="xs">
            {t('workload.organFilterNote')}
          </Text>
        )}
      </Paper>
    </SimpleGrid>
  )
}
