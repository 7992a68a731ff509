import { Button, Group, Modal, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { useActiveUser } from '../auth/auth.api.ts'
import { CodeInput } from './CodeInput.tsx'
import { ProtectionFields, protectionBody, protectionLike } from './ProtectionFields.tsx'
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

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
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
    <Modal
      closeButtonProps={{ 'aria-label': t('app.close') }}
      opened
      onClose={onClose}
      title={t('situations.newCase.title', { situation: situation.name })}
      size="lg"
    >
      <form onSubmit={submit} data-testid="new-case-form">
        <Stack gap="sm">
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
          <ApiErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('situations.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('situations.newCase.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
