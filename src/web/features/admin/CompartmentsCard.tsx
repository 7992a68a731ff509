import { Button, Group, Paper, Skeleton, Table, TextInput, Title } from '@mantine/core'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { DemoBadge } from '../../components/DemoBadge.tsx'
import { useCompartments, useCreateCompartment } from './admin.api.ts'

const CODE = /^[A-Z0-9][A-Z0-9-]{1,39}$/

export function CompartmentsCard() {
  const { t } = useTranslation()
  const compartments = useCompartments()
  const create = useCreateCompartment()
  const headingId = useId()
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [touched, setTouched] = useState(false)
  const codeValid = CODE.test(code)

  function submit(event: FormEvent) {
    event.preventDefault()
    setTouched(true)
    if (!codeValid || !name.trim()) return
    create.mutate(
      { code, name: name.trim() },
      {
        onSuccess: () => {
          setCode('')
          setName('')
          setTouched(false)
        },
      },
    )
  }

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md">
      <Title order={2} size="h4" id={headingId} mb="xs">
        {t('admin.compartmentsHeading')}
      </Title>
      <form onSubmit={submit} noValidate aria-label={t('admin.createCompartment')}>
        <Group align="flex-start" gap="sm" mb="sm" wrap="wrap">
          <TextInput
            label={t('admin.compartmentCode')}
            description={t('admin.compartmentCodeHelp')}
            required
            value={code}
            onChange={(event) => setCode(event.currentTarget.value.toUpperCase())}
            error={touched && !codeValid ? t('admin.compartmentCodeInvalid') : undefined}
            w={220}
          />
          <TextInput
            label={t('admin.compartmentName')}
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={touched && !name.trim() ? t('admin.nameRequired') : undefined}
            w={360}
          />
          <Button type="submit" mt={46} loading={create.isPending}>
            {t('admin.createCompartment')}
          </Button>
        </Group>
        <ApiErrorAlert error={create.error} />
      </form>
      <ApiErrorAlert error={compartments.error} />
      {compartments.isPending ? (
        <Skeleton height={80} />
      ) : (
        <Table data-testid="compartments-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.compartmentCode')}</Table.Th>
              <Table.Th scope="col">{t('admin.compartmentName')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(compartments.data?.items ?? []).map((c) => (
              <Table.Tr key={c.code}>
                <Table.Td ff="monospace">{c.code}</Table.Td>
                <Table.Td>
                  {c.name} <DemoBadge isDemo={c.isDemo} size="xs" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
