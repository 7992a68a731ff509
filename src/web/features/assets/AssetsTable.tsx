import { Anchor, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { DemoBadge } from '../../components/DemoBadge.tsx'
import { useFormatDate } from '../../format.ts'
import { AssetStageBadge } from './AssetStageBadge.tsx'
import type { AssetSummary } from './assets.api.ts'
import { useFormatMoney } from './useFormatMoney.ts'

export function AssetsTable({ items, compact = false }: { items: AssetSummary[]; compact?: boolean }) {
  const { t } = useTranslation()
  const money = useFormatMoney()
  const formatDate = useFormatDate()
  return (
    <Table.ScrollContainer minWidth={compact ? 500 : 900}>
      <Table striped data-testid="assets-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('assets.field.asset')}</Table.Th>
            {!compact && <Table.Th scope="col">{t('assets.field.kind')}</Table.Th>}
            <Table.Th scope="col">{t('assets.field.jurisdiction')}</Table.Th>
            <Table.Th scope="col">{t('assets.field.stage')}</Table.Th>
            <Table.Th scope="col">{t('assets.field.value')}</Table.Th>
            <Table.Th scope="col">{t('assets.field.orderExpires')}</Table.Th>
            {!compact && <Table.Th scope="col">{t('assets.field.purposes')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id} data-testid="asset-row">
              <Table.Td>
                <Anchor component={Link} to={`/assets/${encodeURIComponent(a.id)}`}>
                  {a.description}
                </Anchor>
                <DemoBadge isDemo={a.isDemo} size="xs" ml={6} />
              </Table.Td>
              {!compact && <Table.Td>{t(`assets.kind.${a.kind}`)}</Table.Td>}
              <Table.Td>
                <Anchor component={Link} to={`/states/${a.jurisdiction}`}>
                  {a.jurisdiction}
                </Anchor>
              </Table.Td>
              <Table.Td miw={120}>
                <AssetStageBadge stage={a.stage} />
              </Table.Td>
              <Table.Td>{a.value ? money(a.value.amount, a.value.currency) : t('assets.notValued')}</Table.Td>
              <Table.Td>
                {a.orderExpiresOn ? (
                  <Text size="sm" c={a.daysToExpiry !== null && a.daysToExpiry <= 30 ? 'red.9' : undefined}>
                    {formatDate(a.orderExpiresOn)} ({t('assets.daysLeft', { count: a.daysToExpiry ?? 0 })})
                  </Text>
                ) : (
                  '—'
                )}
              </Table.Td>
              {!compact && <Table.Td>{a.purposes.map((p) => t(`assets.purpose.${p}`)).join(', ')}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
