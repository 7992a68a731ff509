import { Alert, Anchor, Badge, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { NotFoundPage } from '../../components/NotFoundPage.tsx'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { useFormatDate } from '../../format.ts'
import { ApiError } from '../../http.ts'
import { CooperationProfileCard } from './CooperationProfileCard.tsx'
import { RomeStatusBadge } from './RomeStatusBadge.tsx'
import { StateAgreementsTable } from './StateAgreementsTable.tsx'
import { StateFactsTable } from './StateFactsTable.tsx'
import classes from './StatePage.module.css'
import { StateSourcesList } from './StateSourcesList.tsx'
import { type StateDetail, useStateDetail } from './states.api.ts'

export function StatePage() {
  const { iso3 = '' } = useParams()
  const { t, i18n } = useTranslation()
  const state = useStateDetail(iso3)
  const name = state.data ? (i18n.language === 'fr' ? state.data.nameFr : state.data.nameEn) : null
  useDocumentTitle(name)

  if (state.isError) {
    const error = state.error
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
      return (
        <NotFoundPage title={t('state.notFoundTitle')} text={t('state.notFoundText', { code: iso3.toUpperCase() })} />
      )
    }
    return <Alert color="red" title={t('app.loadError')} />
  }
  if (state.isPending) {
    return (
      <Stack aria-busy="true" aria-label={t('app.loading')}>
        <Skeleton height={40} width="40%" />
        <Skeleton height={300} />
      </Stack>
    )
  }
  return <StateDetailView state={state.data} name={name ?? state.data.nameEn} />
}

function StateDetailView({ state, name }: { state: StateDetail; name: string }) {
  const { t, i18n } = useTranslation()
  const formatDate = useFormatDate()
  const factsHeadingId = useId()
  const agreementsHeadingId = useId()
  const sourcesHeadingId = useId()
  const otherName = i18n.language === 'fr' ? state.nameEn : state.nameFr
  const sourceNumbers = new Map(state.sources.map((source, index) => [source.key, index + 1]))
  const sourcesByKey = new Map(state.sources.map((source) => [source.key, source]))

  const keyDates = [
    { label: t('state.signature'), value: state.signatureDate },
    { label: t('state.ratification'), value: state.ratificationDate },
    { label: t('state.entryIntoForce'), value: state.entryIntoForceDate },
    { label: t('state.withdrawalEffective'), value: state.withdrawalEffectiveDate },
  ].filter((item) => item.value)

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/states" size="sm">
        ← {t('app.backToStates')}
      </Anchor>
      <div>
        <Group gap="sm" align="center">
          <Title order={1}>{name}</Title>
          <RomeStatusBadge status={state.romeStatus} />
        </Group>
        <Text c="dimmed" mt={4}>
          <span lang={i18n.language === 'fr' ? 'en' : 'fr'}>{otherName}</span> · {t('state.codes')} {state.iso3} /{' '}
          {state.iso2}
          {state.isoNumeric ? ` / ${state.isoNumeric}` : ''}
          {state.regionalGroup ? ` · ${t(`group.${state.regionalGroup}`, { defaultValue: state.regionalGroup })}` : ''}
          {` · ${t('state.apicSummary', { status: t(`apic.${state.apicStatus}`) })}`}
        </Text>
      </div>

      {keyDates.length > 0 && (
        <Paper withBorder radius="md" p="md">
          <dl className={classes.keyDates}>
            {keyDates.map((item) => (
              <div key={item.label}>
                <dt>{item.label}</dt>
                <dd>{formatDate(item.value)}</dd>
              </div>
            ))}
          </dl>
        </Paper>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Paper component="section" aria-labelledby={factsHeadingId} withBorder radius="md" p="md">
            <Title order={2} size="h4" id={factsHeadingId}>
              {t('state.factsHeading')}
            </Title>
            <Text size="sm" c="dimmed" mt={4} mb="sm">
              {t('state.factsIntro')}
            </Text>
            <StateFactsTable facts={state.facts} sourceNumbers={sourceNumbers} sources={sourcesByKey} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <CooperationProfileCard profile={state.cooperationProfile} />
        </Grid.Col>
      </Grid>

      <Paper component="section" aria-labelledby={agreementsHeadingId} withBorder radius="md" p="md">
        <Title order={2} size="h4" id={agreementsHeadingId} mb="sm">
          {t('state.agreementsHeading')}
        </Title>
        <StateAgreementsTable agreements={state.agreements} sourceNumbers={sourceNumbers} sources={sourcesByKey} />
      </Paper>

      <Paper component="section" aria-labelledby={sourcesHeadingId} withBorder radius="md" p="md">
        <Title order={2} size="h4" id={sourcesHeadingId} mb="sm">
          {t('state.sourcesHeading')}
        </Title>
        {state.sources.length === 0 ? <Badge>—</Badge> : <StateSourcesList sources={state.sources} />}
      </Paper>
    </Stack>
  )
}
