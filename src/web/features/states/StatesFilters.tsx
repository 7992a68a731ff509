import { Button, Group, Paper, Select, SimpleGrid, TextInput, VisuallyHidden } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AGREEMENT_KINDS, APIC_STATUSES, REGIONAL_GROUPS, ROME_STATUSES, type StateFilters } from './states.api.ts'

const ANY = 'any'

type StatesFiltersProps = {
  filters: StateFilters
  hasFilters: boolean
  onChange: (key: keyof StateFilters, value: string | null) => void
  onClear: () => void
}

export function StatesFilters({ filters, hasFilters, onChange, onClear }: StatesFiltersProps) {
  const { t } = useTranslation()
  const headingId = useId()
  const [query, setQuery] = useState(filters.q ?? '')
  const commitQuery = useDebouncedCallback((value: string) => onChange('q', value.trim() || null), 300)

  // Follows the URL when it changes from outside the box (back button, "Clear filters").
  useEffect(() => {
    setQuery((current) => (current.trim() === (filters.q ?? '') ? current : (filters.q ?? '')))
  }, [filters.q])

  // Mantine's Select needs a real value for "no filter"; it never reaches the URL or the API.
  const any = { value: ANY, label: t('states.filters.any') }
  const selectProps = (key: keyof StateFilters, label: string, values: readonly string[], prefix: string) => ({
    label,
    data: [any, ...values.map((value) => ({ value, label: t(`${prefix}.${value}`) }))],
    value: filters[key] ?? ANY,
    onChange: (value: string | null) => onChange(key, value === ANY ? null : value),
    allowDeselect: false,
    comboboxProps: { withinPortal: true },
  })

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md" radius="md">
      <VisuallyHidden component="h2" id={headingId}>
        {t('states.filters.heading')}
      </VisuallyHidden>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        <TextInput
          label={t('states.filters.search')}
          placeholder={t('states.filters.searchPlaceholder')}
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value)
            commitQuery(event.currentTarget.value)
          }}
        />
        <Select
          label={t('states.filters.party')}
          data={[
            { value: ANY, label: t('states.filters.partyAll') },
            { value: 'true', label: t('states.filters.partyTrue') },
            { value: 'false', label: t('states.filters.partyFalse') },
          ]}
          value={filters.party ?? ANY}
          onChange={(value) => onChange('party', value === ANY ? null : value)}
          allowDeselect={false}
        />
        <Select {...selectProps('status', t('states.filters.status'), ROME_STATUSES, 'status')} />
        <Select {...selectProps('group', t('states.filters.group'), REGIONAL_GROUPS, 'group')} />
        <Select {...selectProps('apic', t('states.filters.apic'), APIC_STATUSES, 'apic')} />
        <Select {...selectProps('agreement', t('states.filters.agreement'), AGREEMENT_KINDS, 'agreement')} />
      </SimpleGrid>
      {hasFilters && (
        <Group justify="flex-end" mt="sm">
          <Button variant="subtle" size="compact-sm" onClick={onClear}>
            {t('states.filters.clear')}
          </Button>
        </Group>
      )}
    </Paper>
  )
}
