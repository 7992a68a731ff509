import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DemoBadge } from '../../components/DemoBadge.tsx'
import { useFormatDate } from '../../format.ts'
import { useActiveUser } from '../auth/auth.api.ts'
import { isCourtStaff, usePersonStrategies } from './arrest.api.ts'
import { ReviseStrategyForm } from './ReviseStrategyForm.tsx'

/**
 * The person's arrest strategy, for the members of its cell. For everyone else the API answers an
 * empty list, and this card renders nothing at all: no heading, no "none", no hint that a
 * strategy could exist.
 */
export function ArrestStrategyCard({ personId }: { personId: string }) {
  const { t } = useTranslation()
  const user = useActiveUser()
  const strategies = usePersonStrategies(personId, user?.id ?? null)
  const formatDate = useFormatDate()
  const headingId = useId()
  const [isRevising, setRevising] = useState(false)
  const items = strategies.data?.items ?? []
  if (items.length === 0) return null
  const current = items.find((s) => s.status === 'active') ?? items[0]
  if (!current) return null
  const superseded = items.filter((s) => s.id !== current.id).length
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} data-testid="arrest-strategy">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4" id={headingId}>
            {t('arrest.strategy.title')}
          </Title>
          <Group gap={4}>
            <Badge color="red.9" variant="filled">
              {t('arrest.strategy.cell', { cell: current.cell })}
            </Badge>
            <DemoBadge isDemo={current.isDemo} />
          </Group>
        </Group>
        {isRevising ? (
          <ReviseStrategyForm strategy={current} onDone={() => setRevising(false)} />
        ) : (
          <>
            <Text fw={600}>{current.title}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {current.body}
            </Text>
          </>
        )}
        <Text size="xs" c="dimmed" data-testid="strategy-meta">
          {t('arrest.strategy.meta', {
            version: current.version,
            who: current.updatedBy,
            when: formatDate(current.updatedAt),
          })}
          {current.reviewDate ? ` · ${t('arrest.strategy.review', { date: formatDate(current.reviewDate) })}` : ''}
        </Text>
        {current.isReviewDue && (
          <Badge color="#8a5a00" variant="filled">
            {t('arrest.strategy.reviewDue')}
          </Badge>
        )}
        {current.status === 'active' && isCourtStaff(user) && !isRevising && (
          <Group>
            <Button variant="default" size="xs" onClick={() => setRevising(true)} data-testid="strategy-revise">
              {t('arrest.strategy.revise')}
            </Button>
          </Group>
        )}
        {superseded > 0 && (
          <Text size="xs" c="dimmed">
            {t('arrest.strategy.superseded', { count: superseded })}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
