import { Button, Group, List, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { DateField } from '../../components/DateField.tsx'
import { accountName, useFormatDate } from '../../format.ts'
import { type ArrestOpportunityDetail, RECORDED_OUTCOMES, useRecordOutcome } from './arrest.api.ts'
import { OutcomeBadge } from './OutcomeBadge.tsx'

type RecordedOutcome = (typeof RECORDED_OUTCOMES)[number]

/** The outcome history (appended, never rewritten) and the form that records the next one. */
export function OutcomeCard({ opportunity, canRecord }: { opportunity: ArrestOpportunityDetail; canRecord: boolean }) {
  const { t } = useTranslation()
  const headingId = useId()
  const formatDate = useFormatDate()
  const record = useRecordOutcome(opportunity.id)
  const [outcome, setOutcome] = useState<RecordedOutcome | null>(null)
  const [date, setDate] = useState('')
  const [note, setNote] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!outcome || !date) return
    record.mutate(
      { outcome, date, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          setOutcome(null)
          setDate('')
          setNote('')
        },
      },
    )
  }
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} data-testid="outcome-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id={headingId}>
            {t('arrest.outcomeCard.title')}
          </Title>
          <OutcomeBadge outcome={opportunity.outcome} />
        </Group>
        {opportunity.outcomes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('arrest.outcomeCard.none')}
          </Text>
        ) : (
          <List spacing="xs" listStyleType="none" p={0} data-testid="outcome-history">
            {opportunity.outcomes.map((o) => (
              <List.Item key={o.seq}>
                <Text size="sm" fw={600}>
                  {t(`arrest.outcome.${o.outcome}`)} · {formatDate(o.date)}
                </Text>
                {o.note && <Text size="sm">{o.note}</Text>}
                <Text size="xs" c="dimmed">
                  {t('arrest.outcomeCard.recorded', { who: accountName(o.recordedBy), when: formatDate(o.recordedAt) })}
                  {o.requestId && (
                    <>
                      {' · '}
                      <Link to={`/requests/${encodeURIComponent(o.requestId)}`}>{t('arrest.outcomeCard.request')}</Link>
                    </>
                  )}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
        {canRecord && (
          <form onSubmit={submit} aria-label={t('arrest.outcomeCard.record')}>
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('arrest.outcomeCard.outcome')}
                  data={RECORDED_OUTCOMES.filter((o) => o !== opportunity.outcome).map((o) => ({
                    value: o,
                    label: t(`arrest.outcome.${o}`),
                  }))}
                  value={outcome}
                  onChange={(v) => setOutcome(v as RecordedOutcome | null)}
                  required
                  data-testid="field-outcome"
                />
                <DateField
                  label={t('arrest.outcomeCard.date')}
                  value={date}
                  onChange={(value) => setDate(value)}
                  required
                  data-testid="field-outcome-date"
                />
              </SimpleGrid>
              <Textarea
                label={t('arrest.outcomeCard.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                autosize
                minRows={2}
              />
              <ApiErrorAlert error={record.error} />
              <Group justify="flex-end">
                <Button
                  type="submit"
                  disabled={!outcome || !date}
                  loading={record.isPending}
                  data-testid="record-outcome"
                >
                  {t('arrest.outcomeCard.record')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  )
}
