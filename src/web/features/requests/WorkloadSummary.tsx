import { Anchor, Paper, SimpleGrid, Table, Text, Title, UnstyledButton } from '@mantine/core'
import { type ReactNode, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useActiveUser } from '../auth/auth.api.ts'
import { REQUEST_STATUSES } from './request-statuses.ts'
import {
  COURT_ORGANS,
  type RequestFilters,
  useRequestBreakdown,
  useRequestCounts,
  useSituations,
} from './requests.api.ts'
import { useOrgName } from './useOrgName.ts'

type Props = {
  filters: RequestFilters
  onStatus: (status: string) => void
  onOrgan: (organ: string) => void
  onSituation: (situation: string) => void
  onAddressee: (addressee: string) => void
}

type Row = { key: string; label: string; total: number | null; overdue: number | null; select?: () => void }

/** Tables longer than this are folded behind "Show all" (the addressees: over a hundred States). */
const FOLDED_ROWS = 10

/**
 * Counts of what the filters select: by status (with overdue), by originating organ, by situation
 * and by addressee. Each table but the status one ignores its own filter, so that its rows can be
 * compared; choosing a row sets that filter.
 */
export function WorkloadSummary({ filters, onStatus, onOrgan, onSituation, onAddressee }: Props) {
  const { t } = useTranslation()
  const user = useActiveUser()
  const userId = user?.id ?? null
  const counts = useRequestCounts(userId, filters)
  const { organ: _organ, ...withoutOrgan } = filters
  const { situation: _situation, case: _case, ...withoutSituation } = filters
  const { addressee: _addressee, ...withoutAddressee } = filters
  const byOrgan = useRequestBreakdown(userId, withoutOrgan, 'organ')
  const bySituation = useRequestBreakdown(userId, withoutSituation, 'situation')
  const byAddressee = useRequestBreakdown(userId, withoutAddressee, 'addressee')
  const situations = useSituations(userId)

  const organLabel = useOrgName()
  const statusRows: Row[] = REQUEST_STATUSES.flatMap((status) => {
    const row = counts.data?.byStatus.find((c) => c.status === status)
    return row ? [{ key: status, label: t(`requestStatus.${status}`), ...row, select: () => onStatus(status) }] : []
  })
  // The Court's four organs always, with their zeros; a Defence office when it has requests.
  const organGroups = byOrgan.data?.groups ?? []
  const organRows: Row[] = [
    ...COURT_ORGANS.map((organ) => {
      const group = organGroups.find((g) => g.key === organ)
      return {
        key: organ,
        label: organLabel(organ),
        total: byOrgan.data ? (group?.total ?? 0) : null,
        overdue: byOrgan.data ? (group?.overdue ?? 0) : null,
        select: () => onOrgan(organ),
      }
    }),
    ...organGroups.flatMap(({ key, total, overdue }) =>
      key === null || (COURT_ORGANS as readonly string[]).includes(key)
        ? []
        : [{ key, label: organLabel(key), total, overdue, select: () => onOrgan(key) }],
    ),
  ]
  const situationName = new Map((situations.data?.items ?? []).map((s) => [s.id, s.name]))
  const situationRows: Row[] = (bySituation.data?.groups ?? []).map((g) =>
    g.key === null
      ? { key: '', label: t('workload.noSituation'), total: g.total, overdue: g.overdue }
      : {
          key: g.key,
          label: situationName.get(g.key) ?? t('workload.situationNotShown'),
          total: g.total,
          overdue: g.overdue,
          select: () => onSituation(g.key as string),
        },
  )
  const addresseeRows: Row[] = (byAddressee.data?.groups ?? []).map((g) => {
    const key = g.key ?? ''
    return { key, label: organLabel(key), total: g.total, overdue: g.overdue, select: () => onAddressee(key) }
  })

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <CountsCard
        title={t('workload.byStatus')}
        column={t('requests.status')}
        rows={statusRows}
        testId="status-counts"
        foldAfter={null}
        lead={
          <Text mb="xs" data-testid="workload-totals" aria-live="polite">
            {counts.data
              ? t('workload.totals', { count: counts.data.total, overdue: counts.data.overdue })
              : t('app.loading')}
          </Text>
        }
      />
      <CountsCard
        title={t('workload.byOrgan')}
        column={t('requests.organ')}
        rows={organRows}
        testId="organ-counts"
        note={filters.organ ? t('workload.organFilterNote') : undefined}
      />
      <CountsCard
        title={t('workload.bySituation')}
        column={t('requests.situation')}
        rows={situationRows}
        loading={bySituation.isPending}
        testId="situation-counts"
        note={filters.situation ? t('workload.situationFilterNote') : undefined}
      />
      <CountsCard
        title={t('workload.byAddressee')}
        column={t('requests.addressee')}
        rows={addresseeRows}
        loading={byAddressee.isPending}
        testId="addressee-counts"
        note={filters.addressee ? t('workload.addresseeFilterNote') : t('workload.addresseeOrder')}
      />
    </SimpleGrid>
  )
}

type CardProps = {
  title: string
  column: string
  rows: Row[]
  testId: string
  loading?: boolean
  /** Rows shown before "Show all"; null: every row. */
  foldAfter?: number | null
  lead?: ReactNode
  note?: string | undefined
}

function CountsCard({ title, column, rows, testId, loading = false, foldAfter = FOLDED_ROWS, lead, note }: CardProps) {
  const { t } = useTranslation()
  const headingId = useId()
  const [unfolded, setUnfolded] = useState(false)
  const folds = foldAfter !== null && rows.length > foldAfter
  const shown = folds && !unfolded ? rows.slice(0, foldAfter) : rows
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="xs">
        {title}
      </Title>
      {lead}
      {loading ? (
        <Text c="dimmed">{t('app.loading')}</Text>
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('workload.noneCounted')}</Text>
      ) : (
        <Table data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{column}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('workload.count')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('requests.overdue')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Th scope="row" fw={400}>
                  {row.select ? (
                    <UnstyledButton onClick={row.select} td="underline" c="court.8" ta="left">
                      {row.label}
                    </UnstyledButton>
                  ) : (
                    row.label
                  )}
                </Table.Th>
                <Table.Td ta="right">{row.total ?? '…'}</Table.Td>
                <Table.Td ta="right" c={row.overdue ? 'red.9' : undefined} fw={row.overdue ? 700 : undefined}>
                  {row.overdue ?? '…'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {folds && (
        <Anchor component="button" size="sm" mt="xs" onClick={() => setUnfolded((u) => !u)}>
          {unfolded ? t('workload.showFewer', { count: foldAfter }) : t('workload.showAll', { count: rows.length })}
        </Anchor>
      )}
      {note && (
        <Text size="sm" c="dimmed" mt="xs">
          {note}
        </Text>
      )}
    </Paper>
  )
}
