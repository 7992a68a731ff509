import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, TextInput, Title } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DateField } from '../../components/DateField.tsx'
import { useActiveUser } from '../auth/auth.api.ts'
import { REQUEST_STATUSES } from './request-statuses.ts'
import {
  COURT_ORGANS,
  REQUEST_CLASSIFICATIONS,
  useAllStates,
  useCases,
  useRequestTypes,
  useSituations,
} from './requests.api.ts'
import { dateToTimestamp, timestampToDate, type useRequestFilters } from './useRequestFilters.ts'
import { useRequestTypeLabel } from './useRequestTypeLabel.ts'

type Props = ReturnType<typeof useRequestFilters>

export function WorkloadFilters({ filters, set, clear }: Props) {
  const { t, i18n } = useTranslation()
  const user = useActiveUser()
  const headingId = useId()
  const states = useAllStates(i18n.language)
  const types = useRequestTypes()
  const typeLabel = useRequestTypeLabel()
  const situations = useSituations(user?.id ?? null)
  const cases = useCases(user?.id ?? null, filters.situation ?? null)
  const addressees = [
    ...(states.data ?? []).map((s) => ({
      value: s.iso3,
      label: `${i18n.language === 'fr' ? s.nameFr : s.nameEn} (${s.iso3})`,
    })),
    { value: 'IO-UN', label: t('requests.io.IO-UN') },
    { value: 'IO-INTERPOL', label: t('requests.io.IO-INTERPOL') },
  ]
  // The words searched for go to the address a moment after typing stops, not at each key.
  const [words, setWords] = useState(filters.q ?? '')
  const sent = useRef(filters.q ?? '')
  const searchLater = useDebouncedCallback((text: string) => {
    sent.current = text.trim()
    set('q', sent.current || null)
  }, 400)
  useEffect(() => {
    // Another source changed them (clearing the filters, a saved view): show what the list uses.
    const q = filters.q ?? ''
    if (q !== sent.current) {
      sent.current = q
      setWords(q)
    }
  }, [filters.q])
  const sortKeys = [...(filters.q ? ['relevance'] : []), '-updated', 'deadline', '-deadline', 'reference', '-created']
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('workload.filters')}
        </Title>
        <Button variant="subtle" onClick={clear} data-testid="clear-filters">
          {t('states.filters.clear')}
        </Button>
      </Group>
      <TextInput
        type="search"
        label={t('workload.search')}
        description={t('workload.searchHelp')}
        value={words}
        onChange={(event) => {
          setWords(event.currentTarget.value)
          searchLater(event.currentTarget.value)
        }}
        mb="sm"
        maxLength={500}
        data-testid="workload-search"
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Select
          label={t('requests.addressee')}
          data={addressees}
          value={filters.addressee ?? null}
          onChange={(v) => set('addressee', v)}
          searchable
          clearable
          placeholder={t('agreements.any')}
        />
        <Select
          label={t('requests.type')}
          data={(types.data?.items ?? []).map((ty) => ({ value: ty.code, label: typeLabel(ty.code, true) }))}
          value={filters.type ?? null}
          onChange={(v) => set('type', v)}
          searchable
          clearable
          placeholder={t('agreements.any')}
        />
        <MultiSelect
          label={t('requests.status')}
          data={REQUEST_STATUSES.map((s) => ({ value: s, label: t(`requestStatus.${s}`) }))}
          value={filters.status ?? []}
          onChange={(v) => set('status', v)}
          clearable
          placeholder={filters.status?.length ? undefined : t('agreements.any')}
        />
        <Select
          label={t('requests.organ')}
          data={COURT_ORGANS.map((o) => ({ value: o, label: t(`organ.${o}`) }))}
          value={filters.organ ?? null}
          onChange={(v) => set('organ', v)}
          clearable
          placeholder={t('agreements.any')}
        />
        <Select
          label={t('requests.situation')}
          data={(situations.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={filters.situation ?? null}
          onChange={(v) => set('situation', v)}
          clearable
          placeholder={t('agreements.any')}
        />
        <Select
          label={t('requests.case')}
          data={(cases.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={filters.case ?? null}
          onChange={(v) => set('case', v)}
          clearable
          placeholder={t('agreements.any')}
        />
        <Select
          label={t('requests.classification')}
          data={REQUEST_CLASSIFICATIONS.map((c) => ({ value: c, label: t(`classification.${c}`) }))}
          value={filters.classification ?? null}
          onChange={(v) => set('classification', v)}
          clearable
          placeholder={t('agreements.any')}
        />
        <Select
          label={t('requests.overdueFilter')}
          data={[
            { value: 'true', label: t('requests.overdueOnly') },
            { value: 'false', label: t('requests.notOverdue') },
          ]}
          value={filters.overdue ?? null}
          onChange={(v) => set('overdue', v)}
          clearable
          placeholder={t('agreements.any')}
        />
        <DateField
          label={t('workload.deadlineFrom')}
          value={timestampToDate(filters.deadlineFrom)}
          onChange={(value) => set('deadlineFrom', value ? dateToTimestamp(value, false) : null)}
        />
        <DateField
          label={t('workload.deadlineTo')}
          value={timestampToDate(filters.deadlineTo)}
          onChange={(value) => set('deadlineTo', value ? dateToTimestamp(value, true) : null)}
        />
        <Select
          label={t('workload.sort')}
          data={sortKeys.map((s) => ({ value: s, label: t(`workload.sortBy.${s}`) }))}
          value={filters.sort ?? (filters.q ? 'relevance' : '-updated')}
          onChange={(v) => set('sort', v === (filters.q ? 'relevance' : '-updated') ? null : v)}
          allowDeselect={false}
        />
      </SimpleGrid>
    </Paper>
  )
}
