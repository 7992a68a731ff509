import {
  Button,
  Group,
  MultiSelect,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { useCompartments, useCreateUser, useOrganisations } from './admin.api.ts'

export function InviteUserForm() {
  const { t, i18n } = useTranslation()
  const organisations = useOrganisations()
  const compartments = useCompartments()
  const create = useCreateUser()
  const headingId = useId()
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [orgCode, setOrgCode] = useState<string | null>(null)
  const [role, setRole] = useState<string | null>(null)
  const [codes, setCodes] = useState<string[]>([])
  const [password, setPassword] = useState('')
  const [touched, setTouched] = useState(false)

  const orgs = organisations.data?.items ?? []
  const org = orgs.find((o) => o.code === orgCode)
  const roles = org?.roles ?? []
  const emailValid = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())
  const valid = emailValid && name.trim().length > 0 && org !== undefined && role !== null && roles.includes(role)

  function submit(event: FormEvent) {
    event.preventDefault()
    setTouched(true)
    if (!valid || !orgCode || !role) return
    create.mutate(
      {
        email: email.trim(),
        name: name.trim(),
        orgCode,
        role,
        compartments: codes,
        ...(password ? { password } : {}),
      },
      {
        onSuccess: () => {
          setEmail('')
          setName('')
          setCodes([])
          setPassword('')
          setTouched(false)
        },
      },
    )
  }

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md">
      <Title order={2} size="h4" id={headingId} mb="xs">
        {t('admin.inviteHeading')}
      </Title>
      <Text size="sm" mb="sm">
        {t('admin.inviteIntro')}
      </Text>
      <form onSubmit={submit} noValidate aria-label={t('admin.inviteHeading')} data-testid="invite-form">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <TextInput
            label={t('admin.email')}
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={touched && !emailValid ? t('admin.emailInvalid') : undefined}
          />
          <TextInput
            label={t('admin.name')}
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={touched && !name.trim() ? t('admin.nameRequired') : undefined}
          />
          <Select
            label={t('admin.organisation')}
            required
            searchable
            data={orgs.map((o) => ({
              value: o.code,
              label: `${i18n.language === 'fr' ? o.nameFr : o.nameEn} (${o.code})`,
            }))}
            value={orgCode}
            onChange={(value) => {
              setOrgCode(value)
              const next = orgs.find((o) => o.code === value)?.roles ?? []
              setRole(next.length === 1 ? (next[0] ?? null) : null)
            }}
            nothingFoundMessage={t('admin.noMatch')}
            error={touched && !org ? t('admin.organisationRequired') : undefined}
          />
          <Select
            label={t('admin.role')}
            required
            disabled={!org}
            data={roles.map((r) => ({ value: r, label: t(`roles.${r}`, { defaultValue: r }) }))}
            value={role}
            onChange={setRole}
            error={touched && org && !role ? t('admin.roleRequired') : undefined}
          />
          <MultiSelect
            label={t('admin.compartments')}
            data={(compartments.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` }))}
            value={codes}
            onChange={setCodes}
            searchable
          />
          <PasswordInput
            label={t('admin.initialPassword')}
            description={t('admin.initialPasswordHelp')}
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
          />
        </SimpleGrid>
        <Group mt="sm" gap="sm">
          <Button type="submit" loading={create.isPending}>
            {t('admin.invite')}
          </Button>
          {create.isSuccess && (
            <Text size="sm" role="status" data-testid="invite-done">
              {t('admin.invited', { email: create.data.email })}
            </Text>
          )}
        </Group>
        <ApiErrorAlert error={create.error} testId="invite-error" />
      </form>
    </Paper>
  )
}
