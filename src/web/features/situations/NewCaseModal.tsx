import { Group, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useActiveUser } from '../auth/auth.api.ts'
import { CodeInput } from './CodeInput.tsx'
import { ProtectionFields, protectionBody, protectionLike } from './ProtectionFields.tsx'
import { RecordModal } from './RecordModal.tsx'
import { type Situation, useCreateCase } from './situations.api.ts'

/** A case within the situation; its Defence team, when named, learns of it by being named on it. */
export function NewCaseModal({ situation, onClose }: { situation: Situation; onClose: () => void }) {
  const { t } = useTranslation()
  const user = useActiveUser()
  const create = useCreateCase()
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [defence, setDefence] = useState('')
  const [protection, setProtection] = useState(() => protectionLike(situation, user?.compartments ?? []))

  const submit = () => {
    create.mutate(
      {
        situationId: situation.id,
        code,
        name,
        defenceOrgCode: defence.trim().toUpperCase() || null,
        ...protectionBody(protection),
      },
      { onSuccess: onClose },
    )
  }

  return (
    <RecordModal
      title={t('situations.newCase.title', { situation: situation.name })}
      testId="new-case-form"
      onClose={onClose}
      onSubmit={submit}
      error={create.error}
      isPending={create.isPending}
      submitLabel={t('situations.newCase.submit')}
    >
      <Group grow align="flex-start">
        <CodeInput label={t('situations.code')} example="CASE-EXAMPLE-1" value={code} onChange={setCode} />
        <TextInput
          label={t('situations.newCase.name')}
          description={t('situations.newCase.nameHelp')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          minLength={3}
          maxLength={300}
          required
        />
      </Group>
      <TextInput
        label={t('situations.newCase.defence')}
        description={t('situations.newCase.defenceHelp')}
        value={defence}
        onChange={(e) => setDefence(e.currentTarget.value)}
        maxLength={60}
      />
      <ProtectionFields value={protection} onChange={setProtection} />
    </RecordModal>
  )
}
