import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { ApiError } from '../../http.ts'
import { useMayOriginate } from '../requests/useMayOriginate.ts'
import { type Proposal, useDraftRequest } from './arrest.api.ts'

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

/** Whether the State is bound and why, and the pre-filled request; the button creates the draft. */
export function ProposalCard({ proposal, canDraft }: { proposal: Proposal; canDraft: boolean }) {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  const navigate = useNavigate()
  const draft = useDraftRequest(proposal.opportunityId)
  const lang = i18n.language === 'fr' ? 'fr' : 'en'
  const b = proposal.binding
  const d = proposal.draft
  const existing = proposal.existingRequestId
  // The Court requests an arrest on the Chamber's warrant: an OTP user sees the proposal, and the
  // Chambers or the Registry draft it (reference.request-rules.ts).
  const mayOriginate = useMayOriginate()(d.requestType)
  const conflict = draft.error instanceof ApiError && draft.error.code === 'ARREST_OPPORTUNITY_REQUEST_EXISTS'

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} data-testid="proposal">
      <Stack gap="md">
        <Title order={2} size="h4" id={headingId}>
          {t('arrest.proposal.title')}
        </Title>
        <Paper
          withBorder
          radius="sm"
          p="sm"
          bg={b.isBound ? 'teal.0' : 'orange.0'}
          style={{ borderColor: b.isBound ? 'var(--mantine-color-teal-9)' : 'var(--mantine-color-orange-9)' }}
          data-testid="binding"
        >
          <Text fw={700} size="sm">
            {b.isBound ? t('arrest.proposal.bound') : t('arrest.proposal.notBound')}
          </Text>
          <Text size="sm">{b.explanation[lang]}</Text>
          <Text size="xs" mt={4}>
            {t('arrest.proposal.articles', { refs: b.articles.join(', ') })}
          </Text>
        </Paper>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          <Field label={t('arrest.proposal.type')}>
            <Text fw={700} data-testid="proposed-type">
              {t(`arrest.requestType.${d.requestType}`)}
            </Text>
          </Field>
          <Field label={t('arrest.proposal.addressee')}>
            {lang === 'fr' ? proposal.state.nameFr : proposal.state.nameEn} ({d.addressee})
          </Field>
          <Field label={t('arrest.proposal.legalBasis')}>{d.legalBasis}</Field>
          <Field label={t('arrest.proposal.channel')}>
            {t(`channel.${d.channel}`, { defaultValue: d.channel })} · {d.language.toUpperCase()}{' '}
            <Text span size="xs" c="dimmed">
              ({t(`arrest.proposal.source.${d.channelSource}`)})
            </Text>
          </Field>
          <Field label={t('arrest.proposal.urgency')}>{t(`urgency.${d.urgency}`)}</Field>
          <Field label={t('arrest.field.classification')}>{t(`classification.${d.classification}`)}</Field>
        </SimpleGrid>
        <Text size="sm">{d.typeReason[lang]}</Text>
        <Field label={t('arrest.proposal.summary')}>
          <Text size="sm">{d.summary}</Text>
        </Field>
        <Field label={t('arrest.proposal.facts')}>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {d.facts}
          </Text>
        </Field>
        <Text size="sm" c="dimmed">
          {t('arrest.proposal.approvalNote')}
        </Text>
        <ApiErrorAlert error={conflict ? null : draft.error} />
        {existing || conflict ? (
          <Group>
            <Text size="sm">{t('arrest.proposal.alreadyDrafted')}</Text>
            {existing && (
              <Anchor component={Link} to={`/requests/${encodeURIComponent(existing)}`} data-testid="open-request">
                {t('arrest.proposal.openRequest')}
              </Anchor>
            )}
          </Group>
        ) : (
          canDraft &&
          (!mayOriginate ? (
            <Text size="sm" data-testid="draft-not-originator">
              {t('arrest.proposal.notOriginator')}
            </Text>
          ) : (
            <Group>
              <Button
                onClick={() =>
                  draft.mutate(undefined, {
                    onSuccess: (created) => navigate(`/requests/${encodeURIComponent(created.request.id)}`),
                  })
                }
                loading={draft.isPending}
                data-testid="draft-request"
              >
                {t('arrest.proposal.draft')}
              </Button>
            </Group>
          ))
        )}
      </Stack>
    </Paper>
  )
}
