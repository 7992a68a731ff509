import { Checkbox, Paper, Select, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useRequestTypes } from '../requests.api.ts'
import { useMayOriginate } from '../useMayOriginate.ts'
import { useRequestTypeLabel } from '../useRequestTypeLabel.ts'
import type { StepProps } from './wizard-state.ts'

/** Step 1: the type of request, its legal basis in the Statute, and (arrest) whether after conviction. */
export function TypeStep({ state, update }: StepProps) {
  const { t, i18n } = useTranslation()
  const types = useRequestTypes()
  const mayOriginate = useMayOriginate()
  const typeLabel = useRequestTypeLabel()
  const selected = types.data?.items.find((ty) => ty.code === state.type)
  // The catalogue's summary in French where the reference data has our translation, else English.
  const summary =
    i18n.language === 'fr' && selected?.summaryFr
      ? { text: selected.summaryFr, lang: 'fr' }
      : { text: selected?.summary ?? null, lang: 'en' }
  return (
    <Paper withBorder radius="md" p="md">
      <Select
        label={t('requests.type')}
        data={(types.data?.items ?? [])
          // Each drafter sees the types its organ originates (an arrest: the Chambers or the
          // Registry; Defence counsel: what 57(3)(b) allows), as the server decides.
          .filter((ty) => mayOriginate(ty.code))
          .map((ty) => ({ value: ty.code, label: typeLabel(ty.code, true) }))}
        value={state.type}
        onChange={(type) => {
          // Another kind of addressee (a State, a State not party, an organisation): those chosen
          // for the last type may not fit this one, so they are chosen again.
          const addressedTo = (code: string | null) => types.data?.items.find((ty) => ty.code === code)?.addressedTo
          const changed = addressedTo(type) !== addressedTo(state.type)
          // Only an arrest, a provisional arrest or a transit carries out warrants.
          const restsOnWarrant = types.data?.items.find((ty) => ty.code === type)?.restsOnWarrant ?? false
          update({
            type,
            afterConviction: false,
            ...(changed ? { addressees: [] } : {}),
            ...(restsOnWarrant ? {} : { warrantIds: [] }),
          })
        }}
        searchable
        required
        data-testid="wizard-type"
      />
      {selected && (
        <Stack gap={4} mt="md" data-testid="type-statute">
          <Text size="sm" fw={600}>
            {t('wizard.legalBasisOf', { refs: selected.legalBasis.join(', ') })}
          </Text>
          {selected.statuteText && (
            <Text size="sm" fs="italic" component="blockquote" m={0} lang="en">
              {selected.statuteText}
            </Text>
          )}
          {summary.text && (
            <Text size="sm" lang={summary.lang} data-testid="type-summary">
              {summary.text}
            </Text>
          )}
          {!selected.obligatoryForStatesParties && (
            <Text size="sm" c="dimmed" data-testid="type-not-obligatory">
              {t(
                selected.code === 'PRELIMINARY_EXAMINATION_INFORMATION'
                  ? 'wizard.notObligatoryPreliminary'
                  : 'wizard.notObligatory',
              )}
            </Text>
          )}
        </Stack>
      )}
      {state.type === 'ARREST_AND_SURRENDER' && (
        <Checkbox
          mt="md"
          label={t('requestChecklist.afterConviction')}
          checked={state.afterConviction}
          onChange={(e) => update({ afterConviction: e.currentTarget.checked })}
          data-testid="wizard-after-conviction"
        />
      )}
    </Paper>
  )
}
