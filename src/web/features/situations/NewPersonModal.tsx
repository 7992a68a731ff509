import { Group, Select, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useActiveUser } from '../auth/auth.api.ts'
import { ProtectionFields, protectionBody, protectionLike } from './ProtectionFields.tsx'
import { RecordModal } from './RecordModal.tsx'
import {
  type Case,
  ROLES_IN_PROCEEDINGS,
  type RoleInProceedings,
  type Situation,
  useCreatePerson,
} from './situations.api.ts'

/** A person concerned by the situation, in one of its cases or in none yet. */
export function NewPersonModal({
  situation,
  cases,
  onClose,
}: {
  situation: Situation
  cases: readonly Case[]
  onClose: () => void
}) {
  const { t } = useTranslation()
  const user = useActiveUser()
  const create = useCreatePerson()
  const [name, setName] = useState('')
  const [role, setRole] = useState<RoleInProceedings | null>(null)
  const [caseId, setCaseId] = useState<string | null>(null)
  const [description, setDescription] = useState('')
  const compartments = user?.compartments ?? []
  const [protection, setProtection] = useState(() => protectionLike(situation, compartments))

  const chooseCase = (id: string | null) => {
    setCaseId(id)
    // A person of a case is protected as the case is, unless the author changes it.
    const inCase = cases.find((c) => c.id === id)
    setProtection(protectionLike(inCase ?? situation, compartments))
  }

  const submit = () => {
    if (!role) return
    create.mutate(
      {
        situationId: situation.id,
        caseId,
        name,
        roleInProceedings: role,
        description: description.trim() || null,
        ...protectionBody(protection),
      },
      { onSuccess: onClose },
    )
  }

  return (
    <RecordModal
      title={t('situations.newPerson.title', { situation: situation.name })}
      testId="new-person-form"
      onClose={onClose}
      onSubmit={submit}
      error={create.error}
      isPending={create.isPending}
      submitLabel={t('situations.newPerson.submit')}
      submitDisabled={!role}
    >
      <Group grow align="flex-start">
        <TextInput
          label={t('situations.newPerson.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          minLength={2}
          maxLength={300}
          required
        />
        <Select
          label={t('situations.role')}
          data={ROLES_IN_PROCEEDINGS.map((r) => ({ value: r, label: t(`situations.roles.${r}`) }))}
          value={role}
          onChange={(v) => setRole(v as RoleInProceedings | null)}
          required
          data-testid="person-role"
        />
      </Group>
      <Select
        label={t('situations.newPerson.case')}
        description={t('situations.newPerson.caseHelp')}
        data={cases.map((c) => ({ value: c.id, label: `${c.code} — ${c.name}` }))}
        value={caseId}
        onChange={chooseCase}
        clearable
        data-testid="person-case"
      />
      <Textarea
        label={t('situations.description')}
        description={t('situations.newPerson.descriptionHelp')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={4000}
      />
      <ProtectionFields value={protection} onChange={setProtection} />
    </RecordModal>
  )
}
