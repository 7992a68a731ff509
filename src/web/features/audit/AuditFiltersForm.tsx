import { Button, Group, Paper, SimpleGrid, TextInput, Title } from '@mantine/core'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditFilters } from './audit.api.ts'

const FIELDS = ['actor', 'action', 'recordType', 'recordId'] as const

/** `datetime-local` gives local wall time; the API wants an instant with its offset. */
function toInstant(value: string): string | undefined {
  if (!value) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

export function AuditFiltersForm({ onApply }: { onApply: (filters: AuditFilters) => void }) {
  const { t } = useTranslation()
  const headingId = useId()
  const [values, setValues] = useState<Record<(typeof FIELDS)[number] | 'from' | 'to', string>>({
    actor: '',
    action: '',
    recordType: '',
    recordId: '',
    from: '',
    to: '',
  })

  function submit(event: FormEvent) {
    event.preventDefault()
    const filters: AuditFilters = {}
    for (const field of FIELDS) if (values[field].trim()) filters[field] = values[field].trim()
    const from = toInstant(values.from)
    const to = toInstant(values.to)
    if (from) filters.from = from
    if (to) filters.to = to
    onApply(filters)
  }

  function clear() {
    setValues({ actor: '', action: '', recordType: '', recordId: '', from: '', to: '' })
    onApply({})
  }

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md">
      <Title order={2} size="h4" id={headingId} mb="xs">
        {t('audit.filtersHeading')}
      </Title>
      <form onSubmit={submit} aria-labelledby={headingId} data-testid="audit-filters">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          {FIELDS.map((field) => (
            <TextInput
              key={field}
              label={t(`audit.filter.${field}`)}
              placeholder={t(`audit.filter.${field}Placeholder`)}
              value={values[field]}
              onChange={(event) => setValues({ ...values, [field]: event.currentTarget.value })}
            />
          ))}
          <TextInput
            type="datetime-local"
            label={t('audit.filter.from')}
            value={values.from}
            onChange={(event) => setValues({ ...values, from: event.currentTarget.value })}
          />
          <TextInput
            type="datetime-local"
            label={t('audit.filter.to')}
            value={values.to}
            onChange={(event) => setValues({ ...values, to: event.currentTarget.value })}
          />
        </SimpleGrid>
        <Group mt="sm" gap="sm">
          <Button type="submit">{t('audit.filter.apply')}</Button>
          <Button variant="default" onClick={clear}>
            {t('audit.filter.clear')}
          </Button>
        </Group>
      </form>
    </Paper>
  )
}
