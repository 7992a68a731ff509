import { Anchor, Badge, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ClassificationBadge } from '../agreements/ClassificationBadge.tsx'
import { DeadlineText } from './DeadlineText.tsx'
import { RequestStatusBadge } from './RequestStatusBadge.tsx'
import type { RequestSummary } from './requests.api.ts'
import { useOrgName } from './useOrgName.ts'
import { useRequestTypeLabel } from './useRequestTypeLabel.ts'

type Props = { items: RequestSummary[]; caption: string; showAddressee?: boolean; showOrgan?: boolean; testId?: string }

export function RequestsTable({ items, caption, showAddressee = true, showOrgan = true, testId }: Props) {
  const { t } = useTranslation()
  const typeLabel = useRequestTypeLabel()
  const orgName = useOrgName()
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped data-testid={testId ?? 'requests-table'}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('requests.reference')}</Table.Th>
            <Table.Th scope="col">{t('requests.type')}</Table.Th>
            {showOrgan && <Table.Th scope="col">{t('requests.organ')}</Table.Th>}
            {showAddressee && <Table.Th scope="col">{t('requests.addressee')}</Table.Th>}
            <Table.Th scope="col">{t('requests.urgency')}</Table.Th>
            <Table.Th scope="col">{t('requests.deadline')}</Table.Th>
            <Table.Th scope="col">{t('requests.status')}</Table.Th>
            <Table.Th scope="col">{t('requests.classification')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id} data-testid="request-row">
              <Table.Td>
                <Anchor component={Link} to={`/requests/${encodeURIComponent(r.id)}`} ff="monospace" size="sm">
                  {r.reference}
                </Anchor>
                {r.isDemo && (
                  <Badge size="xs" color="yellow.3" variant="filled" ml={6}>
                    {t('demo.fictional')}
                  </Badge>
                )}
                <Text size="xs" c="dimmed" lineClamp={1} maw={320}>
                  {r.summary}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{typeLabel(r.requestType)}</Text>
              </Table.Td>
              {showOrgan && <Table.Td title={r.originator}>{orgName(r.originator)}</Table.Td>}
              {showAddressee && <Table.Td title={r.addressee}>{orgName(r.addressee)}</Table.Td>}
              <Table.Td>
                {r.urgency === 'urgent' ? (
                  <Badge color="red.9" variant="outline">
                    {t('urgency.urgent')}
                  </Badge>
                ) : (
                  t('urgency.normal')
                )}
              </Table.Td>
              <Table.Td>
                <DeadlineText request={r} />
              </Table.Td>
              <Table.Td>
                <RequestStatusBadge status={r.status} />
              </Table.Td>
              <Table.Td>
                <ClassificationBadge value={r.classification} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
