import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { DemoBadge } from '../../components/DemoBadge.tsx'
import { PageIntro } from '../../components/PageIntro.tsx'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { useFormatDate } from '../../format.ts'
import { useActiveUser } from '../auth/auth.api.ts'
import { useAllStates } from '../requests/requests.api.ts'
import {
  type ArrestOpportunity,
  type OpportunityFilters,
  OUTCOMES,
  useOpportunities,
  useSoughtPersons,
} from './arrest.api.ts'

/** The opportunities board: one column per outcome, filters kept in the address. */
export function ArrestOpportunitiesPage() {
  const { t, i18n } = useTranslation()
  const user = useActiveUser()
  const [params, setParams] = useSearchParams()
  const filters: OpportunityFilters = {
    ...(params.get('personId') ? { personId: params.get('personId') as string } : {}),
    ...(params.get('iso3') ? { iso3: params.get('iso3') as string } : {}),
    ...(params.get('pending') === 'true' ? { pending: 'true' as const } : {}),
  }
  const list = useOpportunities(user?.id ?? null, filters)
  const states = useAllStates(i18n.language)
  const persons = useSoughtPersons(user?.id ?? null)
  const filtersId = useId()
  useDocumentTitle(t('arrest.board.title'))
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    setParams(next, { replace: true })
  }
  const items = list.data?.items ?? []
  const columns = filters.pending ? (['pending'] as const) : OUTCOMES

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <PageIntro title={t('arrest.board.title')} intro={t('arrest.board.intro')} />
        <Group gap="xs">
          <Button component={Link} to="/arrest-strategies/new" variant="default" data-testid="write-strategy">
            {t('arrest.board.writeStrategy')}
          </Button>
          <Button component={Link} to="/arrest-opportunities/new" data-testid="report-opportunity">
            {t('arrest.board.report')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby={filtersId}>
        <Title order={2} size="h4" id={filtersId} mb="sm">
          {t('arrest.board.filters')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('arrest.field.person')}
            data={(persons.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={filters.personId ?? null}
            onChange={(v) => set('personId', v)}
            searchable
            clearable
            placeholder={t('arrest.board.any')}
          />
          <Select
            label={t('arrest.field.state')}
            data={(states.data ?? []).map((s) => ({
              value: s.iso3,
              label: `${i18n.language === 'fr' ? s.nameFr : s.nameEn} (${s.iso3})`,
            }))}
            value={filters.iso3 ?? null}
            onChange={(v) => set('iso3', v)}
            searchable
            clearable
            placeholder={t('arrest.board.any')}
          />
          <Switch
            mt="xl"
            label={t('arrest.board.pendingOnly')}
            checked={filters.pending === 'true'}
            onChange={(e) => set('pending', e.currentTarget.checked ? 'true' : null)}
          />
        </SimpleGrid>
      </Paper>
      <ApiErrorAlert error={list.error} />
      <Text aria-live="polite" data-testid="opportunities-count">
        {list.data ? t('arrest.board.count', { count: list.data.total }) : t('app.loading')}
      </Text>
      {list.isPending ? (
        <Skeleton height={300} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: columns.length }} spacing="md" data-testid="opportunities-board">
          {columns.map((outcome) => (
            <OutcomeColumn key={outcome} outcome={outcome} items={items.filter((o) => o.outcome === outcome)} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  )
}

function OutcomeColumn({ outcome, items }: { outcome: ArrestOpportunity['outcome']; items: ArrestOpportunity[] }) {
  const { t } = useTranslation()
  const headingId = useId()
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="section"
      aria-labelledby={headingId}
      data-testid={`column-${outcome}`}
      bg="gray.0"
    >
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5" id={headingId}>
          {t(`arrest.outcome.${outcome}`)}
        </Title>
        <Badge variant="outline" color="dark">
          {items.length}
        </Badge>
      </Group>
      <Stack gap="xs">
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('arrest.board.none')}
          </Text>
        )}
        {items.map((o) => (
          <OpportunityCard key={o.id} opportunity={o} />
        ))}
      </Stack>
    </Paper>
  )
}

function OpportunityCard({ opportunity: o }: { opportunity: ArrestOpportunity }) {
  const { t } = useTranslation()
  const formatDate = useFormatDate()
  return (
    <Paper withBorder radius="sm" p="xs" data-testid="opportunity-card">
      <Anchor component={Link} to={`/arrest-opportunities/${encodeURIComponent(o.id)}`} fw={600}>
        {o.personName ?? t('arrest.unknownPerson')} — {o.iso3}
      </Anchor>
      <Text size="sm">{o.place}</Text>
      <Text size="xs" c="dimmed">
        {t(`arrest.kind.${o.kind}`)} · {formatDate(o.fromDate)}
        {o.toDate ? ` – ${formatDate(o.toDate)}` : ''}
      </Text>
      <Group gap={4} mt={4}>
        <Badge size="sm" variant="outline" color="dark" title={t('arrest.field.grading')}>
          {o.sourceReliability}
          {o.informationCredibility}
        </Badge>
        {o.urgency === 'urgent' && (
          <Badge size="sm" color="red.9">
            {t('arrest.urgent')}
          </Badge>
        )}
        {o.requestId && (
          <Badge size="sm" color="indigo.8">
            {t('arrest.hasRequest')}
          </Badge>
        )}
        <DemoBadge isDemo={o.isDemo} size="sm" />
      </Group>
      {o.outcome !== 'pending' && o.outcomeDate && (
        <Text size="xs" mt={4}>
          {t('arrest.outcomeOn', { date: formatDate(o.outcomeDate) })}
        </Text>
      )}
    </Paper>
  )
}
