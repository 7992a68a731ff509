import { Group, Select, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { changedFields } from './changed-fields.ts'
import { ReasonInput } from './ReasonInput.tsx'
import { RecordModal } from './RecordModal.tsx'
import {
  type Case,
  type Person,
  ROLES_IN_PROCEEDINGS,
  type RoleInProceedings,
  useUpdatePerson,
} from './situations.api.ts'

/**
 * What changes about a person as proceedings go on (a suspect accused once the charges are
 * confirmed, a person joining a case, a name corrected), always with the reason: only the fields
 * changed are sent, and the trail keeps each one before and after.
 */
export function EditPersonModal({
  person,
  cases,
  onClose,
}: {
  person: Person
  cases: readonly Case[]
  onClose: () => void
}) {
  const { t } = useTranslation()
  const update = useUpdatePerson(person.id)
  const [role, setRole] = useState<RoleInProceedings>(person.roleInProceedings)
  const [caseId, setCaseId] = useState<string | null>(person.caseId)
  const [name, setName] = useState(person.name)
  const [description, setDescription] = useState(person.description ?? '')
  const [reason, setReason] = useState('')
  const changes = changedFields(person, { roleInProceedings: role, caseId, name, description })
  const changesSomething = Object.keys(changes).length > 0

  const submit = () => {
    if (!changesSomething) return
    update.mutate({ ...changes, reason }, { onSuccess: onClose })
  }

  return (
    <RecordModal
      title={t('situations.editPerson.title', { name: person.name })}
      testId="edit-person-form"
      onClose={onClose}
      onSubmit={submit}
      error={update.error}
      isPending={update.isPending}
      submitLabel={t('situations.editPerson.submit')}
      submitDisabled={!changesSomething}
    >
      <Group grow align="flex-start">
        <Select
          label={t('situations.role')}
          description={t('situations.editPerson.roleHelp')}
          data={ROLES_IN_PROCEEDINGS.map((r) => ({ value: r, label: t(`situations.roles.${r}`) }))}
          value={role}
          onChange={(v) => v && setRole(v as RoleInProceedings)}
          allowDeselect={false}
        />
        <Select
          label={t('situations.newPerson.case')}
          data={cases.map((c) => ({ value: c.id, label: `${c.code} — ${c.name}` }))}
          value={caseId}
          onChange={setCaseId}
          clearable
        />
      </Group>
      <TextInput
        label={t('situations.newPerson.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        minLength={2}
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
      <ReasonInput value={reason} onChange={setReason} help={t('situations.editPerson.reasonHelp')} />
    </RecordModal>
  )
}
