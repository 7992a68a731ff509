import { TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { changedFields } from './changed-fields.ts'
import { ReasonInput } from './ReasonInput.tsx'
import { RecordModal } from './RecordModal.tsx'
import { type Case, useUpdateCase } from './situations.api.ts'

/** A case's name corrected, or its Defence team appointed, replaced or removed, with the reason. */
export function EditCaseModal({ record, onClose }: { record: Case; onClose: () => void }) {
  const { t } = useTranslation()
  const update = useUpdateCase(record.id)
  const [name, setName] = useState(record.name)
  const [defence, setDefence] = useState(record.defenceOrgCode ?? '')
  const [reason, setReason] = useState('')
  const defenceOrgCode = defence.trim().toUpperCase() || null
  const changes = changedFields(record, { name, defenceOrgCode })
  const changesSomething = Object.keys(changes).length > 0
  return (
    <RecordModal
      title={t('situations.editCase.title', { code: record.code })}
      testId="edit-case-form"
      onClose={onClose}
      onSubmit={() => changesSomething && update.mutate({ ...changes, reason }, { onSuccess: onClose })}
      error={update.error}
      isPending={update.isPending}
      submitLabel={t('situations.editPerson.submit')}
      submitDisabled={!changesSomething}
    >
      <TextInput
        label={t('situations.newCase.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        minLength={3}
        maxLength={300}
        required
      />
      <TextInput
        label={t('situations.newCase.defence')}
        description={t('situations.editCase.defenceHelp')}
        value={defence}
        onChange={(e) => setDefence(e.currentTarget.value)}
        maxLength={60}
      />
      <ReasonInput value={reason} onChange={setReason} help={t('situations.editCase.reasonHelp')} />
    </RecordModal>
  )
}
