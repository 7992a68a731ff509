import { Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { changedFields } from './changed-fields.ts'
import { ReasonInput } from './ReasonInput.tsx'
import { RecordModal } from './RecordModal.tsx'
import { type Situation, useUpdateSituation } from './situations.api.ts'

/** A situation's name or description corrected, with the reason. */
export function EditSituationModal({ record, onClose }: { record: Situation; onClose: () => void }) {
  const { t } = useTranslation()
  const update = useUpdateSituation(record.id)
  const [name, setName] = useState(record.name)
  const [description, setDescription] = useState(record.description ?? '')
  const [reason, setReason] = useState('')
  const changes = changedFields(record, { name, description })
  const changesSomething = Object.keys(changes).length > 0
  return (
    <RecordModal
      title={t('situations.editSituation.title', { code: record.code })}
      testId="edit-situation-form"
      onClose={onClose}
      onSubmit={() => changesSomething && update.mutate({ ...changes, reason }, { onSuccess: onClose })}
      error={update.error}
      isPending={update.isPending}
      submitLabel={t('situations.editPerson.submit')}
      submitDisabled={!changesSomething}
    >
      <TextInput
        label={t('situations.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        minLength={3}
        maxLength={300}
        required
      />
      <Textarea
        label={t('situations.description')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={4000}
      />
      <ReasonInput value={reason} onChange={setReason} help={t('situations.editSituation.reasonHelp')} />
    </RecordModal>
  )
}
