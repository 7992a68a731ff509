import { Button, Group, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Currency } from '../../../server/assets/assets.money.ts'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { DateField } from '../../components/DateField.tsx'
import { useFormatDate } from '../../format.ts'
import { useExchangeRates, useRecordExchangeRate } from './assets.api.ts'
import { VALUATION_CURRENCIES } from './ValuationsCard.tsx'

/** The rates the Court recorded (the only ones totals convert with), and a form to record one. */
export function ExchangeRatesCard({ userId }: { userId: string | null }) {
  const { t } = useTranslation()
  const headingId = useId()
  const formatDate = useFormatDate()
  const rates = useExchangeRates(userId, true)
  const record = useRecordExchangeRate()
  const [from, setFrom] = useState<string>('USD')
  const [to, setTo] = useState<string>('EUR')
  const [rate, setRate] = useState('')
  const [asOf, setAsOf] = useState(new Date().toISOString().slice(0, 10))
  const [source, setSource] = useState('')

  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault()
    record.mutate(
      { from: from as Currency, to: to as Currency, rate: rate.trim(), asOf, source },
      { onSuccess: () => setRate('') },
    )
  }

  const items = rates.data?.items ?? []
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md" data-testid="exchange-rates">
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('assets.rates.title')}
      </Title>
      <ApiErrorAlert error={rates.error} />
      {items.length === 0 ? (
        <Text c="dimmed">{t('assets.rates.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={600} mah={260}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assets.rates.pair')}</Table.Th>
                <Table.Th scope="col">{t('assets.rates.rate')}</Table.Th>
                <Table.Th scope="col">{t('assets.rates.asOf')}</Table.Th>
                <Table.Th scope="col">{t('assets.rates.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{`${r.from}→${r.to}`}</Table.Td>
                  <Table.Td>{r.rate}</Table.Td>
                  <Table.Td>{formatDate(r.asOf)}</Table.Td>
                  <Table.Td>{r.source}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <form onSubmit={handleSubmit}>
        <Group align="flex-end" mt="md" wrap="wrap">
          <Select
            label={t('assets.rates.from')}
            data={[...VALUATION_CURRENCIES]}
            value={from}
            onChange={(v) => setFrom(v ?? 'USD')}
            allowDeselect={false}
            w={110}
          />
          <Select
            label={t('assets.rates.to')}
            data={[...VALUATION_CURRENCIES]}
            value={to}
            onChange={(v) => setTo(v ?? 'EUR')}
            allowDeselect={false}
            w={110}
          />
          <TextInput
            label={t('assets.rates.rate')}
            description={t('assets.rates.rateHelp')}
            value={rate}
            onChange={(e) => setRate(e.currentTarget.value)}
            inputMode="decimal"
            required
            w={180}
          />
          <DateField label={t('assets.rates.asOf')} value={asOf} onChange={(value) => setAsOf(value)} required />
          <TextInput
            label={t('assets.rates.source')}
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
            required
            w={260}
          />
          <Button type="submit" variant="default" loading={record.isPending}>
            {t('assets.rates.record')}
          </Button>
        </Group>
        <ApiErrorAlert error={record.error} />
      </form>
    </Paper>
  )
}
