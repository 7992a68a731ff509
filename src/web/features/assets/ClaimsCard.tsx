import { Button, Group, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { DateField } from '../../components/DateField.tsx'
import { useFormatDate } from '../../format.ts'
import { type AssetDetail, useAddClaim, useSetClaimStatus } from './assets.api.ts'
import { useFormatMoney } from './useFormatMoney.ts'

const STATUSES = ['pending', 'upheld', 'dismissed'] as const

/** Claims of third parties (93(1)(k): "without prejudice to the rights of bona fide third parties"). */
export function ClaimsCard({ asset }: { asset: AssetDetail }) {
  const { t } = useTranslation()
  const headingId = useId()
  const money = useFormatMoney()
  const formatDate = useFormatDate()
  const add = useAddClaim(asset.id)
  const setStatus = useSetClaimStatus(asset.id)
  const [claimant, setClaimant] = useState('')
  const [nature, setNature] = useState('')
  const [lodgedOn, setLodgedOn] = useState(new Date().toISOString().slice(0, 10))

  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault()
    add.mutate(
      { claimant, nature, lodgedOn },
      {
        onSuccess: () => {
          setClaimant('')
          setNature('')
        },
      },
    )
  }

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md" data-testid="asset-claims">
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('assets.claims.title')}
      </Title>
      {asset.claims.length === 0 ? (
        <Text c="dimmed">{t('assets.claims.none')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('assets.claims.claimant')}</Table.Th>
              <Table.Th scope="col">{t('assets.claims.nature')}</Table.Th>
              <Table.Th scope="col">{t('assets.claims.amount')}</Table.Th>
              <Table.Th scope="col">{t('assets.claims.lodgedOn')}</Table.Th>
              <Table.Th scope="col">{t('assets.claims.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {asset.claims.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.claimant}</Table.Td>
                <Table.Td>{c.nature}</Table.Td>
                <Table.Td>{c.amount && c.currency ? money(c.amount, c.currency) : '—'}</Table.Td>
                <Table.Td>{formatDate(c.lodgedOn)}</Table.Td>
                <Table.Td>
                  {asset.canRecord ? (
                    <Select
                      aria-label={t('assets.claims.statusOf', { claimant: c.claimant })}
                      data={STATUSES.map((s) => ({ value: s, label: t(`assets.claims.statusValue.${s}`) }))}
                      value={c.status}
                      onChange={(v) => v && setStatus.mutate({ claimId: c.id, status: v as (typeof STATUSES)[number] })}
                      allowDeselect={false}
                      w={150}
                    />
                  ) : (
                    t(`assets.claims.statusValue.${c.status}`)
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ApiErrorAlert error={setStatus.error} />
      {asset.canRecord && (
        <form onSubmit={handleSubmit}>
          <Group align="flex-end" mt="md" wrap="wrap">
            <TextInput
              label={t('assets.claims.claimant')}
              value={claimant}
              onChange={(e) => setClaimant(e.currentTarget.value)}
              required
              w={220}
            />
            <TextInput
              label={t('assets.claims.nature')}
              value={nature}
              onChange={(e) => setNature(e.currentTarget.value)}
              required
              w={280}
            />
            <DateField
              label={t('assets.claims.lodgedOn')}
              value={lodgedOn}
              onChange={(value) => setLodgedOn(value)}
              required
            />
            <Button type="submit" variant="default" loading={add.isPending}>
              {t('assets.claims.add')}
            </Button>
          </Group>
          <ApiErrorAlert error={add.error} />
        </form>
      )}
    </Paper>
  )
}
