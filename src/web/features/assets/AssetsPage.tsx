import { Button, Center, Group, Paper, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { PageIntro } from '../../components/PageIntro.tsx'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { useActiveUser } from '../auth/auth.api.ts'
import { AlertsPanel } from './AlertsPanel.tsx'
import { AssetsTable } from './AssetsTable.tsx'
import {
  ASSET_KINDS,
  ASSET_STAGES,
  type AssetFilters,
  type AssetKind,
  type AssetStage,
  PURPOSES,
  type Purpose,
  useAssetAlerts,
  useAssets,
  useAssetTotals,
  useCaseNames,
} from './assets.api.ts'
import { ExchangeRatesCard } from './ExchangeRatesCard.tsx'
import { TotalsCard } from './TotalsCard.tsx'

const EXPIRING = ['30', '60', '90'] as const

/** The assets register: filters, totals by case and currency, expiring orders and their alerts. */
export function AssetsPage() {
  const { t } = useTranslation()
  const user = useActiveUser()
  const userId = user?.id ?? null
  const [filters, setFilters] = useState<AssetFilters>({})
  const [currency, setCurrency] = useState<string | null>('EUR')
  const list = useAssets(userId, filters)
  const totals = useAssetTotals(userId, filters, currency)
  const isCourtStaff = user?.orgKind === 'court_organ'
  const alerts = useAssetAlerts(userId, isCourtStaff)
  const cases = useCaseNames(userId)
  const headingId = useId()
  useDocumentTitle(t('assets.title'))
  const items = list.data?.pages.flatMap((p) => p.items) ?? []
  const set = (patch: AssetFilters) => setFilters((f) => ({ ...f, ...patch }))
  const caseLabel = (id: string) => cases.data?.get(id) ?? id

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <PageIntro title={t('assets.title')} intro={t('assets.intro')} />
        {isCourtStaff && (
          <Button component={Link} to="/assets/new">
            {t('assets.new.title')}
          </Button>
        )}
      </Group>
      {isCourtStaff && <AlertsPanel alerts={alerts.data?.items ?? []} error={alerts.error} />}
      <Paper component="section" withBorder radius="md" p="md" aria-label={t('assets.filters.title')}>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('assets.field.stage')}
            data={ASSET_STAGES.map((s) => ({ value: s, label: t(`assets.stage.${s}`) }))}
            value={filters.stage ?? null}
            onChange={(v) => set({ stage: v as AssetStage | null })}
            placeholder={t('assets.filters.any')}
            clearable
            w={170}
          />
          <Select
            label={t('assets.field.kind')}
            data={ASSET_KINDS.map((k) => ({ value: k, label: t(`assets.kind.${k}`) }))}
            value={filters.kind ?? null}
            onChange={(v) => set({ kind: v as AssetKind | null })}
            placeholder={t('assets.filters.any')}
            clearable
            w={190}
          />
          <Select
            label={t('assets.field.purpose')}
            data={PURPOSES.map((p) => ({ value: p, label: t(`assets.purpose.${p}`) }))}
            value={filters.purpose ?? null}
            onChange={(v) => set({ purpose: v as Purpose | null })}
            placeholder={t('assets.filters.any')}
            clearable
            w={190}
          />
          <TextInput
            label={t('assets.field.jurisdiction')}
            placeholder="NLD"
            value={filters.jurisdiction ?? ''}
            onChange={(e) => {
              const v = e.currentTarget.value.toUpperCase()
              set({ jurisdiction: /^[A-Z]{3}$/.test(v) ? v : null })
            }}
            maxLength={3}
            w={120}
          />
          <Select
            label={t('assets.filters.expiring')}
            data={EXPIRING.map((d) => ({ value: d, label: t('assets.filters.withinDays', { count: Number(d) }) }))}
            value={filters.expiringWithinDays ? String(filters.expiringWithinDays) : null}
            onChange={(v) => set({ expiringWithinDays: v ? Number(v) : null })}
            placeholder={t('assets.filters.any')}
            clearable
            w={190}
          />
          {cases.data && cases.data.size > 0 && (
            <Select
              label={t('assets.field.case')}
              data={[...cases.data].map(([value, label]) => ({ value, label }))}
              value={filters.caseId ?? null}
              onChange={(v) => set({ caseId: v })}
              placeholder={t('assets.filters.any')}
              clearable
              w={260}
            />
          )}
        </Group>
      </Paper>
      <TotalsCard
        totals={totals.data}
        isPending={totals.isPending}
        error={totals.error}
        currency={currency}
        onCurrencyChange={setCurrency}
        caseLabel={caseLabel}
      />
      {isCourtStaff && <ExchangeRatesCard userId={userId} />}
      <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md">
        <Title order={2} size="h4" id={headingId} mb="sm">
          {t('assets.register')}
        </Title>
        <ApiErrorAlert error={list.error} />
        {list.isPending ? (
          <Skeleton height={300} />
        ) : items.length === 0 ? (
          <Text py="md">{t('assets.none')}</Text>
        ) : (
          <>
            <AssetsTable items={items} />
            {list.hasNextPage && (
              <Center mt="md">
                <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  {t('assets.loadMore')}
                </Button>
              </Center>
            )}
          </>
        )}
      </Paper>
    </Stack>
  )
}
