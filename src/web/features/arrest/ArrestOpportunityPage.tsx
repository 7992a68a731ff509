import { Anchor, Badge, Center, Grid, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { NotFoundPage } from '../../components/NotFoundPage.tsx'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { accountName, useFormatDate } from '../../format.ts'
import { ApiError } from '../../http.ts'
import { ClassificationBadge } from '../agreements/ClassificationBadge.tsx'
import { useActiveUser } from '../auth/auth.api.ts'
import { isCourtStaff, useOpportunity, useProposal } from './arrest.api.ts'
import { ObligationsReminder } from './ObligationsReminder.tsx'
import { OutcomeBadge } from './OutcomeBadge.tsx'
import { OutcomeCard } from './OutcomeCard.tsx'
import { ProposalCard } from './ProposalCard.tsx'

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  )
}

export function ArrestOpportunityPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const user = useActiveUser()
  const opportunity = useOpportunity(id, user?.id ?? null)
  const proposal = useProposal(id, user?.id ?? null)
  const formatDate = useFormatDate()
  const o = opportunity.data
  useDocumentTitle(o ? `${o.personName ?? t('arrest.unknownPerson')} — ${o.iso3}` : t('arrest.opportunity.title'))

  if (opportunity.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    )
  }
  if (opportunity.error instanceof ApiError && opportunity.error.status === 404) {
    return <NotFoundPage title={t('arrest.opportunity.notFound')} text={t('errors.RECORD_NOT_FOUND')} />
  }
  if (!o) return <ApiErrorAlert error={opportunity.error} />
  const canAct = isCourtStaff(user)

  return (
    <Stack gap="lg" data-testid="opportunity-page">
      <Anchor component={Link} to="/arrest-opportunities" size="sm">
        ← {t('arrest.board.title')}
      </Anchor>
      <div>
        <Group gap="sm">
          <Title order={1}>
            {t('arrest.opportunity.heading', { person: o.personName ?? t('arrest.unknownPerson'), state: o.iso3 })}
          </Title>
          <OutcomeBadge outcome={o.outcome} />
          <ClassificationBadge value={o.classification} />
          {o.urgency === 'urgent' && (
            <Badge color="red.9" variant="outline">
              {t('arrest.urgent')}
            </Badge>
          )}
          {o.isDemo && (
            <Badge color="yellow.3" variant="filled" c="dark">
              {t('demo.fictional')}
            </Badge>
          )}
        </Group>
      </div>
      <Paper withBorder radius="md" p="md" component="section" aria-label={t('arrest.opportunity.report')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <Field label={t('arrest.field.kind')}>{t(`arrest.kind.${o.kind}`)}</Field>
          <Field label={t('arrest.field.state')}>
            <Anchor component={Link} to={`/states/${o.iso3}`}>
              {o.iso3}
            </Anchor>
          </Field>
          <Field label={t('arrest.field.place')}>{o.place}</Field>
          <Field label={t('arrest.field.dates')}>
            {formatDate(o.fromDate)}
            {o.toDate ? ` – ${formatDate(o.toDate)}` : ''}
          </Field>
          <Field label={t('arrest.field.grading')}>
            <span data-testid="grading">
              {o.sourceReliability}
              {o.informationCredibility}
            </span>{' '}
            — {t(`arrest.reliability.${o.sourceReliability}`)}, {t(`arrest.credibility.${o.informationCredibility}`)}
          </Field>
          <Field label={t('arrest.field.source')}>{o.sourceDescription}</Field>
          <Field label={t('arrest.field.reported')}>
            {t('arrest.opportunity.reportedBy', { who: accountName(o.reportedBy), when: formatDate(o.reportedAt) })}
          </Field>
          <Field label={t('arrest.field.request')}>
            {o.requestId ? (
              <Anchor component={Link} to={`/requests/${encodeURIComponent(o.requestId)}`}>
                {t('arrest.proposal.openRequest')}
              </Anchor>
            ) : (
              '—'
            )}
          </Field>
        </SimpleGrid>
      </Paper>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            {proposal.data ? (
              <ProposalCard proposal={proposal.data} canDraft={canAct} />
            ) : (
              <ApiErrorAlert error={proposal.error} />
            )}
            <OutcomeCard opportunity={o} canRecord={canAct} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          {proposal.data && <ObligationsReminder reminder={proposal.data.reminder} />}
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
