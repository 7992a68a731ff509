import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { useFormatChamber, useFormatDate } from '../../format.ts'
import { isCourtSide } from '../../layout/navigation.ts'
import { TONE } from '../../theme.ts'
import { useActiveUser } from '../auth/auth.api.ts'
import { WARRANT_STATUSES_TO_CARRY_OUT } from '../persons-sought/persons-sought.api.ts'
import { WarrantStatusBadge } from '../persons-sought/WarrantStatusBadge.tsx'
import { useRequestLinks } from './request-links.api.ts'
import { WITH_THE_STATE_STATUSES } from './request-statuses.ts'
import type { RequestDetail } from './requests.api.ts'

/**
 * What the request concerns: its situation, case, persons and, for an arrest, provisional arrest
 * or transit, the warrants it carries out (with the issuing Chamber). Only what the reader may
 * see is shown; a request linked to nothing the reader may see shows no card.
 */
export function ConcernsCard({ request, userId }: { request: RequestDetail; userId: string | null }) {
  const { t } = useTranslation()
  const formatChamber = useFormatChamber()
  const formatDate = useFormatDate()
  const user = useActiveUser()
  const links = useRequestLinks(request, userId)
  if (links.error) return <ApiErrorAlert error={links.error} />
  const l = links.data
  if (!l || (!l.situation && !l.case && l.persons.length === 0 && l.warrants.length === 0)) return null
  const nameOf = (personId: string) => l.persons.find((p) => p.id === personId)?.name ?? null
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-label={t('requestLinks.title')}
      data-testid="concerns"
    >
      <Title order={2} size="h4" mb="xs">
        {t('requestLinks.title')}
      </Title>
      <Stack gap="xs">
        {l.situation && (
          <Text size="sm" data-testid="concerns-situation">
            <strong>{t('requests.situation')}:</strong>{' '}
            {isCourtSide(user) ? (
              <Anchor component={Link} to={`/situations/${encodeURIComponent(l.situation.id)}`} size="sm">
                {l.situation.name}
              </Anchor>
            ) : (
              l.situation.name
            )}
          </Text>
        )}
        {l.case && (
          <Text size="sm" data-testid="concerns-case">
            <strong>{t('requests.case')}:</strong> {l.case.name}
          </Text>
        )}
        {l.persons.length > 0 && (
          <div data-testid="concerns-persons">
            <Text size="sm" fw={700}>
              {t('wizard.persons')}
            </Text>
            {l.persons.map((p) => (
              <Text size="sm" key={p.id}>
                {p.name} — {t(`personRole.${p.roleInProceedings}`)}
              </Text>
            ))}
          </div>
        )}
        {l.warrants.length > 0 && (
          <div data-testid="concerns-warrants">
            <Text size="sm" fw={700}>
              {t('requestLinks.warrants')}
            </Text>
            {l.warrants.map((w) => (
              <Group key={w.id} gap="xs" wrap="wrap" data-testid="concerns-warrant">
                <Anchor component={Link} to={`/persons-sought/${encodeURIComponent(w.personId)}`} size="sm">
                  {t('requestLinks.warrant', {
                    person: nameOf(w.personId) ?? t('requestLinks.personSought'),
                    chamber: formatChamber(w.issuingChamber),
                    date: w.issuedOn ? formatDate(w.issuedOn) : (w.issuedText ?? '—'),
                  })}
                </Anchor>
                <WarrantStatusBadge status={w.status} />
                {/* Held back before transmission (TransitionsCard); once with the State, the Court decides. */}
                {isCourtSide(user) &&
                  w.kind === 'arrest_warrant' &&
                  !WARRANT_STATUSES_TO_CARRY_OUT.includes(w.status) &&
                  WITH_THE_STATE_STATUSES.includes(request.status) && (
                    <Text size="sm" c={TONE.danger} data-testid="concerns-warrant-fallen">
                      {t('requestLinks.warrantFallen')}
                    </Text>
                  )}
              </Group>
            ))}
          </div>
        )}
      </Stack>
    </Paper>
  )
}
