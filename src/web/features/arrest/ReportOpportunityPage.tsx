import {
  Anchor,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { DateField } from '../../components/DateField.tsx'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { useActiveUser } from '../auth/auth.api.ts'
import { useAllStates } from '../requests/requests.api.ts'
import {
  CREDIBILITY,
  RELIABILITY,
  type ReportArrestOpportunityBody,
  useReportOpportunity,
  useSoughtPersons,
} from './arrest.api.ts'

type Form = {
  personId: string | null
  iso3: string | null
  kind: 'presence' | 'travel'
  place: string
  fromDate: string
  toDate: string
  sourceDescription: string
  sourceReliability: string | null
  informationCredibility: string | null
  urgent: boolean
  classification: 'under_seal' | 'confidential'
}

const EMPTY: Form = {
  personId: null,
  iso3: null,
  kind: 'presence',
  place: '',
  fromDate: '',
  toDate: '',
  sourceDescription: '',
  sourceReliability: null,
  informationCredibility: null,
  urgent: false,
  classification: 'under_seal',
}

/** Report the presence or travel of a person sought: it becomes an arrest opportunity. */
export function ReportOpportunityPage() {
  const { t, i18n } = useTranslation()
  const user = useActiveUser()
  const navigate = useNavigate()
  const persons = useSoughtPersons(user?.id ?? null)
  const states = useAllStates(i18n.language)
  const report = useReportOpportunity()
  const [form, setForm] = useState<Form>(EMPTY)
  const update = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }))
  useDocumentTitle(t('arrest.report.title'))

  const isReady =
    !!form.personId &&
    !!form.iso3 &&
    form.place.trim() !== '' &&
    form.fromDate !== '' &&
    form.sourceDescription.trim() !== '' &&
    !!form.sourceReliability &&
    !!form.informationCredibility

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!isReady) return
    report.mutate(
      {
        personId: form.personId as string,
        iso3: form.iso3 as string,
        kind: form.kind,
        place: form.place.trim(),
        fromDate: form.fromDate,
        toDate: form.toDate || null,
        sourceDescription: form.sourceDescription.trim(),
        sourceReliability: form.sourceReliability as ReportArrestOpportunityBody['sourceReliability'],
        informationCredibility: form.informationCredibility as ReportArrestOpportunityBody['informationCredibility'],
        urgency: form.urgent ? 'urgent' : 'normal',
        classification: form.classification,
      },
      { onSuccess: (created) => navigate(`/arrest-opportunities/${encodeURIComponent(created.id)}`) },
    )
  }

  return (
    <Stack gap="lg" maw={900}>
      <Anchor component={Link} to="/arrest-opportunities" size="sm">
        ← {t('arrest.board.title')}
      </Anchor>
      <div>
        <Title order={1}>{t('arrest.report.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('arrest.report.intro')}
        </Text>
      </div>
      <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} aria-label={t('arrest.report.title')}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('arrest.field.person')}
              data={(persons.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              value={form.personId}
              onChange={(v) => update({ personId: v })}
              searchable
              required
              data-testid="field-person"
            />
            <Select
              label={t('arrest.field.state')}
              data={(states.data ?? []).map((s) => ({
                value: s.iso3,
                label: `${i18n.language === 'fr' ? s.nameFr : s.nameEn} (${s.iso3})`,
              }))}
              value={form.iso3}
              onChange={(v) => update({ iso3: v })}
              searchable
              required
              data-testid="field-state"
            />
          </SimpleGrid>
          <div>
            <Text size="sm" fw={500} id="kind-label" mb={4}>
              {t('arrest.field.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="kind-label"
              value={form.kind}
              onChange={(v) => update({ kind: v as Form['kind'] })}
              data={[
                { value: 'presence', label: t('arrest.kind.presence') },
                { value: 'travel', label: t('arrest.kind.travel') },
              ]}
            />
          </div>
          <TextInput
            label={t('arrest.field.place')}
            value={form.place}
            onChange={(e) => update({ place: e.currentTarget.value })}
            required
            data-testid="field-place"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t('arrest.field.fromDate')}
              value={form.fromDate}
              onChange={(value) => update({ fromDate: value })}
              required
              data-testid="field-from"
            />
            <DateField
              label={t('arrest.field.toDate')}
              value={form.toDate}
              onChange={(value) => update({ toDate: value })}
              data-testid="field-to"
            />
          </SimpleGrid>
          <Textarea
            label={t('arrest.field.source')}
            description={t('arrest.report.sourceHelp')}
            value={form.sourceDescription}
            onChange={(e) => update({ sourceDescription: e.currentTarget.value })}
            autosize
            minRows={2}
            required
            data-testid="field-source"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('arrest.field.reliability')}
              data={RELIABILITY.map((r) => ({ value: r, label: `${r} — ${t(`arrest.reliability.${r}`)}` }))}
              value={form.sourceReliability}
              onChange={(v) => update({ sourceReliability: v })}
              required
              data-testid="field-reliability"
            />
            <Select
              label={t('arrest.field.credibility')}
              data={CREDIBILITY.map((c) => ({ value: c, label: `${c} — ${t(`arrest.credibility.${c}`)}` }))}
              value={form.informationCredibility}
              onChange={(v) => update({ informationCredibility: v })}
              required
              data-testid="field-credibility"
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Switch
              label={t('arrest.field.urgent')}
              description={t('arrest.report.urgentHelp')}
              checked={form.urgent}
              onChange={(e) => update({ urgent: e.currentTarget.checked })}
            />
            <Select
              label={t('arrest.field.classification')}
              data={(['under_seal', 'confidential'] as const).map((c) => ({
                value: c,
                label: t(`classification.${c}`),
              }))}
              value={form.classification}
              onChange={(v) => update({ classification: (v as Form['classification']) ?? 'under_seal' })}
              allowDeselect={false}
            />
          </SimpleGrid>
          <ApiErrorAlert error={report.error} />
          <Group justify="flex-end">
            <Button type="submit" disabled={!isReady} loading={report.isPending} data-testid="submit-report">
              {t('arrest.report.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  )
}
