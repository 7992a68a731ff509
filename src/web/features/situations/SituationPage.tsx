import { Anchor, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { DemoBadge } from '../../components/DemoBadge.tsx'
import { NotFoundPage } from '../../components/NotFoundPage.tsx'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { useFormatDate } from '../../format.ts'
import { ApiError } from '../../http.ts'
import { canDraftRequests, isCourtStaff } from '../../layout/navigation.ts'
import { ClassificationBadge } from '../agreements/ClassificationBadge.tsx'
import { useActiveUser } from '../auth/auth.api.ts'
import { CasesCard } from './CasesCard.tsx'
import { EditSituationModal } from './EditSituationModal.tsx'
import { PersonsCard } from './PersonsCard.tsx'
import { mayReclassify, ReclassifyModal } from './ReclassifyModal.tsx'
import { useSituation, useSituationCases } from './situations.api.ts'
import { WarrantsCard } from './WarrantsCard.tsx'

/** A situation with its cases, the persons concerned and their warrants: what requests hang on. */
export function SituationPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const user = useActiveUser()
  const formatDate = useFormatDate()
  const situation = useSituation(id, user?.id ?? null)
  const cases = useSituationCases(user?.id ?? null, id)
  const s = situation.data
  const [isEditing, setEditing] = useState(false)
  const [isReclassifying, setReclassifying] = useState(false)
  useDocumentTitle(s?.name ?? t('situations.title'))

  if (situation.error instanceof ApiError && situation.error.status === 404) {
    return <NotFoundPage title={t('situations.notFoundTitle')} text={t('situations.notFoundText')} />
  }
  if (situation.isError) return <ApiErrorAlert error={situation.error} />
  if (!s) return <Skeleton height={240} />
  const caseItems = cases.data?.pages.flatMap((page) => page.items) ?? []

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/situations" size="sm">
          ← {t('situations.back')}
        </Anchor>
        <Group gap="sm" mt="xs" align="center">
          <Title order={1}>{s.name}</Title>
          <DemoBadge isDemo={s.isDemo} />
        </Group>
        <Group gap="sm" mt={6} data-testid="situation-header">
          <Text c="dimmed">{s.code}</Text>
          <ClassificationBadge value={s.classification} />
          {s.compartment && <Text c="dimmed">{t('situations.inCompartment', { code: s.compartment })}</Text>}
        </Group>
        {s.classificationHistory.map((h) => (
          <Text size="sm" c="dimmed" mt={4} key={`${h.decidedAt}-${h.to}`} data-testid="classification-decision">
            {t('situations.reclassify.decided', {
              from: t(`classification.${h.from}`),
              to: t(`classification.${h.to}`),
              at: formatDate(h.decidedAt),
              basis: h.legalBasis,
            })}
          </Text>
        ))}
        {s.description && (
          <Text mt="sm" maw={820}>
            {s.description}
          </Text>
        )}
        <Group gap="sm" mt="md">
          {canDraftRequests(user) && (
            <Button
              component={Link}
              to={`/requests/new?situation=${encodeURIComponent(s.id)}`}
              data-testid="draft-in-situation"
            >
              {t('situations.draftIn')}
            </Button>
          )}
          <Button
            component={Link}
            to={`/requests?situation=${encodeURIComponent(s.id)}`}
            variant="default"
            data-testid="situation-requests"
          >
            {t('situations.requestsOf')}
          </Button>
          {isCourtStaff(user) && (
            <Button variant="light" onClick={() => setEditing(true)} data-testid="edit-situation">
              {t('situations.editSituation.open')}
            </Button>
          )}
          {mayReclassify(user, s) && (
            <Button
              variant="light"
              onClick={() => setReclassifying(true)}
              aria-label={t('situations.reclassify.openFor.situation', { label: s.code })}
              data-testid="reclassify-situation"
            >
              {t('situations.reclassify.open')}
            </Button>
          )}
        </Group>
      </div>
      <CasesCard situation={s} cases={caseItems} isPending={cases.isPending} error={cases.error} />
      <PersonsCard situation={s} cases={caseItems} />
      <WarrantsCard situationId={s.id} />
      {isEditing && <EditSituationModal record={s} onClose={() => setEditing(false)} />}
      {isReclassifying && (
        <ReclassifyModal kind="situation" record={s} label={s.code} onClose={() => setReclassifying(false)} />
      )}
    </Stack>
  )
}
