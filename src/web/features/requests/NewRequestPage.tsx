import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { useActiveUser } from '../auth/auth.api.ts'
import { ChecklistCard } from './ChecklistCard.tsx'
import {
  type CreateRequestBody,
  REQUEST_CLASSIFICATIONS,
  type RequestDetail,
  useAllStates,
  useCases,
  useCreateRequests,
  usePersons,
  useRequestTypes,
  useSituations,
  useStateProfile,
  useUpdateDrafts,
} from './requests.api.ts'
import { useRequestTypeLabel } from './useRequestTypeLabel.ts'

const CHANNELS = ['diplomatic', 'central_authority', 'interpol', 'regional_organisation', 'other'] as const
type Classification = (typeof REQUEST_CLASSIFICATIONS)[number]

/**
 * Drafting a request: type, addressees, links, handling, content; saving creates the draft (one per
 * addressee) and the server's completeness checklist then shows what is missing and why.
 */
export function NewRequestPage() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const user = useActiveUser()
  const userId = user?.id ?? null
  useDocumentTitle(t('wizard.title'))
  const [step, setStep] = useState(0)
  const [type, setType] = useState<string | null>(null)
  const [addressees, setAddressees] = useState<string[]>([])
  const [situationId, setSituationId] = useState<string | null>(null)
  const [caseId, setCaseId] = useState<string | null>(null)
  const [personIds, setPersonIds] = useState<string[]>([])
  const [classification, setClassification] = useState<Classification>('confidential')
  const [compartment, setCompartment] = useState<string | null>(null)
  const [urgency, setUrgency] = useState<'normal' | 'urgent'>('normal')
  const [language, setLanguage] = useState<string | null>(null)
  const [channel, setChannel] = useState<string | null>(null)
  const [deadline, setDeadline] = useState('')
  const [summary, setSummary] = useState('')
  const [facts, setFacts] = useState('')
  const [assistanceSought, setAssistanceSought] = useState('')
  const [legalBasis, setLegalBasis] = useState('')
  const [drafts, setDrafts] = useState<RequestDetail[]>([])
  const [answers, setAnswers] = useState<Record<string, string>>({})

  const types = useRequestTypes()
  const typeLabel = useRequestTypeLabel()
  const states = useAllStates(i18n.language)
  const situations = useSituations(userId)
  const cases = useCases(userId, situationId)
  const persons = usePersons(userId, situationId)
  const profile = useStateProfile(addressees[0] ?? null)
  const create = useCreateRequests()
  const update = useUpdateDrafts()
  const selectedType = types.data?.items.find((ty) => ty.code === type)
  const proposedChannel = profile.data?.channel ?? null
  const proposedLanguage = profile.data?.languages[0] ?? null

  const addresseeOptions = [
    ...(states.data ?? []).map((s) => ({
      value: s.iso3,
      label: `${i18n.language === 'fr' ? s.nameFr : s.nameEn} (${s.iso3})${s.romeStatus === 'party' ? '' : ` — ${t(`status.${s.romeStatus}`)}`}`,
    })),
    { value: 'IO-UN', label: t('requests.io.IO-UN') },
    { value: 'IO-INTERPOL', label: t('requests.io.IO-INTERPOL') },
  ]

  const canNext = [type !== null, addressees.length > 0, true, true, summary.trim().length >= 3]

  const save = () => {
    if (!type) return
    const body: CreateRequestBody = {
      requestType: type,
      addressees,
      classification,
      urgency,
      summary: summary.trim(),
      situationId,
      caseId,
      personIds,
      ...(facts.trim() ? { facts: facts.trim() } : {}),
      ...(assistanceSought.trim() ? { assistanceSought: assistanceSought.trim() } : {}),
      ...(legalBasis.trim().length >= 2 ? { legalBasis: legalBasis.trim() } : {}),
      ...((language ?? proposedLanguage) ? { language: (language ?? proposedLanguage) as string } : {}),
      ...((channel ?? proposedChannel) ? { channel: (channel ?? proposedChannel) as string } : {}),
      ...(compartment ? { compartment } : {}),
      ...(deadline ? { responseDeadline: `${deadline}T23:59:59.000Z` } : {}),
    }
    create.mutate(body, {
      onSuccess: (created) => {
        setDrafts(created.items)
        setStep(5)
      },
    })
  }
  const saveAnswers = (then: () => void) => {
    const filled = Object.fromEntries(Object.entries(answers).filter(([, v]) => v.trim()))
    if (Object.keys(filled).length === 0) return then()
    update.mutate(
      { ids: drafts.map((d) => d.id), body: { checklist: { answers: filled } } },
      {
        onSuccess: (updated) => {
          setDrafts(updated)
          then()
        },
      },
    )
  }
  const draft = drafts[0]

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('wizard.title')}</Title>
        <Text c="dimmed" mt={4} maw={820}>
          {t('wizard.intro')}
        </Text>
      </div>
      <Stepper active={step} onStepClick={(s) => drafts.length === 0 && s < step && setStep(s)} size="sm">
        <Stepper.Step label={t('wizard.step.type')}>
          <Paper withBorder radius="md" p="md">
            <Select
              label={t('requests.type')}
              data={(types.data?.items ?? []).map((ty) => ({ value: ty.code, label: typeLabel(ty.code, true) }))}
              value={type}
              onChange={setType}
              searchable
              required
              data-testid="wizard-type"
            />
            {selectedType && (
              <Stack gap={4} mt="md" data-testid="type-statute">
                <Text size="sm" fw={600}>
                  {t('wizard.legalBasisOf', { refs: selectedType.legalBasis.join(', ') })}
                </Text>
                {selectedType.statuteText && (
                  <Text size="sm" fs="italic" component="blockquote" m={0}>
                    {selectedType.statuteText}
                  </Text>
                )}
                {selectedType.summary && <Text size="sm">{selectedType.summary}</Text>}
                {!selectedType.obligatoryForStatesParties && (
                  <Text size="sm" c="dimmed">
                    {t('wizard.notObligatory')}
                  </Text>
                )}
              </Stack>
            )}
          </Paper>
        </Stepper.Step>
        <Stepper.Step label={t('wizard.step.addressees')}>
          <Paper withBorder radius="md" p="md">
            <MultiSelect
              label={t('wizard.addressees')}
              description={t('wizard.addresseesHelp')}
              data={addresseeOptions}
              value={addressees}
              onChange={setAddressees}
              searchable
              required
              data-testid="wizard-addressees"
            />
            {addressees.length > 1 && (
              <Text size="sm" mt="sm" data-testid="multi-state-note">
                {t('wizard.multiState', { count: addressees.length })}
              </Text>
            )}
          </Paper>
        </Stepper.Step>
        <Stepper.Step label={t('wizard.step.links')}>
          <Paper withBorder radius="md" p="md">
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <Select
                label={t('requests.situation')}
                data={(situations.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
                value={situationId}
                onChange={(v) => {
                  setSituationId(v)
                  setCaseId(null)
                  setPersonIds([])
                }}
                clearable
              />
              <Select
                label={t('requests.case')}
                data={(cases.data?.items ?? [])
                  .filter((c) => !situationId || c.situationId === situationId)
                  .map((c) => ({ value: c.id, label: c.name }))}
                value={caseId}
                onChange={setCaseId}
                clearable
                disabled={!situationId}
              />
              <MultiSelect
                label={t('wizard.persons')}
                data={(persons.data?.items ?? []).map((p) => ({
                  value: p.id,
                  label: `${p.name} — ${t(`personRole.${p.roleInProceedings}`)}`,
                }))}
                value={personIds}
                onChange={setPersonIds}
                disabled={!situationId}
              />
            </SimpleGrid>
          </Paper>
        </Stepper.Step>
        <Stepper.Step label={t('wizard.step.handling')}>
          <Paper withBorder radius="md" p="md">
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <Select
                label={t('requests.classification')}
                data={REQUEST_CLASSIFICATIONS.map((c) => ({ value: c, label: t(`classification.${c}`) }))}
                value={classification}
                onChange={(v) => v && setClassification(v as Classification)}
                allowDeselect={false}
              />
              <Select
                label={t('wizard.compartment')}
                description={t('wizard.compartmentHelp')}
                data={user?.compartments ?? []}
                value={compartment}
                onChange={setCompartment}
                clearable
              />
              <Select
                label={t('requests.urgency')}
                data={['normal', 'urgent'].map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
                value={urgency}
                onChange={(v) => v && setUrgency(v as 'normal' | 'urgent')}
                allowDeselect={false}
              />
              <TextInput
                type="date"
                label={t('request.responseDeadline')}
                description={t('wizard.deadlineHelp')}
                value={deadline}
                onChange={(e) => setDeadline(e.currentTarget.value)}
              />
              <Select
                label={t('wizard.channel')}
                description={
                  proposedChannel
                    ? t('wizard.proposed', {
                        value: t(`channel.${proposedChannel}`, { defaultValue: proposedChannel }),
                      })
                    : t('wizard.channelDefault')
                }
                data={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
                value={channel ?? proposedChannel}
                onChange={setChannel}
                clearable
              />
              <TextInput
                label={t('wizard.language')}
                description={
                  proposedLanguage
                    ? t('wizard.proposed', { value: proposedLanguage.toUpperCase() })
                    : t('wizard.languageDefault')
                }
                value={language ?? proposedLanguage ?? ''}
                onChange={(e) => setLanguage(e.currentTarget.value.toLowerCase().slice(0, 2) || null)}
                maxLength={2}
              />
            </SimpleGrid>
          </Paper>
        </Stepper.Step>
        <Stepper.Step label={t('wizard.step.content')}>
          <Paper withBorder radius="md" p="md">
            <Stack>
              <TextInput
                label={t('wizard.summary')}
                value={summary}
                onChange={(e) => setSummary(e.currentTarget.value)}
                required
                data-testid="wizard-summary"
              />
              <Textarea
                label={t('wizard.facts')}
                value={facts}
                onChange={(e) => setFacts(e.currentTarget.value)}
                autosize
                minRows={3}
                data-testid="wizard-facts"
              />
              <Textarea
                label={t('wizard.assistanceSought')}
                value={assistanceSought}
                onChange={(e) => setAssistanceSought(e.currentTarget.value)}
                autosize
                minRows={3}
                data-testid="wizard-assistance"
              />
              <TextInput
                label={t('request.legalBasis')}
                value={legalBasis}
                onChange={(e) => setLegalBasis(e.currentTarget.value)}
                placeholder={
                  selectedType
                    ? t('wizard.legalBasisPlaceholder', { refs: selectedType.legalBasis.join(', ') })
                    : undefined
                }
                data-testid="wizard-legal-basis"
              />
              <Alert variant="light" color="court">
                {t('wizard.saveExplains')}
              </Alert>
              <ApiErrorAlert error={create.error} />
            </Stack>
          </Paper>
        </Stepper.Step>
        <Stepper.Step label={t('wizard.step.checklist')}>
          {draft && (
            <Stack>
              <Alert color="green.9" variant="light" data-testid="draft-saved">
                {t('wizard.saved', { count: drafts.length, refs: drafts.map((d) => d.reference).join(', ') })}
              </Alert>
              <ChecklistCard checklist={draft.checklist} />
              {draft.checklist.items.some((i) => !i.satisfied) && (
                <Paper withBorder radius="md" p="md">
                  <Title order={2} size="h4" mb="sm">
                    {t('wizard.answerMissing')}
                  </Title>
                  <Stack>
                    {draft.checklist.items
                      .filter((i) => !i.satisfied)
                      .map((i) => (
                        <Textarea
                          key={i.ref}
                          label={`${t('requests.article', { ref: i.ref })} — ${i.label}`}
                          description={i.missing ?? undefined}
                          value={answers[i.ref] ?? ''}
                          onChange={(e) => {
                            const value = e.currentTarget.value
                            setAnswers((a) => ({ ...a, [i.ref]: value }))
                          }}
                          autosize
                          minRows={2}
                        />
                      ))}
                    <Group>
                      <Button
                        variant="default"
                        onClick={() => saveAnswers(() => setAnswers({}))}
                        loading={update.isPending}
                        data-testid="save-answers"
                      >
                        {t('wizard.saveAnswers')}
                      </Button>
                    </Group>
                    <ApiErrorAlert error={update.error} />
                  </Stack>
                </Paper>
              )}
            </Stack>
          )}
        </Stepper.Step>
      </Stepper>
      <Group justify="space-between">
        <Button variant="default" onClick={() => setStep((s) => s - 1)} disabled={step === 0 || drafts.length > 0}>
          {t('wizard.back')}
        </Button>
        {step < 4 && (
          <Button onClick={() => setStep((s) => s + 1)} disabled={!canNext[step]} data-testid="wizard-next">
            {t('wizard.next')}
          </Button>
        )}
        {step === 4 && (
          <Button onClick={save} disabled={!canNext[4]} loading={create.isPending} data-testid="wizard-save">
            {t('wizard.save')}
          </Button>
        )}
        {step === 5 && draft && (
          <Button
            onClick={() => saveAnswers(() => void navigate(`/requests/${encodeURIComponent(draft.id)}`))}
            loading={update.isPending}
            data-testid="wizard-open"
          >
            {t('wizard.open')}
          </Button>
        )}
      </Group>
      {!states.data && <Badge variant="light">{t('app.loading')}</Badge>}
    </Stack>
  )
}
