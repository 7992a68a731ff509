import { Group, Paper, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { useFormatDate } from '../../format.ts'
import { TARGET_CURRENCIES, type Totals } from './assets.api.ts'
import { useFormatMoney } from './useFormatMoney.ts'

type Props = {
  totals: Totals | undefined
  isPending: boolean
  error: unknown
  currency: string | null
  onCurrencyChange: (currency: string | null) => void
  caseLabel: (caseId: string) => string
}

/** Totals by case and currency; converted only with recorded rates, each stated with its date. */
export function TotalsCard({ totals, isPending, error, currency, onCurrencyChange, caseLabel }: Props) {
  const { t } = useTranslation()
  const headingId = useId()
  const money = useFormatMoney()
  const formatDate = useFormatDate()
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md" data-testid="asset-totals">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('assets.totals.title')}
        </Title>
        <Select
          label={t('assets.totals.convertTo')}
          data={TARGET_CURRENCIES.map((c) => ({ value: c, label: c }))}
          value={currency}
          onChange={onCurrencyChange}
          placeholder={t('assets.totals.noConversion')}
          clearable
          w={200}
        />
      </Group>
      <ApiErrorAlert error={error} />
      {isPending ? (
        <Skeleton height={80} />
      ) : !totals || totals.cases.length === 0 ? (
        <Text c="dimmed">{t('assets.totals.none')}</Text>
      ) : (
        <Stack gap="md">
          {totals.cases.map((c) => (
            <div key={c.caseId} data-testid="asset-totals-case">
              <Text fw={600}>{caseLabel(c.caseId)}</Text>
              <Table withRowBorders={false} verticalSpacing={2}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('assets.totals.currency')}</Table.Th>
                    <Table.Th scope="col">{t('assets.totals.total')}</Table.Th>
                    <Table.Th scope="col">{t('assets.totals.assets')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.byCurrency.map((m) => (
                    <Table.Tr key={m.currency}>
                      <Table.Td>{m.currency}</Table.Td>
                      <Table.Td>{money(m.amount, m.currency)}</Table.Td>
                      <Table.Td>{m.assetCount}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {c.unvaluedCount > 0 && (
                <Text size="sm" c="dimmed">
                  {t('assets.totals.unvalued', { count: c.unvaluedCount })}
                </Text>
              )}
              {c.converted && (
                <Stack gap={2} mt="xs" data-testid="asset-totals-converted">
                  <Text fw={600}>
                    {t('assets.totals.convertedTotal', {
                      amount: money(c.converted.total, c.converted.currency),
                    })}
                  </Text>
                  {c.converted.lines
                    .filter((l) => l.rate)
                    .map((l) => (
                      <Text size="sm" key={l.from.currency} data-testid="asset-conversion-line">
                        {t('assets.totals.conversionLine', {
                          from: money(l.from.amount, l.from.currency),
                          to: money(l.to.amount, l.to.currency),
                          rate: l.rate?.rate,
                          pair: `${l.from.currency}→${l.to.currency}`,
                          date: formatDate(l.rate?.asOf),
                          source: l.rate?.source,
                        })}
                      </Text>
                    ))}
                  {c.converted.unconverted.map((u) => (
                    <Text size="sm" c="red.9" key={u.currency} data-testid="asset-unconverted-line">
                      {t('assets.totals.unconvertedLine', {
                        amount: money(u.amount, u.currency),
                        pair: `${u.currency}→${c.converted?.currency}`,
                        date: formatDate(totals.asOf),
                      })}
                    </Text>
                  ))}
                </Stack>
              )}
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  )
}
