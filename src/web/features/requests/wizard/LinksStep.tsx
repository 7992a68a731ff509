import { MultiSelect, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormatChamber, useFormatDate } from '../../../format.ts'
import { useActiveUser } from '../../auth/auth.api.ts'
import { WARRANT_STATUSES_TO_CARRY_OUT } from '../../persons-sought/persons-sought.api.ts'
import { useCases, usePersons, useRequestTypes, useSituationArrestWarrants, useSituations } from '../requests.api.ts'
import type { StepProps } from './wizard-state.ts'

/**
 * Step 3: the situation, case and persons the request concerns (only those the drafter may see),
 * and, for an arrest, a provisional arrest or a transit, the warrants of arrest it carries out.
 */
export function LinksStep({ state, update }: StepProps) {
  const { t } = useTranslation()
  const formatChamber = useFormatChamber()
  const formatDate = useFormatDate()
  const userId = useActiveUser()?.id ?? null
  const situations = useSituations(userId)
  const cases = useCases(userId, state.situationId)
  const persons = usePersons(userId, state.situationId)
  const types = useRequestTypes()
  const restsOnWarrant = types.data?.items.find((ty) => ty.code === state.type)?.restsOnWarrant ?? false
  const warrants = useSituationArrestWarrants(userId, state.situationId, restsOnWarrant)
  const personName = (id: string) =>
    persons.data?.items.find((p) => p.id === id)?.name ?? t('requestLinks.personSought')
  const open = (warrants.data?.items ?? []).filter((w) => WARRANT_STATUSES_TO_CARRY_OUT.includes(w.status))
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <Select
            label={t('requests.situation')}
            data={(situations.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={state.situationId}
            onChange={(situationId) => update({ situationId, caseId: null, personIds: [], warrantIds: [] })}
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
        {restsOnWarrant && state.situationId && (
          <div>
            <MultiSelect
              label={t('requestLinks.pickWarrants')}
              description={t('requestLinks.pickWarrantsHelp')}
              data={open.map((w) => ({
                value: w.id,
                label: t('requestLinks.warrantOption', {
                  person: personName(w.personId),
                  chamber: formatChamber(w.issuingChamber),
                  date: w.issuedOn ? formatDate(w.issuedOn) : (w.issuedText ?? '—'),
                }),
              }))}
              value={state.warrantIds}
              onChange={(warrantIds) => {
                // A warrant's person is one the request concerns (the server links it too).
                const of = open.filter((w) => warrantIds.includes(w.id)).map((w) => w.personId)
                update({ warrantIds, personIds: [...new Set([...state.personIds, ...of])] })
              }}
              data-testid="wizard-warrants"
            />
            {warrants.isSuccess && open.length === 0 && (
              <Text size="sm" c="dimmed" mt={4} data-testid="wizard-no-warrants">
                {t('requestLinks.noWarrants')}
              </Text>
            )}
          </div>
        )}
      </Stack>
    </Paper>
  )
}
