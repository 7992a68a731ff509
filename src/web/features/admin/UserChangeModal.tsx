import { Button, Group, Modal, MultiSelect, Select, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { type AdminUser, type UserChange, useChangeUser, useCompartments, useOrganisations } from './admin.api.ts'

export type ChangeKind = UserChange['kind']

type UserChangeModalProps = { user: AdminUser; kind: ChangeKind; onClose: () => void }

/** Confirms one change to an account; role and compartments are chosen here first. */
export function UserChangeModal({ user, kind, onClose }: UserChangeModalProps) {
  const { t } = useTranslation()
  const change = useChangeUser()
  const organisations = useOrganisations()
  const compartments = useCompartments()
  const [role, setRole] = useState<string | null>(user.role)
  const [codes, setCodes] = useState<string[]>(user.compartments)
  const roles = organisations.data?.items.find((o) => o.code === user.orgCode)?.roles ?? [user.role]

  function confirm() {
    const body: UserChange =
      kind === 'set-role'
        ? { kind, role: role ?? user.role }
        : kind === 'set-compartments'
          ? { kind, compartments: codes }
          : { kind }
    change.mutate({ id: user.id, change: body }, { onSuccess: onClose })
  }

  const danger = kind === 'disable' || kind === 'reset-mfa'
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('app.close') }}
      opened
      onClose={onClose}
      title={t(`admin.change.${kind}`)}
      centered
    >
      <Stack gap="sm">
        <Text>{t(`admin.confirm.${kind}`, { name: user.name, email: user.email })}</Text>
        {kind === 'set-role' && (
          <Select
            label={t('admin.role')}
            data={roles.map((r) => ({ value: r, label: t(`roles.${r}`, { defaultValue: r }) }))}
            value={role}
            onChange={setRole}
            allowDeselect={false}
            comboboxProps={{ withinPortal: false }}
          />
        )}
        {kind === 'set-compartments' && (
          <MultiSelect
            label={t('admin.compartments')}
            data={(compartments.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` }))}
            value={codes}
            onChange={setCodes}
            searchable
            comboboxProps={{ withinPortal: false }}
          />
        )}
        <ApiErrorAlert error={change.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={danger ? 'red' : undefined} loading={change.isPending} onClick={confirm}>
            {t(`admin.change.${kind}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
