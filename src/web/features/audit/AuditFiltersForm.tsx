import { Button, Group, Paper, SimpleGrid, TextInput, Title } from '@mantine/core'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DateField } from '../../components/DateField.tsx'
import { localInstant, parseTime } from '../../components/date-field.ts'
import type { AuditFilters } from './audit.api.ts'

const FIELDS = ['actor', 'action', 'recordType', 'recordId'] as const
const EMPTY = { actor: '', action: '', recordType: '', recordId: '', from: '', fromTime: '', to: '', toTime: '' }

/**
 * A period's bound: a day in the app's format (dd/mm/yyyy, DateField) and an optional time on a
 * 24-hour clock, both on the browser's clock; the API takes the instant. A native datetime-local
 * input would follow the browser's locale instead (mm/dd/yyyy and AM/PM in an American browser).
 */
function TimeField({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation()
  const invalid = parseTime(value) === null
  return (
    <TextInput
      label={label}
      placeholder={t('audit.filter.timePlaceholder')}
      value={value}
      onChange={(event) => {
        const text = event.currentTarget.value
        event.currentTarget.setCustomValidity(parseTime(text) === null ? t('audit.filter.timeInvalid') : '')
        onChange(text)
      }}
      error={invalid ? t('audit.filter.timeInvalid') : undefined}
      inputMode="numeric"
    />
  )
}

export function AuditFiltersForm({ onApply }: { onApply: (filters: AuditFilters) => void }) {
  const { t } = useTranslation()
  const headingId = useId()
  const [values, setValues] = useState<Record<keyof typeof EMPTY, string>>(EMPTY)

  function submit(event: FormEvent) {
    event.preventDefault()
    const filters: AuditFilters = {}
    for (const field of FIELDS) if (values[field].trim()) filters[field] = values[field].trim()
    if (values.from) filters.from = localInstant(values.from, parseTime(values.fromTime) ?? '', 'from')
    if (values.to) filters.to = localInstant(values.to, parseTime(values.toTime) ?? '', 'until')
    onApply(filters)
  }

  function clear() {
    setValues(EMPTY)
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
          {(['from', 'to'] as const).map((bound) => (
            <Group key={bound} gap="xs" align="flex-start" grow>
              <DateField
                label={t(`audit.filter.${bound}`)}
                value={values[bound]}
                onChange={(day) => setValues({ ...values, [bound]: day })}
                data-testid={`audit-${bound}`}
              />
              <TimeField
                label={t(`audit.filter.${bound}Time`)}
                value={values[`${bound}Time`]}
                onChange={(time) => setValues({ ...values, [`${bound}Time`]: time })}
              />
            </Group>
          ))}
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
