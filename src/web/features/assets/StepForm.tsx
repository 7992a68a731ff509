import { Button, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { DateField } from '../../components/DateField.tsx'
import { type AssetDetail, useRequestsForStep, useTakeStep } from './assets.api.ts'

const today = () => new Date().toISOString().slice(0, 10)

/** The next life-cycle step: the request it rests on, the order behind it and its expiry. */
export function StepForm({ asset, userId }: { asset: AssetDetail; userId: string | null }) {
  const { t } = useTranslation()
  const headingId = useId()
  const [action, setAction] = useState<string | null>(asset.allowedSteps[0]?.action ?? null)
  const rule = asset.allowedSteps.find((s) => s.action === action)
  const requests = useRequestsForStep(userId, asset.jurisdiction, rule?.requestTypes ?? [])
  const [requestId, setRequestId] = useState<string | null>(null)
  const [authority, setAuthority] = useState('')
  const [reference, setReference] = useState('')
  const [date, setDate] = useState(today())
  const [expiresOn, setExpiresOn] = useState('')
  const [note, setNote] = useState('')
  const takeStep = useTakeStep(asset.id)
  if (asset.allowedSteps.length === 0) return null

  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault()
    if (!rule) return
    takeStep.mutate(
      {
        action: rule.action,
        requestId: requestId ?? null,
        order: rule.isOrderRequired
          ? {
              issuingAuthority: authority,
              reference,
              date,
              expiresOn: rule.isExpiryRequired ? expiresOn : null,
            }
          : null,
        note: note.trim() ? note : null,
      },
      {
        onSuccess: () => {
          setReference('')
          setExpiresOn('')
          setNote('')
        },
      },
    )
  }

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md" data-testid="asset-step-form">
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('assets.step.title')}
      </Title>
      <form onSubmit={handleSubmit}>
        <Stack gap="sm">
          <Select
            label={t('assets.step.action')}
            data={asset.allowedSteps.map((s) => ({
              value: s.action,
              label: `${t(`assets.action.${s.action}`)} → ${t(`assets.stage.${s.to}`)} (${s.legalBasis})`,
            }))}
            value={action}
            onChange={(v) => {
              setAction(v)
              setRequestId(null)
            }}
            allowDeselect={false}
            required
          />
          <Select
            label={t('assets.step.request')}
            description={t('assets.step.requestHelp', { state: asset.jurisdiction })}
            data={(requests.data ?? []).map((r) => ({ value: r.id, label: `${r.reference} — ${r.summary}` }))}
            value={requestId}
            onChange={setRequestId}
            placeholder={requests.isPending ? t('app.loading') : t('assets.step.chooseRequest')}
            nothingFoundMessage={t('assets.step.noRequest')}
            searchable
            clearable={!rule?.isRequestRequired}
            required={rule?.isRequestRequired}
          />
          {rule?.isOrderRequired && (
            <Group grow align="flex-start">
              <TextInput
                label={t('assets.step.authority')}
                value={authority}
                onChange={(e) => setAuthority(e.currentTarget.value)}
                required
              />
              <TextInput
                label={t('assets.step.reference')}
                value={reference}
                onChange={(e) => setReference(e.currentTarget.value)}
                required
              />
              <DateField label={t('assets.step.date')} value={date} onChange={(value) => setDate(value)} required />
              {rule.isExpiryRequired && (
                <DateField
                  label={t('assets.step.expiresOn')}
                  value={expiresOn}
                  onChange={(value) => setExpiresOn(value)}
                  required
                />
              )}
            </Group>
          )}
          <Textarea
            label={t('assets.step.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
          />
          <ApiErrorAlert error={takeStep.error} testId="asset-step-error" />
          {rule?.isExpiryRequired && (
            <Text size="sm" c="dimmed">
              {t('assets.step.expiryHelp')}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={takeStep.isPending} disabled={!rule}>
              {t('assets.step.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
