import { MultiSelect, Paper, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useAllStates, useRequestTypes } from '../requests.api.ts'
import type { StepProps } from './wizard-state.ts'

/**
 * Step 2: one or more addressees; several give one linked request each. Only those the type can go
 * to are offered (`addressedTo` of the catalogue: the rule the server applies, 87(5)–(6), 15(2)).
 */
export function AddresseesStep({ state, update }: StepProps) {
  const { t, i18n } = useTranslation()
  const states = useAllStates(i18n.language)
  const types = useRequestTypes()
  const addressedTo = types.data?.items.find((ty) => ty.code === state.type)?.addressedTo ?? 'state'
  const toStates = addressedTo !== 'organisation'
  const toOrganisations = addressedTo === 'organisation' || addressedTo === 'state_or_organisation'
  const options = [
    ...(toStates ? (states.data ?? []) : [])
      .filter((s) => addressedTo !== 'state_not_party' || s.romeStatus !== 'party')
      .map((s) => ({
        value: s.iso3,
        label: `${i18n.language === 'fr' ? s.nameFr : s.nameEn} (${s.iso3})${s.romeStatus === 'party' ? '' : ` — ${t(`status.${s.romeStatus}`)}`}`,
      })),
    ...(toOrganisations
      ? ['IO-UN', 'IO-INTERPOL'].map((code) => ({ value: code, label: t(`requests.io.${code}`) }))
      : []),
  ]
  return (
    <Paper withBorder radius="md" p="md">
      <MultiSelect
        label={t('wizard.addressees')}
        description={t(`wizard.addresseesHelp.${addressedTo}`)}
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
