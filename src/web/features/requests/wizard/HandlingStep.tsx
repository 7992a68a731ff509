import { Paper, Select, SimpleGrid, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { DateField } from '../../../components/DateField.tsx'
import { useActiveUser } from '../../auth/auth.api.ts'
import { REQUEST_CLASSIFICATIONS } from '../requests.api.ts'
import type { Classification, StepProps } from './wizard-state.ts'

const CHANNELS = ['diplomatic', 'central_authority', 'interpol', 'regional_organisation', 'other'] as const

/** Step 4: classification, compartment, urgency, deadline, and the channel and language (87(1)-(2)). */
export function HandlingStep({
  state,
  update,
  proposed,
}: StepProps & { proposed: { language: string | null; channel: string | null } }) {
  const { t } = useTranslation()
  const user = useActiveUser()
  return (
    <Paper withBorder radius="md" p="md">
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Select
          label={t('requests.classification')}
          data={REQUEST_CLASSIFICATIONS.map((c) => ({ value: c, label: t(`classification.${c}`) }))}
          value={state.classification}
          onChange={(v) => v && update({ classification: v as Classification })}
          allowDeselect={false}
        />
        <Select
          label={t('wizard.compartment')}
          description={t('wizard.compartmentHelp')}
          data={user?.compartments ?? []}
          value={state.compartment}
          onChange={(compartment) => update({ compartment })}
          clearable
        />
        <Select
          label={t('requests.urgency')}
          data={['normal', 'urgent'].map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
          value={state.urgency}
          onChange={(v) => v && update({ urgency: v as 'normal' | 'urgent' })}
          allowDeselect={false}
        />
        <DateField
          label={t('request.responseDeadline')}
          description={t('wizard.deadlineHelp')}
          value={state.deadline}
          onChange={(value) => update({ deadline: value })}
        />
        <Select
          label={t('wizard.channel')}
          description={
            proposed.channel
              ? t('wizard.proposed', { value: t(`channel.${proposed.channel}`, { defaultValue: proposed.channel }) })
              : t('wizard.channelDefault')
          }
          data={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          value={state.channel ?? proposed.channel}
          onChange={(channel) => update({ channel })}
          clearable
        />
        <TextInput
          label={t('wizard.language')}
          description={
            proposed.language
              ? t('wizard.proposed', { value: proposed.language.toUpperCase() })
              : t('wizard.languageDefault')
          }
          value={state.language ?? proposed.language ?? ''}
          onChange={(e) => update({ language: e.currentTarget.value.toLowerCase().slice(0, 2) || null })}
          maxLength={2}
        />
      </SimpleGrid>
    </Paper>
  )
}
