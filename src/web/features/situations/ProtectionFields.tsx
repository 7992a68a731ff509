import { Select, SimpleGrid, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { CLASSIFICATIONS } from '../agreements/agreements.api.ts'
import { useActiveUser } from '../auth/auth.api.ts'

export type Classification = (typeof CLASSIFICATIONS)[number]
export type Protection = { classification: Classification; compartment: string | null; exParteParty: string }

/**
 * A new record starts where its parent is: same classification and compartment, if the author is
 * in it. A record without a parent (a situation) starts confidential, its compartment left for the
 * author to choose: a guessed one would give the wrong people need-to-know.
 */
export function protectionLike(
  parent: { classification: Classification; compartment: string | null } | null,
  compartments: readonly string[],
): Protection {
  if (!parent) return { classification: 'confidential', compartment: null, exParteParty: '' }
  const compartment =
    parent.compartment && compartments.includes(parent.compartment) ? parent.compartment : (compartments[0] ?? null)
  return { classification: parent.classification, compartment, exParteParty: '' }
}

/** The body fields of the need-to-know a record is created with (the server checks them again). */
export function protectionBody(p: Protection) {
  return {
    classification: p.classification,
    compartment: p.classification === 'public' ? null : p.compartment,
    ...(p.classification === 'ex_parte' ? { exParteParty: p.exParteParty.trim() } : {}),
  }
}

/**
 * Classification, owning compartment (one of the author's: they must be able to see what they
 * create) and, for an ex parte record, its party.
 */
export function ProtectionFields({ value, onChange }: { value: Protection; onChange: (next: Protection) => void }) {
  const { t } = useTranslation()
  const user = useActiveUser()
  const isPublic = value.classification === 'public'
  return (
    <SimpleGrid cols={{ base: 1, sm: value.classification === 'ex_parte' ? 3 : 2 }}>
      <Select
        label={t('requests.classification')}
        data={CLASSIFICATIONS.map((c) => ({ value: c, label: t(`classification.${c}`) }))}
        value={value.classification}
        onChange={(v) =>
          v &&
          onChange({
            ...value,
            classification: v as Classification,
            exParteParty: value.exParteParty || (v === 'ex_parte' ? (user?.orgCode ?? '') : ''),
          })
        }
        allowDeselect={false}
        data-testid="protection-classification"
      />
      <Select
        label={t('situations.compartment')}
        description={isPublic ? t('situations.compartmentPublic') : t('situations.compartmentHelp')}
        data={user?.compartments ?? []}
        value={isPublic ? null : value.compartment}
        onChange={(compartment) => onChange({ ...value, compartment })}
        disabled={isPublic}
        required={!isPublic}
        data-testid="protection-compartment"
      />
      {value.classification === 'ex_parte' && (
        <TextInput
          label={t('situations.exParteParty')}
          description={t('situations.exPartePartyHelp')}
          value={value.exParteParty}
          onChange={(e) => onChange({ ...value, exParteParty: e.currentTarget.value })}
          required
        />
      )}
    </SimpleGrid>
  )
}
