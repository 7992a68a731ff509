import {
  Button,
  Center,
  Code,
  Grid,
  Group,
  Loader,
  Paper,
  Skeleton,
  Spoiler,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { useFormatDateTime } from '../../format.ts'
import { AuditFiltersForm } from './AuditFiltersForm.tsx'
import { type AuditFilters, useAuditEvents } from './audit.api.ts'
import { CheckpointCard } from './CheckpointCard.tsx'
import { VerifyCard } from './VerifyCard.tsx'

export function AuditPage() {
  const { t } = useTranslation()
  const [filters, setFilters] = useState<AuditFilters>({})
  const events = useAuditEvents(filters)
  const formatDateTime = useFormatDateTime()
  const listHeadingId = useId()
  useDocumentTitle(t('audit.title'))
  const items = events.data?.pages.flatMap((page) => page.items) ?? []

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('audit.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('audit.intro')}
        </Text>
      </div>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <VerifyCard />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <CheckpointCard />
        </Grid.Col>
      </Grid>
      <AuditFiltersForm onApply={setFilters} />
      <Paper component="section" aria-labelledby={listHeadingId} withBorder radius="md" p="md">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id={listHeadingId}>
            {t('audit.eventsHeading')}
          </Title>
          {events.isFetching && !events.isFetchingNextPage && <Loader size="xs" aria-hidden />}
        </Group>
        <ApiErrorAlert error={events.error} />
        {events.isPending ? (
          <Skeleton height={300} />
        ) : items.length === 0 ? (
          <Text py="md" data-testid="audit-empty">
            {t('audit.noEvents')}
          </Text>
        ) : (
          <>
            {/* A wide trail scrolls sideways: the region takes the keyboard focus so it can be scrolled. */}
            <Table.ScrollContainer
              minWidth={900}
              type="native"
              tabIndex={0}
              role="region"
              aria-labelledby={listHeadingId}
            >
              <Table striped fz="sm" data-testid="audit-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">#</Table.Th>
                    <Table.Th scope="col">{t('audit.occurredAt')}</Table.Th>
                    <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                    <Table.Th scope="col">{t('audit.action')}</Table.Th>
                    <Table.Th scope="col">{t('audit.record')}</Table.Th>
                    <Table.Th scope="col">{t('audit.details')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((event) => (
                    <Table.Tr key={event.id}>
                      <Table.Td>{event.id}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.occurredAt)}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        <Text size="sm">{event.actor}</Text>
                        {event.actorOrg && (
                          <Text size="xs" c="dimmed">
                            {event.actorOrg}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Code>{event.action}</Code>
                      </Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        {event.recordType ? `${event.recordType}${event.recordId ? ` · ${event.recordId}` : ''}` : '—'}
                      </Table.Td>
                      <Table.Td>
                        {/* Wrapped anywhere (JSON has few spaces, e-mails and ids none), so that the row fits
                            the screen; details show three lines, the rest on demand. */}
                        <Spoiler
                          maxHeight={54}
                          showLabel={t('audit.detailsMore')}
                          hideLabel={t('audit.detailsLess')}
                          fz="xs"
                          maw={420}
                        >
                          <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                            {event.details === null || event.details === undefined ? '' : JSON.stringify(event.details)}
                          </Text>
                        </Spoiler>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Center mt="md">
              <Stack gap={6} align="center">
                <Text size="sm" c="dimmed" data-testid="audit-shown">
                  {t('audit.shown', { count: items.length })}
                </Text>
                {events.hasNextPage && (
                  <Button
                    variant="default"
                    onClick={() => void events.fetchNextPage()}
                    loading={events.isFetchingNextPage}
                  >
                    {t('states.loadMore')}
                  </Button>
                )}
              </Stack>
            </Center>
          </>
        )}
      </Paper>
    </Stack>
  )
}
