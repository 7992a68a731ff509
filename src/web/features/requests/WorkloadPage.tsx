import { Alert, Anchor, Button, Center, Group, Paper, Skeleton, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { PageIntro } from '../../components/PageIntro.tsx'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { canDraftRequests } from '../../layout/navigation.ts'
import { useActiveUser } from '../auth/auth.api.ts'
import { RequestsTable } from './RequestsTable.tsx'
import { exportHref, useRequestCounts, useRequestList } from './requests.api.ts'
import { SavedViews } from './SavedViews.tsx'
import { useRequestFilters } from './useRequestFilters.ts'
import { WorkloadFilters } from './WorkloadFilters.tsx'
import { WorkloadSummary } from './WorkloadSummary.tsx'

/** The Court's workload: every request the user may know about, filtered, counted and paged. */
export function WorkloadPage() {
  const { t } = useTranslation()
  const user = useActiveUser()
  const filterState = useRequestFilters()
  const { filters, set } = filterState
  const list = useRequestList(user?.id ?? null, filters)
  useDocumentTitle(t('workload.title'))
  const items = list.data?.pages.flatMap((p) => p.items) ?? []
  // Totals from /counts (the same query as the summary's, so fetched once): pages carry none.
  const counts = useRequestCounts(user?.id ?? null, filters)
  const totals = list.data && counts.data ? counts.data : null

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <PageIntro title={t('workload.title')} intro={t('workload.intro')} />
        {canDraftRequests(user) && (
          <Button component={Link} to="/requests/new" data-testid="new-request">
            {t('wizard.title')}
          </Button>
        )}
      </Group>
      <WorkloadFilters {...filterState} />
      <Group justify="space-between" align="flex-end">
        <SavedViews filters={filters} onApply={filterState.replace} />
        {/* Exactly what the list shows, in its order: the same filters, search and sort. */}
        <Group gap="xs" data-testid="exports">
          <Button component="a" href={exportHref(filters, 'csv')} download variant="default">
            {t('workload.exportCsv')}
          </Button>
          <Button component="a" href={exportHref(filters, 'xlsx')} download variant="default">
            {t('workload.exportXlsx')}
          </Button>
        </Group>
      </Group>
      {/* A filter the form does not show (set from a person's or a warrant's page) says itself. */}
      {(
        [
          ['personId', 'requestPersonFilter.only', 'person-filter'],
          ['warrantId', 'requestLinks.onlyWarrant', 'warrant-filter'],
        ] as const
      ).map(
        ([key, text, testId]) =>
          filters[key] && (
            <Alert key={key} variant="light" color="court" data-testid={testId}>
              <Group justify="space-between">
                <Text size="sm">{t(text)}</Text>
                <Anchor component="button" size="sm" onClick={() => set(key, null)}>
                  {t('requestPersonFilter.clear')}
                </Anchor>
              </Group>
            </Alert>
          ),
      )}
      <WorkloadSummary
        filters={filters}
        onStatus={(status) => set('status', [status])}
        onOrgan={(organ) => set('organ', organ)}
        onSituation={(situation) => {
          // A case belongs to one situation: another situation's case would select nothing.
          set('case', null)
          set('situation', situation)
        }}
        onAddressee={(addressee) => set('addressee', addressee)}
      />
      <Paper withBorder radius="md" p="md" component="section" aria-label={t('workload.list')}>
        <Text fw={600} mb="sm" aria-live="polite" data-testid="workload-count">
          {totals
            ? t('workload.showing', { shown: items.length, total: totals.total, overdue: totals.overdue })
            : t('app.loading')}
        </Text>
        <ApiErrorAlert error={list.error} />
        {list.isPending ? (
          <Skeleton height={300} />
        ) : items.length === 0 ? (
          <Text py="md">
            {t('workload.none')}{' '}
            <Anchor component="button" onClick={filterState.clear}>
              {t('states.filters.clear')}
            </Anchor>
          </Text>
        ) : (
          <>
            <RequestsTable items={items} caption={t('workload.list')} testId="workload-table" />
            {list.hasNextPage && (
              <Center mt="md">
                <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  {t('states.loadMore')}
                </Button>
              </Center>
            )}
          </>
        )}
      </Paper>
    </Stack>
  )
}
