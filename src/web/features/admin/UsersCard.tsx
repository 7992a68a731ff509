import { Badge, Button, Group, Menu, Paper, Skeleton, Table, Text, TextInput, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { DemoBadge } from '../../components/DemoBadge.tsx'
import { TONE } from '../../theme.ts'
import { type AdminUser, useUsers } from './admin.api.ts'
import { type ChangeKind, UserChangeModal } from './UserChangeModal.tsx'

export function UsersCard() {
  const { t } = useTranslation()
  const users = useUsers()
  const headingId = useId()
  const [query, setQuery] = useState('')
  const [pending, setPending] = useState<{ user: AdminUser; kind: ChangeKind } | null>(null)
  const needle = query.trim().toLowerCase()
  const items = (users.data?.items ?? []).filter(
    (u) => !needle || `${u.name} ${u.email} ${u.orgCode}`.toLowerCase().includes(needle),
  )

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md">
      <Group justify="space-between" mb="xs" align="flex-end">
        <Title order={2} size="h4" id={headingId}>
          {t('admin.usersHeading')}
        </Title>
        <TextInput
          type="search"
          label={t('admin.searchUsers')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          w={280}
        />
      </Group>
      <ApiErrorAlert error={users.error} />
      {users.isPending ? (
        <Skeleton height={200} />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.user')}</Table.Th>
                <Table.Th scope="col">{t('admin.status')}</Table.Th>
                <Table.Th scope="col">{t('admin.role')}</Table.Th>
                <Table.Th scope="col">{t('admin.organisation')}</Table.Th>
                <Table.Th scope="col">{t('admin.compartments')}</Table.Th>
                <Table.Th scope="col">{t('admin.mfa')}</Table.Th>
                <Table.Th scope="col">{t('admin.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((user) => (
                <Table.Tr key={user.id} data-testid={`user-row-${user.email}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {user.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {user.email}
                    </Text>
                    <DemoBadge isDemo={user.isDemo} size="xs" />
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={user.status === 'active' ? TONE.success : TONE.neutral}
                      variant="light"
                      data-testid="user-status"
                    >
                      {t(`admin.statusValue.${user.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{t(`roles.${user.role}`, { defaultValue: user.role })}</Table.Td>
                  <Table.Td>{user.orgCode}</Table.Td>
                  <Table.Td>{user.compartments.length ? user.compartments.join(', ') : '—'}</Table.Td>
                  <Table.Td>
                    {user.mfaEnabled ? t('admin.mfaOn') : user.sso ? t('admin.mfaSso') : t('admin.mfaPending')}
                  </Table.Td>
                  <Table.Td>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={t('admin.actionsFor', { name: user.name })}
                        >
                          {t('admin.actions')}
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {user.status === 'active' ? (
                          <Menu.Item onClick={() => setPending({ user, kind: 'disable' })}>
                            {t('admin.change.disable')}
                          </Menu.Item>
                        ) : (
                          <Menu.Item onClick={() => setPending({ user, kind: 'enable' })}>
                            {t('admin.change.enable')}
                          </Menu.Item>
                        )}
                        <Menu.Item onClick={() => setPending({ user, kind: 'reset-mfa' })} disabled={!user.mfaEnabled}>
                          {t('admin.change.reset-mfa')}
                        </Menu.Item>
                        <Menu.Item onClick={() => setPending({ user, kind: 'set-role' })}>
                          {t('admin.change.set-role')}
                        </Menu.Item>
                        <Menu.Item onClick={() => setPending({ user, kind: 'set-compartments' })}>
                          {t('admin.change.set-compartments')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pending && <UserChangeModal user={pending.user} kind={pending.kind} onClose={() => setPending(null)} />}
    </Paper>
  )
}
