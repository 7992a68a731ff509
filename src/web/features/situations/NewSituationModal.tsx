import { Group, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useActiveUser } from '../auth/auth.api.ts'
import { CodeInput } from './CodeInput.tsx'
import { ProtectionFields, protectionBody, protectionLike } from './ProtectionFields.tsx'
import { RecordModal } from './RecordModal.tsx'
import { useCreateSituation } from './situations.api.ts'

/** Opens a situation (after the Prosecutor's decision or a referral); its page comes next. */
export function NewSituationModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const user = useActiveUser()
  const navigate = useNavigate()
  const create = useCreateSituation()
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [protection, setProtection] = useState(() => protectionLike(null, user?.compartments ?? []))

  const submit = () => {
    create.mutate(
      { code, name, description: description.trim() || null, ...protectionBody(protection) },
      { onSuccess: (situation) => void navigate(`/situations/${encodeURIComponent(situation.id)}`) },
    )
  }

  return (
    <RecordModal
      title={t('situations.new.title')}
      testId="new-situation-form"
      onClose={onClose}
      onSubmit={submit}
      error={create.error}
      isPending={create.isPending}
      submitLabel={t('situations.new.submit')}
    >
      <Group grow align="flex-start">
        <CodeInput label={t('situations.code')} example="SIT-EXAMPLE" value={code} onChange={setCode} />
        <TextInput
          label={t('situations.name')}
          description={t('situations.new.nameHelp')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          minLength={3}
          maxLength={300}
          required
        />
      </Group>
      <Textarea
        label={t('situations.description')}
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
