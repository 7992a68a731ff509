import { Select, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionUser } from '../auth/auth.api.ts'
import { RecordModal } from './RecordModal.tsx'
import { type ReclassifiedKind, useReclassify } from './situations.api.ts'

const CLASSIFICATIONS = ['public', 'confidential', 'under_seal'] as const

type Classified = { id: string; classification: string; compartment: string | null }

/**
 * Whether `user` decides the classification of `record`: an approver of its owning compartment
 * (the server checks the same); ex parte records keep their party and are not reclassified.
 */
export function mayReclassify(user: SessionUser | null, record: Classified): boolean {
  return (
    user?.orgKind === 'court_organ' &&
    user.role === 'approver' &&
    record.compartment !== null &&
    user.compartments.includes(record.compartment) &&
    record.classification !== 'ex_parte'
  )
}

/** A seal lifted, or a record sealed, on a decision that is its legal basis. */
export function ReclassifyModal({
  kind,
  record,
  label,
  onClose,
}: {
  kind: ReclassifiedKind
  record: Classified
  /** The record as the title names it: a code, or a person's name. */
  label: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  const reclassify = useReclassify(kind, record.id)
  const [to, setTo] = useState<string | null>(null)
  const [legalBasis, setLegalBasis] = useState('')
  return (
    <RecordModal
      title={t(`situations.reclassify.title.${kind}`, { label })}
      testId="reclassify-form"
      size="md"
      onClose={onClose}
      onSubmit={() =>
        to && reclassify.mutate({ to: to as (typeof CLASSIFICATIONS)[number], legalBasis }, { onSuccess: onClose })
      }
      error={reclassify.error}
      isPending={reclassify.isPending}
      submitLabel={t('situations.reclassify.submit')}
      submitDisabled={to === null}
    >
      <Select
        label={t('situations.reclassify.to', { now: t(`classification.${record.classification}`) })}
        data={CLASSIFICATIONS.filter((c) => c !== record.classification).map((c) => ({
          value: c,
          label: t(`classification.${c}`),
        }))}
        value={to}
        onChange={setTo}
        allowDeselect={false}
        required
      />
      <Textarea
        label={t('situations.reclassify.legalBasis')}
        description={t('situations.reclassify.legalBasisHelp')}
        value={legalBasis}
        onChange={(e) => setLegalBasis(e.currentTarget.value)}
        minLength={5}
        maxLength={2000}
        autosize
        minRows={2}
        required
      />
    </RecordModal>
  )
}
