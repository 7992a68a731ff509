import { Alert, Anchor, Button, Center, Group, Paper, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { DemoBadge } from '../../components/DemoBadge.tsx'
import { PageIntro } from '../../components/PageIntro.tsx'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { useFormatDate } from '../../format.ts'
import { useActiveUser, useSession } from '../auth/auth.api.ts'
import { CLASSIFICATIONS, type Classification, useAgreements } from './agreements.api.ts'
import { ClassificationBadge } from './ClassificationBadge.tsx'

export function AgreementsPage() {
  const { t } = useTranslation()
  const session = useSession()
  const user = useActiveUser()
  const [classification, setClassification] = useState<Classification | null>(null)
  const list = useAgreements(user?.id ?? null, classification)
  const formatDate = useFormatDate()
  const headingId = useId()
  useDocumentTitle(t('agreements.title'))
  const items = list.data?.pages.flatMap((page) => page.items) ?? []
  const total = list.data?.pages[0]?.total

  return (
    <Stack gap="lg">
      <PageIntro title={t('agreements.title')} intro={t('agreements.intro')} />
      {!session.isPending && !user && (
        <Alert variant="light" color="court" data-testid="agreements-public-only">
          {t('agreements.publicOnly')}{' '}
          <Anchor component={Link} to="/sign-in?next=%2Fagreements">
            {t('nav.signIn')}
          </Anchor>
        </Alert>
      )}
      <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-end" mb="sm">
          <Title order={2} size="h4" id={headingId} aria-live="polite" data-testid="agreements-count">
            {total === undefined ? t('app.loading') : t('agreements.count', { count: total })}
          </Title>
          <Select
            label={t('agreements.classificationFilter')}
            data={CLASSIFICATIONS.map((c) => ({ value: c, label: t(`classification.${c}`) }))}
            value={classification}
            onChange={(value) => setClassification(value as Classification | null)}
            placeholder={t('agreements.any')}
            clearable
            w={240}
          />
        </Group>
        <ApiErrorAlert error={list.error} />
        {list.isPending ? (
          <Skeleton height={300} />
        ) : items.length === 0 ? (
          <Text py="md">{t('agreements.none')}</Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={800}>
              <Table striped data-testid="agreements-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('agreements.agreement')}</Table.Th>
                    <Table.Th scope="col">{t('agreements.state')}</Table.Th>
                    <Table.Th scope="col">{t('agreements.status')}</Table.Th>
                    <Table.Th scope="col">{t('agreements.signed')}</Table.Th>
                    <Table.Th scope="col">{t('agreements.classification')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/agreements/${encodeURIComponent(a.id)}`}>
                          {a.title ?? t(`agreement.${a.kind}`, { defaultValue: a.kind })}
                        </Anchor>
                        <DemoBadge isDemo={a.isDemo} size="xs" ml={6} />
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/states/${a.iso3}`}>
                          {a.iso3}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{t(`agreementStatus.${a.status}`, { defaultValue: a.status })}</Table.Td>
                      <Table.Td>{formatDate(a.dateSigned)}</Table.Td>
                      <Table.Td>
                        <ClassificationBadge value={a.classification} />
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
