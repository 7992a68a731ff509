import { Button, Center, Group, Paper, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { useActiveUser } from '../auth/auth.api.ts'
import { RequestsTable } from './RequestsTable.tsx'
import { REQUEST_STATUSES } from './request-statuses.ts'
import { exportHref, type RequestFilters, useRequestCounts, useRequestList } from './requests.api.ts'
import { useOrgName } from './useOrgName.ts'

const TABS = ['new', 'dueSoon', 'overdue', 'consultation', 'all'] as const
type InboxTab = (typeof TABS)[number]
const OPEN = ['transmitted', 'acknowledged', 'in_execution', 'consultation']
/** Received requests only: a draft or an approved request is still internal to the Court. */
const RECEIVED = REQUEST_STATUSES.filter((s) => s !== 'draft' && s !== 'approved')

/** Fourteen days from today (a stable value for the day, so the query key does not move). */
function dueSoonLimit() {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 15)).toISOString()
}

function tabFilters(tab: InboxTab): RequestFilters {
  switch (tab) {
    case 'new':
      return { status: ['transmitted'], sort: 'deadline' }
    case 'dueSoon':
      return { status: OPEN, overdue: 'false', deadlineTo: dueSoonLimit(), sort: 'deadline' }
    case 'overdue':
      return { status: OPEN, overdue: 'true', sort: 'deadline' }
    case 'consultation':
      return { status: ['consultation'], sort: 'deadline' }
    default:
      return { status: RECEIVED, sort: '-updated' }
  }
}

/** The focal point's (or delegated officer's) incoming requests: what needs doing first. */
export function InboxPage() {
  const { t } = useTranslation()
  const orgName = useOrgName()
  const user = useActiveUser()
  const [params, setParams] = useSearchParams()
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as InboxTab) : 'new'
  // Addressed to the user's State or organisation: public requests to others are not its inbox.
  const addressee = user?.orgCode
  const filters = { ...tabFilters(tab), addressee }
  const list = useRequestList(user?.id ?? null, filters)
  const counts = useRequestCounts(user?.id ?? null, { addressee, status: RECEIVED })
  useDocumentTitle(t('inbox.title'))
  const items = list.data?.pages.flatMap((p) => p.items) ?? []
  // The list pages carry no totals (a page must stay cheap): the tab's count comes from /counts.
  const tabCounts = useRequestCounts(user?.id ?? null, filters)
  const total = tabCounts.data?.total
  const byStatus = (s: string) => counts.data?.byStatus.find((c) => c.status === s)?.total ?? 0

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('inbox.title')}</Title>
        <Text c="dimmed" mt={4} maw={820}>
          {t('inbox.intro', { org: user ? orgName(user.orgCode) : '' })}
        </Text>
      </div>
      <Group gap="lg" data-testid="inbox-summary">
        <Text>{t('inbox.summaryNew', { count: byStatus('transmitted') })}</Text>
        <Text c={counts.data?.overdue ? 'red.9' : undefined} fw={counts.data?.overdue ? 700 : undefined}>
          {t('inbox.summaryOverdue', { count: counts.data?.overdue ?? 0 })}
        </Text>
        <Text>{t('inbox.summaryConsultation', { count: byStatus('consultation') })}</Text>
      </Group>
      <Tabs value={tab} onChange={(value) => setParams(value && value !== 'new' ? { tab: value } : {})}>
        <Tabs.List aria-label={t('inbox.tabs')}>
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`inbox.tab.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Paper withBorder radius="md" p="md" component="section" aria-label={t(`inbox.tab.${tab}`)}>
        <Group justify="space-between" align="center" mb="sm">
          <Text fw={600} aria-live="polite" data-testid="inbox-count">
            {total === undefined ? t('app.loading') : t('requests.count', { count: total })}
          </Text>
          {/* The tab as a file, for the ministries the focal point answers to: its rows, its order. */}
          <Group gap="xs">
            <Button component="a" href={exportHref(filters, 'csv')} download variant="default" size="xs">
              {t('workload.exportCsv')}
            </Button>
            <Button component="a" href={exportHref(filters, 'xlsx')} download variant="default" size="xs">
              {t('workload.exportXlsx')}
            </Button>
          </Group>
        </Group>
        <ApiErrorAlert error={list.error} />
        {list.isPending ? (
          <Skeleton height={240} />
        ) : items.length === 0 ? (
          <Text py="md" data-testid="inbox-empty">
            {t(`inbox.empty.${tab}`)}
          </Text>
        ) : (
          <>
            <RequestsTable items={items} caption={t(`inbox.tab.${tab}`)} showAddressee={false} testId="inbox-table" />
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
