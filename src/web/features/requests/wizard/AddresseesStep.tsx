import { MultiSelect, Paper, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useAllStates } from '../requests.api.ts'
import type { StepProps } from './wizard-state.ts'

/** Step 2: one or more addressees; several give one linked request each. */
export function AddresseesStep({ state, update }: StepProps) {
  const { t, i18n } = useTranslation()
  const states = useAllStates(i18n.language)
  const options = [
    ...(states.data ?? []).map((s) => ({
      value: s.iso3,
      label: `${i18n.language === 'fr' ? s.nameFr : s.nameEn} (${s.iso3})${s.romeStatus === 'party' ? '' : ` — ${t(`status.${s.romeStatus}`)}`}`,
    })),
    { value: 'IO-UN', label: t('requests.io.IO-UN') },
    { value: 'IO-INTERPOL', label: t('requests.io.IO-INTERPOL') },
  ]
  return (
    <Paper withBorder radius="md" p="md">
      <MultiSelect
        label={t('wizard.addressees')}
        description={t('wizard.addresseesHelp')}
        data={options}
        value={state.addressees}
        onChange={(addressees) => update({ addressees })}
        searchable
        required
        data-testid="wizard-addressees"
      />
      {state.addressees.length > 1 && (
        <Text size="sm" mt="sm" data-testid="multi-state-note">
          {t('wizard.multiState', { count: state.addressees.length })}
        </Text>
      )}
    </Paper>
  )
}
