import { Alert, Button, Group, Paper, Stack, Textarea, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx'
import { TONE } from '../../../theme.ts'
import { ChecklistCard } from '../ChecklistCard.tsx'
import type { RequestDetail } from '../requests.api.ts'
import { useChecklistWords } from '../useChecklistWords.ts'

/** Step 6, once saved: the draft's checklist and a field for each element still missing. */
export function ChecklistStep({
  drafts,
  answers,
  setAnswer,
  onSave,
  saving,
  error,
}: {
  drafts: RequestDetail[]
  answers: Record<string, string>
  setAnswer: (ref: string, value: string) => void
  onSave: () => void
  saving: boolean
  error: unknown
}) {
  const { t } = useTranslation()
  const words = useChecklistWords()
  const draft = drafts[0]
  if (!draft) return null
  const missing = draft.checklist.items.filter((i) => !i.satisfied)
  return (
    <Stack>
      <Alert color={TONE.success} variant="light" data-testid="draft-saved">
        {t('wizard.saved', { count: drafts.length, refs: drafts.map((d) => d.reference).join(', ') })}
      </Alert>
      <ChecklistCard checklist={draft.checklist} />
      {missing.length > 0 && (
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {t('wizard.answerMissing')}
          </Title>
          <Stack>
            {missing.map((i) => (
              <Textarea
                key={i.ref}
                label={`${t('requests.article', { ref: i.ref })} — ${words.label(i)}`}
                description={words.missing(i) ?? undefined}
                value={answers[i.ref] ?? ''}
                onChange={(e) => setAnswer(i.ref, e.currentTarget.value)}
                autosize
                minRows={2}
              />
            ))}
            <Group>
              <Button variant="default" onClick={onSave} loading={saving} data-testid="save-answers">
                {t('wizard.saveAnswers')}
              </Button>
            </Group>
            <ApiErrorAlert error={error} />
          </Stack>
        </Paper>
      )}
    </Stack>
  )
}
