import { Button, Group, Select, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { DateField } from '../../components/DateField.tsx'
import { useWarrantStatusChange, useWarrantUnsealing, type Warrant, type WarrantStatus } from './persons-sought.api.ts'

const today = () => new Date().toISOString().slice(0, 10)

/** Court staff: record the next status (the server lists which), or lift the seal on a decision. */
export function WarrantActions({ warrant, canUnseal }: { warrant: Warrant; canUnseal: boolean }) {
  const { t } = useTranslation()
  const change = useWarrantStatusChange(warrant.id)
  const unseal = useWarrantUnsealing(warrant.id)
  const [status, setStatus] = useState<WarrantStatus | null>(null)
  const [occurredOn, setOccurredOn] = useState(today())
  const [note, setNote] = useState('')
  const [decision, setDecision] = useState('')
  const [unsealedOn, setUnsealedOn] = useState(today())
  const mayUnseal = canUnseal && warrant.classification === 'under_seal'
  if (warrant.allowedNextStatuses.length === 0 && !mayUnseal) return null
  return (
    <>
      {warrant.allowedNextStatuses.length > 0 && (
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('personsSought.newStatus')}
            data={warrant.allowedNextStatuses.map((s) => ({ value: s, label: t(`personsSought.status.${s}`) }))}
            value={status}
            onChange={(value) => setStatus(value as WarrantStatus | null)}
            w={200}
          />
          <DateField
            label={t('personsSought.occurredOn')}
            value={occurredOn}
            onChange={(value) => setOccurredOn(value)}
            w={170}
          />
          <TextInput
            label={t('personsSought.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            w={260}
          />
          <Button
            disabled={!status}
            loading={change.isPending}
            onClick={() =>
              status &&
              change.mutate({ status, occurredOn, note: note.trim() || null }, { onSuccess: () => setStatus(null) })
            }
          >
            {t('personsSought.record')}
          </Button>
        </Group>
      )}
      <ApiErrorAlert error={change.error} />
      {mayUnseal && (
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('personsSought.decisionReference')}
            value={decision}
            onChange={(e) => setDecision(e.currentTarget.value)}
            w={300}
          />
          <DateField
            label={t('personsSought.unsealedOn')}
            value={unsealedOn}
            onChange={(value) => setUnsealedOn(value)}
            w={170}
          />
          <Button
            color="red.9"
            disabled={decision.trim().length < 5}
            loading={unseal.isPending}
            onClick={() => unseal.mutate({ decisionReference: decision.trim(), unsealedOn })}
          >
            {t('personsSought.unseal')}
          </Button>
        </Group>
      )}
      <ApiErrorAlert error={unseal.error} />
    </>
  )
}
