import { Anchor, Badge, Center, Grid, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { NotFoundPage } from '../../components/NotFoundPage.tsx'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { formatLanguageName, useFormatDate } from '../../format.ts'
import { ApiError } from '../../http.ts'
import { ClassificationBadge } from '../agreements/ClassificationBadge.tsx'
import { useActiveUser } from '../auth/auth.api.ts'
import { ChecklistCard } from './ChecklistCard.tsx'
import { ConcernsCard } from './ConcernsCard.tsx'
import { DeadlinesCard } from './DeadlinesCard.tsx'
import { DelegationsCard } from './DelegationsCard.tsx'
import { DocumentsCard } from './DocumentsCard.tsx'
import { MessagesCard } from './MessagesCard.tsx'
import { ReceiptsCard } from './ReceiptsCard.tsx'
import { RequestStatusBadge } from './RequestStatusBadge.tsx'
import { isAddresseeUser, useAllowedSteps, useReceipts, useRequest } from './requests.api.ts'
import { eventActor, TimelineCard } from './TimelineCard.tsx'
import { TransitionsCard } from './TransitionsCard.tsx'
import { useOrgName } from './useOrgName.ts'
import { useReminder } from './useReminder.ts'
import { useRequestTypeLabel } from './useRequestTypeLabel.ts'
import { useStepDetail } from './useStepDetail.ts'

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

export function RequestPage() {
  const { t, i18n } = useTranslation()
  const { id = '' } = useParams()
  const user = useActiveUser()
  const request = useRequest(id, user?.id ?? null)
  const steps = useAllowedSteps(id, user?.id ?? null)
  const r = request.data
  const receipts = useReceipts(id, user?.id ?? null, !!r?.transmittedAt)
  const formatDate = useFormatDate()
  const stepDetail = useStepDetail()
  const typeLabel = useRequestTypeLabel()
  const orgName = useOrgName()
  const reminder = useReminder(r, user)
  useDocumentTitle(r?.reference ?? t('request.title'))
  const back = isAddresseeUser(user)
    ? { to: '/inbox', label: t('inbox.title') }
    : { to: '/requests', label: t('workload.title') }

  if (request.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    )
  }
  if (request.error instanceof ApiError && request.error.status === 404) {
    return <NotFoundPage title={t('request.notFound')} text={t('errors.RECORD_NOT_FOUND')} />
  }
  if (!r) return <ApiErrorAlert error={request.error} />
  // The trail's names for the drafter and the approver, as the timeline shows them, not their ids.
  const drafted = r.events.find((e) => e.action === 'drafted')
  const statusDetail = stepDetail(r.statusDetail)
  const approved = r.events.findLast((e) => e.action === 'approve')

  return (
    <Stack gap="lg" data-testid="request-page">
      <Anchor component={Link} to={back.to} size="sm">
        ← {back.label}
      </Anchor>
      <div>
        <Group gap="sm">
          <Title order={1} ff="monospace" data-testid="request-reference">
            {r.reference}
          </Title>
          <RequestStatusBadge status={r.status} />
          <ClassificationBadge value={r.classification} />
          {r.urgency === 'urgent' && (
            <Badge color="red.9" variant="outline">
              {t('urgency.urgent')}
            </Badge>
          )}
          {r.isOverdue && (
            <Badge color="red.9" variant="filled" data-testid="overdue">
              {t('requests.overdue')}
            </Badge>
          )}
          {r.isDemo && (
            <Badge color="yellow.3" variant="filled">
              {t('demo.fictional')}
            </Badge>
          )}
        </Group>
        <Text mt="xs" maw={900} data-testid="request-summary">
          {r.summary}
        </Text>
        {statusDetail && (
          <Text mt={4} size="sm" fw={600} data-testid="request-status-detail">
            {statusDetail}
          </Text>
        )}
      </div>
      <Paper
        withBorder
        radius="md"
        p="md"
        component="section"
        aria-label={t('request.summaryHeading')}
        data-testid="request-facts"
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <Field label={t('requests.type')}>{typeLabel(r.requestType, true)}</Field>
          <Field label={t('request.originator')}>
            {orgName(r.originator)}
            {r.routedThrough ? ` (${t('request.routedThrough', { org: orgName(r.routedThrough) })})` : ''}
          </Field>
          <Field label={t('requests.addressee')}>
            {orgName(r.addressee)} ({r.addressee})
          </Field>
          <Field label={t('request.legalBasis')}>{r.legalBasis ?? '—'}</Field>
          <Field label={t('request.channelLanguage')}>
            {t(`channel.${r.channel}`, { defaultValue: r.channel })} · {r.language.toUpperCase()}
          </Field>
          <Field label={t('request.ackDeadline')}>
            {r.acknowledgementDeadline ? formatDate(r.acknowledgementDeadline) : t('request.setAtTransmission')}
            {r.isAcknowledgementOverdue && (
              <Badge color="red.9" ml={6} size="sm">
                {t('requests.overdue')}
              </Badge>
            )}
          </Field>
          <Field label={t('request.responseDeadline')}>
            {r.responseDeadline ? formatDate(r.responseDeadline) : t('request.setAtTransmission')}
            {r.isResponseOverdue && (
              <Badge color="red.9" ml={6} size="sm">
                {t('requests.overdue')}
              </Badge>
            )}
          </Field>
          {r.closedAt && <Field label={t('request.closed')}>{formatDate(r.closedAt)}</Field>}
          <Field label={t('request.drafting')}>
            <span data-testid="request-drafting">
              {t('request.draftedBy', { who: drafted ? eventActor(drafted) : r.draftedBy })}
              {r.approvedBy
                ? ` · ${t('request.approvedBy', { who: approved ? eventActor(approved) : r.approvedBy })}`
                : ''}
            </span>
          </Field>
        </SimpleGrid>
      </Paper>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <TransitionsCard
              requestId={r.id}
              steps={steps.data?.items ?? r.allowedSteps}
              heldBack={steps.data?.heldBack ?? []}
            />
            {(r.facts || r.assistanceSought) && (
              <Paper withBorder radius="md" p="md" component="section" aria-label={t('request.content')}>
                {r.facts && (
                  <>
                    <Title order={2} size="h4">
                      {t('wizard.facts')}
                    </Title>
                    <Text size="sm" mb="sm">
                      {r.facts}
                    </Text>
                  </>
                )}
                {r.assistanceSought && (
                  <>
                    <Title order={2} size="h4">
                      {t('wizard.assistanceSought')}
                    </Title>
                    <Text size="sm">{r.assistanceSought}</Text>
                  </>
                )}
              </Paper>
            )}
            <ChecklistCard checklist={r.checklist} />
            <MessagesCard
              requestId={r.id}
              userId={user?.id ?? null}
              reminder={reminder}
              reminderLanguage={formatLanguageName(r.language === 'fr' ? 'fr' : 'en', i18n.language)}
            />
            <DocumentsCard requestId={r.id} userId={user?.id ?? null} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            {user?.orgKind === 'state' && user.orgCode === r.addressee && (
              <DelegationsCard requestId={r.id} userId={user.id} />
            )}
            <ConcernsCard request={r} userId={user?.id ?? null} />
            <TimelineCard events={r.events} />
            <DeadlinesCard request={r} />
            {receipts.data && <ReceiptsCard receipts={receipts.data} />}
            {r.linkedRequests.length > 0 && (
              <Paper withBorder radius="md" p="md" component="section" aria-label={t('request.linked')}>
                <Title order={2} size="h4" mb="xs">
                  {t('request.linked')}
                </Title>
                <Stack gap={4}>
                  {r.linkedRequests.map((l) => (
                    <Text size="sm" key={l.id}>
                      <Anchor component={Link} to={`/requests/${encodeURIComponent(l.id)}`}>
                        {l.reference}
                      </Anchor>{' '}
                      · {orgName(l.addressee)} · {t(`requestStatus.${l.status}`, { defaultValue: l.status })}
                    </Text>
                  ))}
                </Stack>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
