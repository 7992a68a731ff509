import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  NumberInput,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { useFormatDateTime } from '../../format.ts'
import { TONE } from '../../theme.ts'
import { type ApiToken, useApiTokens, useCreateToken, useRevokeToken } from '../auth/auth.api.ts'

type Scope = 'read' | 'write'

export function TokensCard() {
  const { t } = useTranslation()
  const tokens = useApiTokens(true)
  const create = useCreateToken()
  const revoke = useRevokeToken()
  const formatDateTime = useFormatDateTime()
  const headingId = useId()
  const [name, setName] = useState('')
  const [days, setDays] = useState<number | string>(90)
  const [scopes, setScopes] = useState<Scope[]>(['read'])
  const [touched, setTouched] = useState(false)
  const [revoking, setRevoking] = useState<ApiToken | null>(null)

  const daysValue = typeof days === 'number' ? days : Number.parseInt(days, 10)
  const daysValid = Number.isInteger(daysValue) && daysValue >= 1 && daysValue <= 365
  const valid = name.trim().length > 0 && daysValid && scopes.length > 0

  function submit(event: FormEvent) {
    event.preventDefault()
    setTouched(true)
    if (!valid) return
    create.mutate(
      { name: name.trim(), days: daysValue, scopes },
      {
        onSuccess: () => {
          setName('')
          setTouched(false)
        },
      },
    )
  }

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md">
      <Title order={2} size="h4" id={headingId} mb="xs">
        {t('tokens.heading')}
      </Title>
      <Text size="sm" mb="sm">
        {t('tokens.intro')}
      </Text>
      {create.data && (
        <Alert color={TONE.success} variant="light" title={t('tokens.createdTitle')} mb="sm" data-testid="new-token">
          <Stack gap={6}>
            <Text size="sm">{t('tokens.createdText')}</Text>
            <Code block data-testid="new-token-value">
              {create.data.token}
            </Code>
            <Group gap="xs">
              <CopyButton value={create.data.token}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="default" onClick={copy}>
                    {copied ? t('recovery.copied') : t('tokens.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button size="xs" variant="subtle" onClick={() => create.reset()}>
                {t('tokens.dismiss')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <form onSubmit={submit} noValidate aria-label={t('tokens.createForm')}>
        <Group align="flex-end" gap="sm" wrap="wrap" mb="md">
          <TextInput
            label={t('tokens.name')}
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={touched && !name.trim() ? t('tokens.nameRequired') : undefined}
            w={240}
          />
          <NumberInput
            label={t('tokens.days')}
            min={1}
            max={365}
            required
            value={days}
            onChange={setDays}
            error={touched && !daysValid ? t('tokens.daysInvalid') : undefined}
            w={140}
          />
          <Checkbox.Group
            label={t('tokens.scopes')}
            value={scopes}
            onChange={(value) => setScopes(value as Scope[])}
            error={touched && scopes.length === 0 ? t('tokens.scopesRequired') : undefined}
          >
            <Group gap="sm" mt={6}>
              <Checkbox value="read" label={t('tokens.scope.read')} />
              <Checkbox value="write" label={t('tokens.scope.write')} />
            </Group>
          </Checkbox.Group>
          <Button type="submit" loading={create.isPending}>
            {t('tokens.create')}
          </Button>
        </Group>
        <ApiErrorAlert error={create.error} />
      </form>
      <ApiErrorAlert error={tokens.error} />
      {tokens.isPending ? (
        <Skeleton height={60} />
      ) : (tokens.data?.items ?? []).length === 0 ? (
        <Text size="sm">{t('tokens.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="tokens-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('tokens.name')}</Table.Th>
                <Table.Th scope="col">{t('tokens.scopes')}</Table.Th>
                <Table.Th scope="col">{t('tokens.created')}</Table.Th>
                <Table.Th scope="col">{t('tokens.expires')}</Table.Th>
                <Table.Th scope="col">{t('tokens.lastUsed')}</Table.Th>
                <Table.Th scope="col">{t('tokens.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(tokens.data?.items ?? []).map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td>{token.name}</Table.Td>
                  <Table.Td>{token.scopes.map((s) => t(`tokens.scope.${s}`)).join(', ')}</Table.Td>
                  <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
                  <Table.Td>{formatDateTime(token.expiresAt)}</Table.Td>
                  <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('tokens.never')}</Table.Td>
                  <Table.Td>
                    {token.revokedAt ? (
                      <Badge color="gray.7" variant="filled">
                        {t('tokens.revoked')}
                      </Badge>
                    ) : (
                      <Button
                        size="compact-sm"
                        variant="light"
                        color="red"
                        onClick={() => setRevoking(token)}
                        aria-label={t('tokens.revokeNamed', { name: token.name })}
                      >
                        {t('tokens.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('app.close') }}
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('tokens.revoke')}
        centered
      >
        <Stack gap="sm">
          <Text>{t('tokens.revokeConfirm', { name: revoking?.name ?? '' })}</Text>
          <ApiErrorAlert error={revoke.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
            >
              {t('tokens.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  )
}
