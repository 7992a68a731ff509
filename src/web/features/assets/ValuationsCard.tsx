import { Button, Group, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Currency } from '../../../server/assets/assets.money.ts'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { DateField } from '../../components/DateField.tsx'
import { accountName, useFormatDate } from '../../format.ts'
import { type AssetDetail, useAddValuation } from './assets.api.ts'
import { useFormatMoney } from './useFormatMoney.ts'

export const VALUATION_CURRENCIES = [
  'EUR',
  'USD',
  'GBP',
  'CHF',
  'JPY',
  'KES',
  'ARS',
  'XOF',
  'XAF',
  'ZAR',
  'UGX',
  'CDF',
  'NGN',
] as const

/** The valuation history, oldest first; the latest by date is the asset's value. */
export function ValuationsCard({ asset }: { asset: AssetDetail }) {
  const { t } = useTranslation()
  const headingId = useId()
  const money = useFormatMoney()
  const formatDate = useFormatDate()
  const add = useAddValuation(asset.id)
  const [amount, setAmount] = useState('')
  const [currency, setCurrency] = useState<string>('EUR')
  const [valuedOn, setValuedOn] = useState(new Date().toISOString().slice(0, 10))
  const [basis, setBasis] = useState('')

  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault()
    add.mutate(
      { amount: amount.trim(), currency: currency as Currency, valuedOn, basis },
      { onSuccess: () => setAmount('') },
    )
  }

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md" data-testid="asset-valuations">
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('assets.valuations.title')}
      </Title>
      {asset.valuations.length === 0 ? (
        <Text c="dimmed">{t('assets.valuations.none')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('assets.valuations.date')}</Table.Th>
              <Table.Th scope="col">{t('assets.valuations.amount')}</Table.Th>
              <Table.Th scope="col">{t('assets.valuations.basis')}</Table.Th>
              <Table.Th scope="col">{t('assets.valuations.recordedBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {asset.valuations.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{formatDate(v.valuedOn)}</Table.Td>
                <Table.Td>{money(v.amount, v.currency)}</Table.Td>
                <Table.Td>{v.basis}</Table.Td>
                <Table.Td>{accountName(v.recordedBy)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {asset.canRecord && (
        <form onSubmit={handleSubmit}>
          <Group align="flex-end" mt="md" wrap="wrap">
            <TextInput
              label={t('assets.valuations.amount')}
              description={t('assets.valuations.amountHelp')}
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              inputMode="decimal"
              required
              w={200}
            />
            <Select
              label={t('assets.totals.currency')}
              data={[...VALUATION_CURRENCIES]}
              value={currency}
              onChange={(v) => setCurrency(v ?? 'EUR')}
              allowDeselect={false}
              w={110}
            />
            <DateField
              label={t('assets.valuations.date')}
              value={valuedOn}
              onChange={(value) => setValuedOn(value)}
              required
            />
            <TextInput
              label={t('assets.valuations.basis')}
              value={basis}
              onChange={(e) => setBasis(e.currentTarget.value)}
              required
              w={280}
            />
            <Button type="submit" variant="default" loading={add.isPending}>
              {t('assets.valuations.add')}
            </Button>
          </Group>
          <ApiErrorAlert error={add.error} />
        </form>
      )}
    </Paper>
  )
}
