import { Alert, Paper, Stack, Textarea, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx'
import { useRequestTypes } from '../requests.api.ts'
import type { StepProps } from './wizard-state.ts'

/** Step 5: summary, facts, assistance sought and legal basis; saving creates the draft(s). */
export function ContentStep({ state, update, error }: StepProps & { error: unknown }) {
  const { t } = useTranslation()
  const types = useRequestTypes()
  const selected = types.data?.items.find((ty) => ty.code === state.type)
  return (
    <Paper withBorder radius="md" p="md">
      <Stack>
        <TextInput
          label={t('wizard.summary')}
          value={state.summary}
          onChange={(e) => update({ summary: e.currentTarget.value })}
          required
          data-testid="wizard-summary"
        />
        <Textarea
          label={t('wizard.facts')}
          value={state.facts}
          onChange={(e) => update({ facts: e.currentTarget.value })}
          autosize
          minRows={3}
          data-testid="wizard-facts"
        />
        <Textarea
          label={t('wizard.assistanceSought')}
          value={state.assistanceSought}
          onChange={(e) => update({ assistanceSought: e.currentTarget.value })}
          autosize
          minRows={3}
          data-testid="wizard-assistance"
        />
        <TextInput
          label={t('request.legalBasis')}
          value={state.legalBasis}
          onChange={(e) => update({ legalBasis: e.currentTarget.value })}
          placeholder={
            selected ? t('wizard.legalBasisPlaceholder', { refs: selected.legalBasis.join(', ') }) : undefined
          }
          data-testid="wizard-legal-basis"
        />
        <Alert variant="light" color="court">
          {t('wizard.saveExplains')}
        </Alert>
        <ApiErrorAlert error={error} />
      </Stack>
    </Paper>
  )
}
