import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { DateField } from '../../components/DateField.tsx'
import { type ArrestStrategy, useReviseStrategy } from './arrest.api.ts'

/** Revising the cell's strategy writes a new version; the previous ones are kept. */
export function ReviseStrategyForm({ strategy, onDone }: { strategy: ArrestStrategy; onDone: () => void }) {
  const { t } = useTranslation()
  const revise = useReviseStrategy(strategy.id)
  const [title, setTitle] = useState(strategy.title)
  const [body, setBody] = useState(strategy.body)
  const [reviewDate, setReviewDate] = useState(strategy.reviewDate ?? '')
  const [note, setNote] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    revise.mutate(
      {
        version: strategy.version,
        title: title.trim(),
        body: body.trim(),
        reviewDate: reviewDate || null,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      { onSuccess: onDone },
    )
  }
  return (
    <form onSubmit={submit} aria-label={t('arrest.strategy.revise')}>
      <Stack gap="xs">
        <TextInput
          label={t('arrest.strategy.fieldTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
        />
        <Textarea
          label={t('arrest.strategy.fieldBody')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={4}
          required
        />
        <DateField
          label={t('arrest.strategy.fieldReview')}
          value={reviewDate}
          onChange={(value) => setReviewDate(value)}
          data-testid="strategy-review-date"
        />
        <TextInput
          label={t('arrest.strategy.fieldNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <ApiErrorAlert error={revise.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('arrest.strategy.cancel')}
          </Button>
          <Button
            type="submit"
            loading={revise.isPending}
            disabled={!title.trim() || !body.trim()}
            data-testid="strategy-save"
          >
            {t('arrest.strategy.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
