import { Alert, Button, Group, Modal, MultiSelect, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrorMessage } from '../../components/ApiErrorAlert.tsx'
import { DateField } from '../../components/DateField.tsx'
import { ApiError } from '../../http.ts'
import { TONE } from '../../theme.ts'
import { useActiveUser } from '../auth/auth.api.ts'
import {
  type AllowedStep,
  type AllowedSteps,
  type RequestDocument,
  type TransitionBody,
  useOptionalRequestList,
  useTransition,
} from './requests.api.ts'

const ISSUES = ['insufficient_information', 'person_not_located', 'conflicting_obligation', 'other'] as const
const GROUNDS = ['93(3)', '93(4)/72', '93(5)', '98', '90', 'other'] as const
const DANGER = new Set(['withdraw', 'report_not_executed'])

/** The steps the server says this user may take now; each opens a short form for what it needs. */
export function TransitionsCard({
  requestId,
  steps,
  heldBack = [],
}: {
  requestId: string
  steps: AllowedStep[]
  /** Steps held back by a warrant the request carries out that no longer stands (said, not offered). */
  heldBack?: AllowedSteps['heldBack']
}) {
  const { t } = useTranslation()
  const headingId = useId()
  const [open, setOpen] = useState<AllowedStep | null>(null)
  const [note, setNote] = useState('')
  const [extra, setExtra] = useState<string | null>(null)
  const [until, setUntil] = useState('')
  const [documentIds, setDocumentIds] = useState<string[]>([])
  const transition = useTransition(requestId)
  // The request's documents, which a step may rest on (an execution report, say).
  const documents = useOptionalRequestList(requestId, useActiveUser()?.id ?? null, 'documents')
  const errorMessage = useErrorMessage()

  const start = (step: AllowedStep) => {
    transition.reset()
    setNote('')
    setExtra(null)
    setUntil('')
    setDocumentIds([])
    setOpen(step)
  }
  const submit = () => {
    if (!open) return
    const body: Record<string, unknown> = { action: open.action }
    if (note.trim()) body.note = note.trim()
    if (documentIds.length > 0) body.documentIds = documentIds
    if (open.action === 'raise_consultation') body.issue = extra
    if (open.action === 'report_not_executed') body.ground = extra
    if (open.action === 'postpone') {
      body.basis = extra
      if (until) body.postponedUntil = `${until}T23:59:59.000Z`
    }
    transition.mutate(body as TransitionBody, { onSuccess: () => setOpen(null) })
  }
  const error = transition.error
  const details = error instanceof ApiError && error.code === 'REQUEST_INCOMPLETE' ? t('request.incompleteHelp') : null
  const needsNote = open?.requires.includes('note') ?? false
  const needsChoice = open ? ['raise_consultation', 'report_not_executed', 'postpone'].includes(open.action) : false
  // A postponement under 94 is for an agreed period (94(1)): its end must be a day.
  const needsUntil = open?.action === 'postpone' && extra === '94'
  const canSubmit =
    (!needsNote || note.trim().length >= 3) && (!needsChoice || extra !== null) && (!needsUntil || until !== '')

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} data-testid="next-steps">
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('request.nextSteps')}
      </Title>
      {heldBack.map((h) => (
        <Alert key={h.action} color={TONE.danger} variant="light" mb="sm" data-testid={`held-back-${h.action}`}>
          {h.warrantStatus === null
            ? t('requestLinks.heldBackHidden', { action: t(`action.${h.action}`) })
            : t('requestLinks.heldBack', {
                action: t(`action.${h.action}`),
                status: t(`personsSought.status.${h.warrantStatus}`, { defaultValue: h.warrantStatus }),
              })}
        </Alert>
      ))}
      {steps.length === 0 ? (
        <Text size="sm" data-testid="no-steps">
          {t('request.noSteps')}
        </Text>
      ) : (
        <Group gap="sm">
          {steps.map((step) => (
            <Button
              key={step.action}
              color={DANGER.has(step.action) ? 'red.9' : undefined}
              variant={DANGER.has(step.action) ? 'outline' : 'filled'}
              onClick={() => start(step)}
              data-testid={`step-${step.action}`}
            >
              {t(`action.${step.action}`)}
            </Button>
          ))}
        </Group>
      )}
      {!open && error && (
        <Alert color="red.9" mt="sm" role="alert" data-testid="transition-error">
          {errorMessage(error)}
        </Alert>
      )}
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open ? t(`action.${open.action}`) : ''}
        closeButtonProps={{ 'aria-label': t('request.cancel') }}
      >
        {open && (
          <Stack>
            <Text size="sm">
              {t('request.stepConfirm', {
                status: t(`requestStatus.${open.to}`),
                basis: open.legalBasis,
              })}
            </Text>
            {open.action === 'raise_consultation' && (
              <Select
                label={t('request.issue')}
                data={ISSUES.map((v) => ({ value: v, label: t(`issue.${v}`) }))}
                value={extra}
                onChange={setExtra}
                required
              />
            )}
            {open.action === 'report_not_executed' && (
              <Select
                label={t('request.ground')}
                data={GROUNDS.map((v) => ({ value: v, label: t(`ground.${v}`) }))}
                value={extra}
                onChange={setExtra}
                required
              />
            )}
            {open.action === 'postpone' && (
              <>
                <Select
                  label={t('request.basis')}
                  data={['94', '95'].map((v) => ({ value: v, label: t(`postponeBasis.${v}`) }))}
                  value={extra}
                  onChange={setExtra}
                  required
                />
                <DateField
                  label={t('request.postponedUntil')}
                  value={until}
                  onChange={(value) => setUntil(value)}
                  required={extra === '94'}
                />
              </>
            )}
            <Textarea
              label={t('request.note')}
              description={needsNote ? t('request.noteRequired') : t('request.noteOptional')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              required={needsNote}
              autosize
              minRows={3}
              data-testid="step-note"
            />
            {(documents.data?.items.length ?? 0) > 0 && (
              <MultiSelect
                label={t('request.stepDocuments')}
                description={t('request.stepDocumentsHelp')}
                data={((documents.data?.items ?? []) as RequestDocument[]).map((d) => ({
                  value: d.id,
                  label: `${d.filename} (v${d.version})`,
                }))}
                value={documentIds}
                onChange={setDocumentIds}
                data-testid="step-documents"
              />
            )}
            {error && (
              <Alert color="red.9" role="alert" data-testid="transition-error">
                {errorMessage(error)} {details}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(null)}>
                {t('request.cancel')}
              </Button>
              <Button onClick={submit} loading={transition.isPending} disabled={!canSubmit} data-testid="step-confirm">
                {t(`action.${open.action}`)}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  )
}
