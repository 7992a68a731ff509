import { Button } from '@mantine/core'

/**
 * An action on one row of a table (change a case, record a warrant…): a small button whose
 * accessible name says which row it acts on, since every row shows the same words.
 */
export function RowAction({ label, name, onClick }: { label: string; name: string; onClick: () => void }) {
  return (
    <Button size="compact-sm" variant="subtle" onClick={onClick} aria-label={name}>
      {label}
    </Button>
  )
}
