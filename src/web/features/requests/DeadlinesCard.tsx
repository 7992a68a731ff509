import { Button, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { DateField } from '../../components/DateField.tsx'
import { accountName, useFormatDate, useFormatDateTime } from '../../format.ts'
import { type RequestDetail, useChangeDeadline } from './requests.api.ts'

type Deadline = 'response' | 'acknowledgement'

/**
 * The history of a request's deadlines (who changed which, from what to what, and why) and, for
 * the Court side while the request is open, the form that changes one with a reason. The server
 * keeps every change (deadline_changes) and says who may make one (`mayChangeDeadlines`).
 */
export function DeadlinesCard({ request: r }: { request: RequestDetail }) {
  const { t } = useTranslation()
  const headingId = useId()
  const formatDate = useFormatDate()
  const formatDateTime = useFormatDateTime()
  const change = useChangeDeadline(r.id)
  // The acknowledgement deadline exists once the request is transmitted, and matters until acknowledged.
  const choices: Deadline[] = r.status === 'transmitted' ? ['acknowledgement', 'response'] : ['response']
  const [deadline, setDeadline] = useState<Deadline>('response')
  const [to, setTo] = useState('')
  const [reason, setReason] = useState('')
  const chosen = choices.includes(deadline) ? deadline : 'response'
  const current = chosen === 'response' ? r.responseDeadline : r.acknowledgementDeadline
  const canSubmit = to !== '' && reason.trim().length >= 5 && !change.isPending

  const submit = () =>
    change.mutate(
      { deadline: chosen, to: `${to}T23:59:59.000Z`, reason: reason.trim() },
      {
        onSuccess: () => {
          setTo('')
          setReason('')
        },
      },
    )
  const label = (d: Deadline) => t(d === 'response' ? 'request.responseDeadline' : 'request.ackDeadline')

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} data-testid="deadlines">
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('deadlines.title')}
      </Title>
      {r.deadlineChanges.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="deadlines-unchanged">
          {t('deadlines.unchanged')}
        </Text>
      ) : (
        <Stack gap="sm" component="ol" m={0} p={0} style={{ listStyle: 'none' }} data-testid="deadline-changes">
          {r.deadlineChanges.map((c) => (
            <li key={`${c.changedAt}-${c.deadline}`} data-testid="deadline-change">
              <Text size="sm" fw={600}>
                {label(c.deadline)}: {c.from ? formatDate(c.from) : '—'} → {formatDate(c.to)}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('deadlines.because', { reason: c.reason })}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(c.changedAt)} · {accountName(c.changedBy)}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      {r.mayChangeDeadlines && (
        <Stack gap="sm" mt="md" data-testid="deadline-form">
          <Select
            label={t('deadlines.which')}
            data={choices.map((d) => ({ value: d, label: label(d) }))}
            value={chosen}
            onChange={(value) => value && setDeadline(value as Deadline)}
            allowDeselect={false}
          />
          <DateField
            label={t('deadlines.newDate')}
            description={t('deadlines.current', {
              date: current ? formatDate(current) : t('request.setAtTransmission'),
            })}
            value={to}
            onChange={(value) => setTo(value)}
            required
            data-testid="deadline-to"
          />
          <Textarea
            label={t('deadlines.reason')}
            description={t('deadlines.reasonHelp')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            autosize
            minRows={2}
            data-testid="deadline-reason"
          />
          <ApiErrorAlert error={change.error} testId="deadline-error" />
          <Button onClick={submit} disabled={!canSubmit} loading={change.isPending} data-testid="deadline-submit">
            {t('deadlines.submit')}
          </Button>
        </Stack>
      )}
    </Paper>
  )
}
