import { Anchor, Group, List, Paper, Stack, Text, Title } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useFormatDate } from '../../format.ts'
import { useActiveUser } from '../auth/auth.api.ts'
import { isCourtStaff, useOpportunities } from './arrest.api.ts'
import { OutcomeBadge } from './OutcomeBadge.tsx'

/** The arrest opportunities of one person the caller may know about, newest first. */
export function PersonOpportunitiesCard({ personId }: { personId: string }) {
  const { t } = useTranslation()
  const user = useActiveUser()
  const list = useOpportunities(isCourtStaff(user) ? (user?.id ?? null) : null, { personId })
  const formatDate = useFormatDate()
  const headingId = useId()
  // Opportunities are Court working records: others get no card (and no request).
  if (!isCourtStaff(user)) return null
  const items = list.data?.items ?? []
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby={headingId}
      data-testid="person-opportunities"
    >
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4" id={headingId}>
            {t('arrest.personCard.title')}
          </Title>
          <Anchor component={Link} to={`/arrest-opportunities?personId=${encodeURIComponent(personId)}`} size="sm">
            {t('arrest.personCard.board')}
          </Anchor>
        </Group>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('arrest.personCard.none')}
          </Text>
        ) : (
          <List spacing="xs" listStyleType="none" p={0}>
            {items.map((o) => (
              <List.Item key={o.id}>
                <Group gap="xs">
                  <OutcomeBadge outcome={o.outcome} />
                  <Anchor component={Link} to={`/arrest-opportunities/${encodeURIComponent(o.id)}`} size="sm">
                    {o.iso3} — {o.place}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {formatDate(o.fromDate)}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  )
}
