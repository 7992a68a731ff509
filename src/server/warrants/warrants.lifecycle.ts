// The life of a warrant of arrest or a summons to appear (article 58), as a table. A status
// change not in this table is refused with the statuses that are allowed from where it stands.

export const WARRANT_KINDS = ['arrest_warrant', 'summons_to_appear'] as const
export type WarrantKind = (typeof WARRANT_KINDS)[number]

export const WARRANT_STATUSES = [
  'at_large',
  'summoned',
  'appeared',
  'arrested',
  'surrendered',
  'in_custody',
  'deceased',
  'warrant_withdrawn',
  'proceedings_terminated',
] as const
export type WarrantStatus = (typeof WARRANT_STATUSES)[number]

/** Where each kind starts: a warrant's person is at large until arrested; a summons awaits appearance. */
export const INITIAL_STATUS: Record<WarrantKind, WarrantStatus> = {
  arrest_warrant: 'at_large',
  summons_to_appear: 'summoned',
}

const ENDINGS = ['deceased', 'warrant_withdrawn', 'proceedings_terminated'] as const

const ARREST_WARRANT: Partial<Record<WarrantStatus, readonly WarrantStatus[]>> = {
  at_large: ['arrested', 'surrendered', ...ENDINGS],
  // Released by the custodial State (article 59) before surrender, or escaped: at large again.
  arrested: ['surrendered', 'at_large', ...ENDINGS],
  surrendered: ['in_custody', 'deceased', 'proceedings_terminated'],
  // Interim release (article 60) or escape ends custody; a new arrest is then recorded again.
  in_custody: ['at_large', 'deceased', 'proceedings_terminated'],
  // Proceedings are terminated after the death of the person.
  deceased: ['proceedings_terminated'],
}

const SUMMONS: Partial<Record<WarrantStatus, readonly WarrantStatus[]>> = {
  summoned: ['appeared', ...ENDINGS],
  appeared: ['deceased', 'proceedings_terminated'],
  deceased: ['proceedings_terminated'],
}

export function allowedNextStatuses(kind: WarrantKind, from: string): readonly WarrantStatus[] {
  const table = kind === 'arrest_warrant' ? ARREST_WARRANT : SUMMONS
  return table[from as WarrantStatus] ?? []
}

/** Statuses after which the person is no longer at large (the end of the years at large). */
export const NO_LONGER_AT_LARGE: readonly WarrantStatus[] = [
  'arrested',
  'surrendered',
  'in_custody',
  'deceased',
  'warrant_withdrawn',
  'proceedings_terminated',
]
