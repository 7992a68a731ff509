import { Alert, Button, Center, Group, Loader, Paper, Skeleton, Stack, Text, Title } from '@mantine/core'
import { lazy, Suspense, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { StatesFilters } from './StatesFilters.tsx'
import { StatesTable } from './StatesTable.tsx'
import { useStateList } from './states.api.ts'
import { useStateFilters } from './useStateFilters.ts'

// d3-geo, topojson and the world atlas weigh more than the rest of the page: load them on demand.
const StatesMap = lazy(() => import('./StatesMap.tsx').then((module) => ({ default: module.StatesMap })))

export function StatesPage() {
  const { t, i18n } = useTranslation()
  const { filters, setFilter, clearFilters, hasFilters } = useStateFilters()
  const list = useStateList(filters, i18n.language === 'fr' ? 'fr' : 'en')
  const mapHeadingId = useId()
  const listHeadingId = useId()
  useDocumentTitle(t('states.title'))

  const states = list.data?.pages.flatMap((page) => page.items) ?? []
  const total = list.data?.pages[0]?.total

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('states.title')}</Title>
        <Text c="dimmed" maw={820} mt={4}>
          {t('states.intro')}
        </Text>
      </div>

      <Paper component="section" aria-labelledby={mapHeadingId} withBorder radius="md" p="md">
        <Title order={2} size="h4" id={mapHeadingId} mb="xs">
          {t('states.map.heading')}
        </Title>
        <Suspense fallback={<Skeleton height={360} radius="md" />}>
          <StatesMap />
        </Suspense>
      </Paper>

      <StatesFilters filters={filters} hasFilters={hasFilters} onChange={setFilter} onClear={clearFilters} />

      <Paper component="section" aria-labelledby={listHeadingId} withBorder radius="md" p="md">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id={listHeadingId} aria-live="polite" data-testid="states-count">
            {total === undefined ? t('app.loading') : t('states.count', { count: total })}
          </Title>
          {list.isFetching && !list.isFetchingNextPage && <Loader size="xs" aria-hidden />}
        </Group>
        {list.isError ? (
          <Alert color="red" title={t('app.loadError')}>
            <Button variant="light" color="red" size="xs" onClick={() => void list.refetch()}>
              {t('app.retry')}
            </Button>
          </Alert>
        ) : list.isPending ? (
          <Skeleton height={400} />
        ) : states.length === 0 ? (
          <Text py="lg">{t('states.noResults')}</Text>
        ) : (
          <>
            <StatesTable states={states} />
            <Center mt="md">
              <Stack gap={6} align="center">
                <Text size="sm" c="dimmed">
                  {t('states.showing', { shown: states.length, total })}
                </Text>
                {list.hasNextPage && (
                  <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                    {t('states.loadMore')}
                  </Button>
                )}
              </Stack>
            </Center>
          </>
        )}
      </Paper>
    </Stack>
  )
}
