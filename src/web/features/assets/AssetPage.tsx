import { Anchor, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { DemoBadge } from '../../components/DemoBadge.tsx'
import { NotFoundPage } from '../../components/NotFoundPage.tsx'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { useFormatDate } from '../../format.ts'
import { ApiError } from '../../http.ts'
import { ClassificationBadge } from '../agreements/ClassificationBadge.tsx'
import { useActiveUser } from '../auth/auth.api.ts'
import { AlertsPanel } from './AlertsPanel.tsx'
import { AssetStageBadge } from './AssetStageBadge.tsx'
import { useAsset, useCaseNames } from './assets.api.ts'
import { ClaimsCard } from './ClaimsCard.tsx'
import { StepForm } from './StepForm.tsx'
import { StepsTimeline } from './StepsTimeline.tsx'
import { useFormatMoney } from './useFormatMoney.ts'
import { ValuationsCard } from './ValuationsCard.tsx'

/** One asset: its facts, open alerts, the stage timeline, the next step, valuations and claims. */
export function AssetPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const user = useActiveUser()
  const asset = useAsset(id, user?.id ?? null)
  const cases = useCaseNames(user?.id ?? null)
  const money = useFormatMoney()
  const formatDate = useFormatDate()
  useDocumentTitle(asset.data?.description ?? t('assets.title'))
  if (asset.error instanceof ApiError && asset.error.status === 404) return <NotFoundPage />
  if (asset.isPending) return <Skeleton height={400} />
  if (!asset.data) return <ApiErrorAlert error={asset.error} />
  const a = asset.data

  const facts: [string, React.ReactNode][] = [
    [t('assets.field.case'), cases.data?.get(a.caseId) ?? a.caseId],
    [t('assets.field.kind'), t(`assets.kind.${a.kind}`)],
    [
      t('assets.field.jurisdiction'),
      <Anchor key="j" component={Link} to={`/states/${a.jurisdiction}`}>
        {a.jurisdiction}
      </Anchor>,
    ],
    [
      t('assets.field.value'),
      a.value ? `${money(a.value.amount, a.value.currency)} (${formatDate(a.value.valuedOn)})` : t('assets.notValued'),
    ],
    [
      t('assets.field.orderExpires'),
      a.orderExpiresOn
        ? `${formatDate(a.orderExpiresOn)} (${t('assets.daysLeft', { count: a.daysToExpiry ?? 0 })})`
        : '—',
    ],
    [t('assets.field.purposes'), a.purposes.map((p) => t(`assets.purpose.${p}`)).join(', ') || '—'],
    [t('assets.field.reparationsOrder'), a.reparationsOrderRef ?? '—'],
  ]

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/assets" size="sm">
          {t('assets.back')}
        </Anchor>
        <Title order={1} mt={4}>
          {a.description}
        </Title>
        <Group gap="xs" mt="xs">
          <AssetStageBadge stage={a.stage} />
          <ClassificationBadge value={a.classification} />
          <DemoBadge isDemo={a.isDemo} />
        </Group>
      </div>
      <Paper component="section" withBorder radius="md" p="md" aria-label={t('assets.facts')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" m={0}>
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="sm" c="dimmed">
                {label}
              </Text>
              <Text component="dd" m={0}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>
      {a.openAlerts.length > 0 && <AlertsPanel alerts={a.openAlerts} />}
      <StepsTimeline asset={a} />
      <StepForm key={`${a.stage}-${a.steps.length}`} asset={a} userId={user?.id ?? null} />
      <ValuationsCard asset={a} />
      <ClaimsCard asset={a} />
    </Stack>
  )
}
