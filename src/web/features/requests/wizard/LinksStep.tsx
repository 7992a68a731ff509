import { MultiSelect, Paper, Select, SimpleGrid } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useActiveUser } from '../../auth/auth.api.ts'
import { useCases, usePersons, useSituations } from '../requests.api.ts'
import type { StepProps } from './wizard-state.ts'

/** Step 3: the situation, case and persons the request concerns (only those the drafter may see). */
export function LinksStep({ state, update }: StepProps) {
  const { t } = useTranslation()
  const userId = useActiveUser()?.id ?? null
  const situations = useSituations(userId)
  const cases = useCases(userId, state.situationId)
  const persons = usePersons(userId, state.situationId)
  return (
    <Paper withBorder radius="md" p="md">
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Select
          label={t('requests.situation')}
          data={(situations.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={state.situationId}
          onChange={(situationId) => update({ situationId, caseId: null, personIds: [] })}
          clearable
        />
        <Select
          label={t('requests.case')}
          data={(cases.data?.items ?? [])
            .filter((c) => !state.situationId || c.situationId === state.situationId)
            .map((c) => ({ value: c.id, label: c.name }))}
          value={state.caseId}
          onChange={(caseId) => update({ caseId })}
          clearable
          disabled={!state.situationId}
        />
        <MultiSelect
          label={t('wizard.persons')}
          data={(persons.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.name} — ${t(`personRole.${p.roleInProceedings}`)}`,
          }))}
          value={state.personIds}
          onChange={(personIds) => update({ personIds })}
          disabled={!state.situationId}
        />
      </SimpleGrid>
    </Paper>
  )
}
