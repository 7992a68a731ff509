import { Checkbox, Group, MultiSelect, NumberInput, Select, Table, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DateField } from '../../components/DateField.tsx'
import { useActiveUser } from '../auth/auth.api.ts'
import { useAllStates } from '../requests/requests.api.ts'
import { type Protection, ProtectionFields, protectionBody, protectionLike } from './ProtectionFields.tsx'
import { RecordModal } from './RecordModal.tsx'
import { CHARGE_CATEGORIES, type ChargeCategory, type Person, useRecordWarrant } from './situations.api.ts'

const KINDS = ['arrest_warrant', 'summons_to_appear'] as const
// Stored as the Court's records name them (in English); shown in the app's language.
const CHAMBERS = ['I', 'II', 'III'] as const

/**
 * Records a warrant of arrest or a summons to appear that a Pre-Trial Chamber issued (article 58).
 * A sealed warrant names the States asked to arrest: they, and no other State, may know of it.
 */
export function RecordWarrantModal({
  persons,
  personId,
  onClose,
}: {
  persons: readonly Person[]
  personId: string | null
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const user = useActiveUser()
  const record = useRecordWarrant()
  const states = useAllStates(i18n.language)
  const compartments = user?.compartments ?? []
  const [person, setPerson] = useState<string | null>(personId)
  const [kind, setKind] = useState<(typeof KINDS)[number]>('arrest_warrant')
  const [chamber, setChamber] = useState('')
  const [issuedOn, setIssuedOn] = useState('')
  const [counts, setCounts] = useState<Partial<Record<ChargeCategory, number | null>>>({})
  const [named, setNamed] = useState<string[]>([])
  const [notes, setNotes] = useState('')
  const initial = persons.find((p) => p.id === personId) ?? null
  const [protection, setProtection] = useState<Protection>(() => ({
    ...protectionLike(initial, compartments),
    // Warrants are most often issued under seal, and unsealed by a later decision.
    classification: 'under_seal',
  }))
  const charges = CHARGE_CATEGORIES.filter((c) => c in counts)
  const today = new Date().toISOString().slice(0, 10)

  const submit = () => {
    if (!person || charges.length === 0) return
    record.mutate(
      {
        personId: person,
        kind,
        issuingChamber: chamber,
        issuedOn,
        charges: charges.map((category) => ({ category, counts: counts[category] ?? null })),
        ...protectionBody(protection),
        namedRecipients: protection.classification === 'public' ? [] : named,
        notes: notes.trim() || null,
      },
      { onSuccess: onClose },
    )
  }

  return (
    <RecordModal
      title={t('situations.warrant.title')}
      testId="record-warrant-form"
      size="xl"
      onClose={onClose}
      onSubmit={submit}
      error={record.error}
      isPending={record.isPending}
      submitLabel={t('situations.warrant.submit')}
      submitDisabled={!person || charges.length === 0}
    >
      <Group grow align="flex-start">
        <Select
          label={t('situations.warrant.person')}
          data={persons.map((p) => ({ value: p.id, label: p.name }))}
          value={person}
          onChange={setPerson}
          searchable
          required
          data-testid="warrant-person"
        />
        <Select
          label={t('situations.warrant.kind')}
          data={KINDS.map((k) => ({ value: k, label: t(`personsSought.kind.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as (typeof KINDS)[number])}
          allowDeselect={false}
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('situations.warrant.chamber')}
          description={t('situations.warrant.chamberHelp')}
          data={CHAMBERS.map((n) => ({
            value: `Pre-Trial Chamber ${n}`,
            label: t(`situations.warrant.chambers.${n}`),
          }))}
          value={chamber || null}
          onChange={(v) => setChamber(v ?? '')}
          required
          data-testid="warrant-chamber"
        />
        <DateField
          label={t('situations.warrant.issuedOn')}
          value={issuedOn}
          onChange={setIssuedOn}
          error={issuedOn > today ? t('situations.warrant.future') : undefined}
          required
        />
      </Group>
      <Table withTableBorder data-testid="warrant-charges">
        <Table.Caption>{t('situations.warrant.chargesHelp')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('personsSought.charges')}</Table.Th>
            <Table.Th scope="col">{t('situations.warrant.counts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {CHARGE_CATEGORIES.map((category) => (
            <Table.Tr key={category}>
              <Table.Td>
                <Checkbox
                  label={t(`personsSought.charge.${category}`)}
                  checked={category in counts}
                  onChange={(e) => {
                    const { [category]: _, ...rest } = counts
                    setCounts(e.currentTarget.checked ? { ...rest, [category]: null } : rest)
                  }}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={t('situations.warrant.countsOf', { charge: t(`personsSought.charge.${category}`) })}
                  value={counts[category] ?? ''}
                  onChange={(v) => setCounts({ ...counts, [category]: typeof v === 'number' ? v : null })}
                  disabled={!(category in counts)}
                  min={1}
                  max={1000}
                  allowDecimal={false}
                  w={120}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ProtectionFields value={protection} onChange={setProtection} />
      {protection.classification !== 'public' && (
        <MultiSelect
          label={t('situations.warrant.named')}
          description={t('situations.warrant.namedHelp')}
          data={(states.data ?? []).map((s) => ({
            value: s.iso3,
            label: i18n.language === 'fr' ? s.nameFr : s.nameEn,
          }))}
          value={named}
          onChange={setNamed}
          searchable
          maxValues={20}
          data-testid="warrant-named"
        />
      )}
      <Textarea
        label={t('situations.warrant.notes')}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={4000}
      />
    </RecordModal>
  )
}
