import { Badge, Button, Group, Stack, Stepper } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { PageIntro } from '../../components/PageIntro.tsx'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import {
  type RequestDetail,
  useAllStates,
  useCreateRequests,
  useStateProfile,
  useUpdateDrafts,
} from './requests.api.ts'
import { AddresseesStep } from './wizard/AddresseesStep.tsx'
import { ChecklistStep } from './wizard/ChecklistStep.tsx'
import { ContentStep } from './wizard/ContentStep.tsx'
import { HandlingStep } from './wizard/HandlingStep.tsx'
import { LinksStep } from './wizard/LinksStep.tsx'
import { TypeChecklistCard } from './wizard/TypeChecklistCard.tsx'
import { TypeStep } from './wizard/TypeStep.tsx'
import {
  afterConvictionApplies,
  canLeaveStep,
  EMPTY_WIZARD,
  toCreateBody,
  type WizardState,
} from './wizard/wizard-state.ts'

const SAVE_STEP = 4
const CHECKLIST_STEP = 5

/**
 * Drafting a request: type, addressees, links, handling, content (one component per step, in
 * wizard/). What the type must contain is shown from the first step; saving creates the draft (one
 * per addressee) and the server's completeness checklist then shows what is missing and why.
 */
export function NewRequestPage() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  useDocumentTitle(t('wizard.title'))
  const [step, setStep] = useState(0)
  // From a situation's page (or a bookmark): the links the draft starts with, checked again by the
  // server on saving (a record the drafter may not see is refused there, with its name).
  const [params] = useSearchParams()
  const [state, setState] = useState<WizardState>(() => ({
    ...EMPTY_WIZARD,
    situationId: params.get('situation'),
    caseId: params.get('case'),
    personIds: params.getAll('person'),
  }))
  const [drafts, setDrafts] = useState<RequestDetail[]>([])
  const [answers, setAnswers] = useState<Record<string, string>>({})
  const update = (patch: Partial<WizardState>) => setState((s) => ({ ...s, ...patch }))

  const states = useAllStates(i18n.language)
  const profile = useStateProfile(state.addressees[0] ?? null)
  const proposed = { channel: profile.data?.channel ?? null, language: profile.data?.languages[0] ?? null }
  const create = useCreateRequests()
  const updateDrafts = useUpdateDrafts()

  const save = () => {
    const body = toCreateBody(state, proposed)
    if (!body) return
    create.mutate(body, {
      onSuccess: (created) => {
        setDrafts(created.items)
        setStep(CHECKLIST_STEP)
      },
    })
  }
  const saveAnswers = (then: () => void) => {
    const filled = Object.fromEntries(Object.entries(answers).filter(([, v]) => v.trim()))
    if (Object.keys(filled).length === 0) return then()
    // The whole checklist is replaced: keep afterConviction with the answers.
    const checklist = { answers: filled, ...(afterConvictionApplies(state) ? { afterConviction: true } : {}) }
    updateDrafts.mutate(
      { ids: drafts.map((d) => d.id), body: { checklist } },
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
      <PageIntro title={t('wizard.title')} intro={t('wizard.intro')} />
      <Stepper active={step} onStepClick={(s) => drafts.length === 0 && s < step && setStep(s)} size="sm">
        <Stepper.Step label={t('wizard.step.type')}>
          <TypeStep state={state} update={update} />
        </Stepper.Step>
        <Stepper.Step label={t('wizard.step.addressees')}>
          <AddresseesStep state={state} update={update} />
        </Stepper.Step>
        <Stepper.Step label={t('wizard.step.links')}>
          <LinksStep state={state} update={update} />
        </Stepper.Step>
        <Stepper.Step label={t('wizard.step.handling')}>
          <HandlingStep state={state} update={update} proposed={proposed} />
        </Stepper.Step>
        <Stepper.Step label={t('wizard.step.content')}>
          <ContentStep state={state} update={update} error={create.error} />
        </Stepper.Step>
        <Stepper.Step label={t('wizard.step.checklist')}>
          <ChecklistStep
            drafts={drafts}
            answers={answers}
            setAnswer={(ref, value) => setAnswers((a) => ({ ...a, [ref]: value }))}
            onSave={() => saveAnswers(() => setAnswers({}))}
            saving={updateDrafts.isPending}
            error={updateDrafts.error}
          />
        </Stepper.Step>
      </Stepper>
      {drafts.length === 0 && state.type && (
        <TypeChecklistCard type={state.type} afterConviction={afterConvictionApplies(state)} />
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={() => setStep((s) => s - 1)} disabled={step === 0 || drafts.length > 0}>
          {t('wizard.back')}
        </Button>
        {step < SAVE_STEP && (
          <Button onClick={() => setStep((s) => s + 1)} disabled={!canLeaveStep(step, state)} data-testid="wizard-next">
            {t('wizard.next')}
          </Button>
        )}
        {step === SAVE_STEP && (
          <Button
            onClick={save}
            disabled={!canLeaveStep(SAVE_STEP, state)}
            loading={create.isPending}
            data-testid="wizard-save"
          >
            {t('wizard.save')}
          </Button>
        )}
        {step === CHECKLIST_STEP && draft && (
          <Button
            onClick={() => saveAnswers(() => void navigate(`/requests/${encodeURIComponent(draft.id)}`))}
            loading={updateDrafts.isPending}
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
