import { Anchor, Button, Center, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { DemoBadge } from '../../components/DemoBadge.tsx'
import { PageIntro } from '../../components/PageIntro.tsx'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { isCourtStaff } from '../../layout/navigation.ts'
import { ClassificationBadge } from '../agreements/ClassificationBadge.tsx'
import { useActiveUser } from '../auth/auth.api.ts'
import { NewSituationModal } from './NewSituationModal.tsx'
import { useSituationPages } from './situations.api.ts'

/** The situations this user may know of; Court staff open new ones here. */
export function SituationsPage() {
  const { t } = useTranslation()
  const user = useActiveUser()
  const list = useSituationPages(user?.id ?? null)
  const [isCreating, setCreating] = useState(false)
  const headingId = useId()
  useDocumentTitle(t('situations.title'))
  const items = list.data?.pages.flatMap((page) => page.items) ?? []

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <PageIntro title={t('situations.title')} intro={t('situations.intro')} />
        {isCourtStaff(user) && (
          <Button onClick={() => setCreating(true)} data-testid="new-situation">
            {t('situations.new.open')}
          </Button>
        )}
      </Group>
      <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md">
        <Title order={2} size="h4" id={headingId} mb="sm">
          {t('situations.listHeading')}
        </Title>
        <ApiErrorAlert error={list.error} />
        {list.isPending ? (
          <Skeleton height={240} />
        ) : items.length === 0 ? (
          <Text py="md">{t('situations.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped data-testid="situations-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('situations.name')}</Table.Th>
                  <Table.Th scope="col">{t('situations.code')}</Table.Th>
                  <Table.Th scope="col">{t('requests.classification')}</Table.Th>
                  <Table.Th scope="col">{t('situations.compartment')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/situations/${encodeURIComponent(s.id)}`}>
                        {s.name}
                      </Anchor>
                      <DemoBadge isDemo={s.isDemo} size="xs" ml={6} />
                    </Table.Td>
                    <Table.Td>{s.code}</Table.Td>
                    <Table.Td>
                      <ClassificationBadge value={s.classification} />
                    </Table.Td>
                    <Table.Td>{s.compartment ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {list.hasNextPage && (
          <Center mt="md">
            <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('situations.more')}
            </Button>
          </Center>
        )}
      </Paper>
      {isCreating && <NewSituationModal onClose={() => setCreating(false)} />}
    </Stack>
  )
}
