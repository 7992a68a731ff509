import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { PageIntro } from '../../components/PageIntro.tsx'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { ClassificationBadge } from '../agreements/ClassificationBadge.tsx'
import { useActiveUser, useSession } from '../auth/auth.api.ts'
import { VerificationBadge } from '../states/VerificationBadge.tsx'
import {
  type PersonsSoughtFilters,
  usePersonsSought,
  WARRANT_STATUSES,
  type WarrantStatus,
} from './persons-sought.api.ts'
import { WarrantStatusBadge } from './WarrantStatusBadge.tsx'
import { YearsAtLargeText } from './YearsAtLargeText.tsx'

/** Public list for everyone; signed-in Court staff also see the sealed ones of their compartments, marked. */
export function PersonsSoughtPage() {
  const { t } = useTranslation()
  const session = useSession()
  const user = useActiveUser()
  const [q, setQ] = useState('')
  const [debouncedQ] = useDebouncedValue(q, 300)
  const [status, setStatus] = useState<WarrantStatus | null>(null)
  const [atLarge, setAtLarge] = useState<PersonsSoughtFilters['atLarge']>(null)
  const list = usePersonsSought(user?.id ?? null, { q: debouncedQ, status, atLarge })
  const headingId = useId()
  useDocumentTitle(t('personsSought.title'))
  const items = list.data?.pages.flatMap((page) => page.items) ?? []
  const total = list.data?.pages[0]?.total

  return (
    <Stack gap="lg">
      <PageIntro title={t('personsSought.title')} intro={t('personsSought.intro')} />
      {!session.isPending && !user && (
        <Alert variant="light" color="court" data-testid="persons-sought-public-only">
          {t('personsSought.publicOnly')}{' '}
          <Anchor component={Link} to="/sign-in?next=%2Fpersons-sought">
            {t('nav.signIn')}
          </Anchor>
        </Alert>
      )}
      <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
          <Title order={2} size="h4" id={headingId} aria-live="polite" data-testid="persons-sought-count">
            {total === undefined ? t('app.loading') : t('personsSought.count', { count: total })}
          </Title>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('personsSought.search')}
              value={q}
              onChange={(event) => setQ(event.currentTarget.value)}
              w={240}
            />
            <Select
              label={t('personsSought.statusFilter')}
              data={WARRANT_STATUSES.map((s) => ({ value: s, label: t(`personsSought.status.${s}`) }))}
              value={status}
              onChange={(value) => setStatus(value as WarrantStatus | null)}
              placeholder={t('personsSought.any')}
              clearable
              w={220}
            />
            <Select
              label={t('personsSought.atLargeFilter')}
              data={[
                { value: 'true', label: t('personsSought.atLargeYes') },
                { value: 'false', label: t('personsSought.atLargeNo') },
              ]}
              value={atLarge}
              onChange={(value) => setAtLarge(value as PersonsSoughtFilters['atLarge'])}
              placeholder={t('personsSought.any')}
              clearable
              w={200}
            />
          </Group>
        </Group>
        <ApiErrorAlert error={list.error} />
        {list.isPending ? (
          <Skeleton height={300} />
        ) : items.length === 0 ? (
          <Text py="md">{t('personsSought.none')}</Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={900}>
              <Table striped data-testid="persons-sought-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('personsSought.name')}</Table.Th>
                    <Table.Th scope="col">{t('personsSought.situation')}</Table.Th>
                    <Table.Th scope="col">{t('personsSought.statusLabel')}</Table.Th>
                    <Table.Th scope="col">{t('personsSought.yearsAtLarge')}</Table.Th>
                    <Table.Th scope="col">{t('personsSought.provenance')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/persons-sought/${encodeURIComponent(p.id)}`}>
                          {p.name}
                        </Anchor>
                        {p.isDemo && (
                          <Badge size="xs" color="yellow.3" variant="filled" ml={6}>
                            {t('demo.fictional')}
                          </Badge>
                        )}
                        {p.isSealed && (
                          <Badge size="xs" color="red.9" variant="filled" ml={6} data-testid="sealed">
                            {t('classification.under_seal')}
                          </Badge>
                        )}
                        {p.aliases.length > 0 && (
                          <Text size="sm" c="dimmed">
                            {t('personsSought.aka', { aliases: p.aliases.join(', ') })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{p.situation?.name ?? '—'}</Table.Td>
                      <Table.Td>
                        <WarrantStatusBadge status={p.status} />
                      </Table.Td>
                      <Table.Td>
                        <YearsAtLargeText value={p.yearsAtLarge} />
                      </Table.Td>
                      <Table.Td>
                        {p.origin === 'court' ? (
                          <ClassificationBadge value={p.classification} />
                        ) : (
                          <Group gap={6} wrap="nowrap">
                            <VerificationBadge isVerified={p.verified} />
                            <Text size="sm" c="dimmed">
                              {t('personsSought.sourceCount', { count: p.sources.length })}
                            </Text>
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {list.hasNextPage && (
              <Center mt="md">
                <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  {t('states.loadMore')}
                </Button>
              </Center>
            )}
          </>
        )}
      </Paper>
    </Stack>
  )
}
