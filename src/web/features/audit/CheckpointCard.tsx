import { Button, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { useFormatDateTime } from '../../format.ts'
import { useCreateCheckpoint, useLatestCheckpoint } from './audit.api.ts'

/** The latest signed checkpoint of the trail, and a form to sign a new one. */
export function CheckpointCard() {
  const { t } = useTranslation()
  const latest = useLatestCheckpoint()
  const create = useCreateCheckpoint()
  const formatDateTime = useFormatDateTime()
  const headingId = useId()
  const [reason, setReason] = useState('')
  const [touched, setTouched] = useState(false)
  const valid = reason.trim().length >= 3

  function submit(event: FormEvent) {
    event.preventDefault()
    setTouched(true)
    if (!valid) return
    create.mutate(reason.trim(), {
      onSuccess: () => {
        setReason('')
        setTouched(false)
      },
    })
  }

  const checkpoint = latest.data?.checkpoint
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md" h="100%">
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('audit.checkpointHeading')}
        </Title>
        <ApiErrorAlert error={latest.error} />
        {latest.isPending ? (
          <Skeleton height={40} />
        ) : checkpoint ? (
          <div data-testid="latest-checkpoint">
            <Text size="sm">
              {t('audit.checkpointSummary', {
                id: checkpoint.id,
                at: formatDateTime(checkpoint.createdAt),
                by: checkpoint.createdBy,
                count: checkpoint.eventCount,
              })}
            </Text>
            {checkpoint.reason && <Text size="sm">{t('audit.checkpointReason', { reason: checkpoint.reason })}</Text>}
            <Text size="xs" ff="monospace">
              {t('audit.checkpointKey', { key: checkpoint.keyId })}
            </Text>
          </div>
        ) : (
          <Text size="sm" data-testid="latest-checkpoint">
            {t('audit.noCheckpoint')}
          </Text>
        )}
        <form onSubmit={submit} noValidate aria-label={t('audit.createCheckpoint')}>
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t('audit.reason')}
              placeholder={t('audit.reasonPlaceholder')}
              required
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={touched && !valid ? t('audit.reasonInvalid') : undefined}
              flex={1}
            />
            <Button type="submit" mt={25} loading={create.isPending}>
              {t('audit.createCheckpoint')}
            </Button>
          </Group>
          <ApiErrorAlert error={create.error} />
        </form>
      </Stack>
    </Paper>
  )
}
