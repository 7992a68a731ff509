import { Button, Checkbox, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { Currency } from '../../../server/assets/assets.money.ts'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { DateField } from '../../components/DateField.tsx'
import { PageIntro } from '../../components/PageIntro.tsx'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { useActiveUser } from '../auth/auth.api.ts'
import {
  ASSET_KINDS,
  type AssetKind,
  PURPOSES,
  type Purpose,
  useCaseNames,
  useCasePersons,
  useCreateAsset,
} from './assets.api.ts'
import { VALUATION_CURRENCIES } from './ValuationsCard.tsx'

/** Records an identified asset of a case; it starts confidential in the case's compartment. */
export function NewAssetPage() {
  const { t } = useTranslation()
  const user = useActiveUser()
  const navigate = useNavigate()
  const cases = useCaseNames(user?.id ?? null)
  const [caseId, setCaseId] = useState<string | null>(null)
  const persons = useCasePersons(user?.id ?? null, caseId)
  const [personId, setPersonId] = useState<string | null>(null)
  const [kind, setKind] = useState<AssetKind | null>(null)
  const [description, setDescription] = useState('')
  const [jurisdiction, setJurisdiction] = useState('')
  const [purposes, setPurposes] = useState<Purpose[]>([])
  const [reparationsOrderRef, setReparationsOrderRef] = useState('')
  const [isNamedToTfv, setNamedToTfv] = useState(false)
  const [amount, setAmount] = useState('')
  const [currency, setCurrency] = useState<string>('EUR')
  const [valuedOn, setValuedOn] = useState(new Date().toISOString().slice(0, 10))
  const [basis, setBasis] = useState('')
  const create = useCreateAsset()
  useDocumentTitle(t('assets.new.title'))

  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault()
    if (!caseId || !kind) return
    create.mutate(
      {
        caseId,
        personId,
        kind,
        description,
        jurisdiction: jurisdiction.trim().toUpperCase(),
        purposes,
        reparationsOrderRef: reparationsOrderRef.trim() || null,
        namedOrganisations: isNamedToTfv ? ['ICC-TFV'] : [],
        ...(amount.trim()
          ? { valuation: { amount: amount.trim(), currency: currency as Currency, valuedOn, basis } }
          : {}),
      },
      { onSuccess: (asset) => void navigate(`/assets/${encodeURIComponent(asset.id)}`) },
    )
  }

  return (
    <Stack gap="lg">
      <PageIntro title={t('assets.new.title')} intro={t('assets.new.intro')} />
      <Paper component="form" onSubmit={handleSubmit} withBorder radius="md" p="md">
        <Stack gap="sm" maw={760}>
          <Select
            label={t('assets.field.case')}
            data={[...(cases.data ?? [])].map(([value, label]) => ({ value, label }))}
            value={caseId}
            onChange={(v) => {
              setCaseId(v)
              setPersonId(null)
            }}
            required
            searchable
          />
          <Select
            label={t('assets.new.person')}
            data={(persons.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={personId}
            onChange={setPersonId}
            disabled={!caseId}
            clearable
          />
          <Group grow align="flex-start">
            <Select
              label={t('assets.field.kind')}
              data={ASSET_KINDS.map((k) => ({ value: k, label: t(`assets.kind.${k}`) }))}
              value={kind}
              onChange={(v) => setKind(v as AssetKind | null)}
              required
            />
            <TextInput
              label={t('assets.new.jurisdiction')}
              description={t('assets.new.jurisdictionHelp')}
              value={jurisdiction}
              onChange={(e) => setJurisdiction(e.currentTarget.value)}
              maxLength={3}
              required
            />
          </Group>
          <Textarea
            label={t('assets.new.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
            required
          />
          <Checkbox.Group
            label={t('assets.field.purposes')}
            value={purposes}
            onChange={(v) => setPurposes(v as Purpose[])}
          >
            <Group mt={4}>
              {PURPOSES.map((p) => (
                <Checkbox key={p} value={p} label={t(`assets.purpose.${p}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Checkbox
            label={t('assets.new.namedToTfv')}
            checked={isNamedToTfv}
            onChange={(e) => setNamedToTfv(e.currentTarget.checked)}
          />
          <TextInput
            label={t('assets.field.reparationsOrder')}
            value={reparationsOrderRef}
            onChange={(e) => setReparationsOrderRef(e.currentTarget.value)}
          />
          <Text fw={600} mt="sm">
            {t('assets.new.firstValuation')}
          </Text>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('assets.valuations.amount')}
              description={t('assets.valuations.amountHelp')}
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              inputMode="decimal"
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
            <DateField label={t('assets.valuations.date')} value={valuedOn} onChange={(value) => setValuedOn(value)} />
            <TextInput
              label={t('assets.valuations.basis')}
              value={basis}
              onChange={(e) => setBasis(e.currentTarget.value)}
              required={amount.trim() !== ''}
              w={260}
            />
          </Group>
          <ApiErrorAlert error={create.error} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('assets.new.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  )
}
