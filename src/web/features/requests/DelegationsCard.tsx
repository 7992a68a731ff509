import { Button, Group, List, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { useFormatDate } from '../../format.ts'
import { useDelegate, useDelegations, useRevokeDelegation } from './requests.api.ts'

/**
 * The requested State's own distribution of work: its focal point delegates the request to an
 * officer (who then sees it and answers it) or revokes that. Shown to the State's users only.
 */
export function DelegationsCard({ requestId, userId }: { requestId: string; userId: string | null }) {
  const { t } = useTranslation()
  const formatDate = useFormatDate()
  const headingId = useId()
  const delegations = useDelegations(requestId, userId, true)
  const delegate = useDelegate(requestId)
  const revoke = useRevokeDelegation(requestId)
  const [officer, setOfficer] = useState<string | null>(null)
  const list = delegations.data
  if (!list) return null
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} data-testid="delegations">
      <Title order={2} size="h4" id={headingId}>
        {t('requestDelegation.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('requestDelegation.intro')}
      </Text>
      {list.items.length === 0 ? (
        <Text size="sm" data-testid="delegations-none">
          {t('requestDelegation.none')}
        </Text>
      ) : (
        <List spacing="xs" listStyleType="none" p={0}>
          {list.items.map((d) => (
            <List.Item key={d.userId} data-testid="delegation">
              <Group gap="sm" justify="space-between" wrap="nowrap">
                <div>
                  <Text size="sm" fw={600}>
                    {d.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('requestDelegation.delegatedBy', { who: d.delegatedBy, date: formatDate(d.delegatedAt) })}
                  </Text>
                </div>
                {list.mayRevoke && (
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => revoke.mutate(d.userId)}
                    loading={revoke.isPending && revoke.variables === d.userId}
                    aria-label={t('requestDelegation.revokeLabel', { name: d.name })}
                  >
                    {t('requestDelegation.revoke')}
                  </Button>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {list.mayDelegate ? (
        list.delegableOfficers.length === 0 ? (
          <Text size="sm" mt="sm" c="dimmed">
            {t('requestDelegation.noOfficer')}
          </Text>
        ) : (
          <Stack gap="xs" mt="md">
            <Group align="end">
              <Select
                label={t('requestDelegation.officer')}
                data={list.delegableOfficers.map((o) => ({ value: o.userId, label: `${o.name} (${o.email})` }))}
                value={officer}
                onChange={setOfficer}
                searchable
                data-testid="delegation-officer"
              />
              <Button
                onClick={() => officer && delegate.mutate(officer, { onSuccess: () => setOfficer(null) })}
                disabled={!officer}
                loading={delegate.isPending}
                data-testid="delegation-submit"
              >
                {t('requestDelegation.delegate')}
              </Button>
            </Group>
          </Stack>
        )
      ) : (
        <Text size="xs" mt="sm" c="dimmed" data-testid="delegations-read-only">
          {t(list.mayRevoke ? 'requestDelegation.closed' : 'requestDelegation.readOnly')}
        </Text>
      )}
      <ApiErrorAlert error={delegate.error ?? revoke.error} />
    </Paper>
  )
}
