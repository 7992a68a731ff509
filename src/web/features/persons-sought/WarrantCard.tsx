import { Anchor, Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useFormatChamber, useFormatDate } from '../../format.ts'
import { ClassificationBadge } from '../agreements/ClassificationBadge.tsx'
import { useActiveUser } from '../auth/auth.api.ts'
import { isCourtUser } from '../requests/requests.api.ts'
import { VerificationBadge } from '../states/VerificationBadge.tsx'
import { FallenWarrantNotice } from './FallenWarrantNotice.tsx'
import type { Warrant } from './persons-sought.api.ts'
import { WarrantActions } from './WarrantActions.tsx'
import { WarrantStatusBadge } from './WarrantStatusBadge.tsx'

/** One warrant: charges, the status timeline with its sources, and the seal's history. */
export function WarrantCard({ warrant: w, canUnseal }: { warrant: Warrant; canUnseal: boolean }) {
  const { t } = useTranslation()
  const formatChamber = useFormatChamber()
  const formatDate = useFormatDate()
  const headingId = useId()
  const user = useActiveUser()
  const issued = w.issuedOn ? formatDate(w.issuedOn) : (w.issuedText ?? t('personsSought.dateUnknown'))
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md" data-testid="warrant">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5" id={headingId}>
            {t(`personsSought.kind.${w.kind}`)} — {issued}
          </Title>
          <Group gap={6}>
            <WarrantStatusBadge status={w.status} />
            <ClassificationBadge value={w.classification} />
            {w.origin !== 'court' && <VerificationBadge isVerified={w.verified} />}
            {w.isDemo && (
              <Badge color="yellow.3" variant="filled">
                {t('demo.fictional')}
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm">
          <strong>{t('personsSought.chamber')}:</strong> {formatChamber(w.issuingChamber)}
        </Text>
        <div>
          <Text size="sm" fw={700}>
            {t('personsSought.charges')}
          </Text>
          {w.charges.length === 0 ? (
            <Text size="sm">—</Text>
          ) : (
            <List size="sm">
              {w.charges.map((c) => (
                <List.Item key={c.category}>
                  {t(`personsSought.charge.${c.category}`)}
                  {c.counts !== null && ` — ${t('personsSought.counts', { count: c.counts })}`}
                </List.Item>
              ))}
            </List>
          )}
        </div>
        {w.unsealing && (
          <Text size="sm" data-testid="unsealing">
            {t('personsSought.unsealed', {
              date: w.unsealing.unsealedOn ? formatDate(w.unsealing.unsealedOn) : '—',
              decision: w.unsealing.decisionReference ?? t('personsSought.decisionUnknown'),
            })}
          </Text>
        )}
        <Table data-testid="warrant-timeline" captionSide="top">
          <Table.Caption>{t('personsSought.timeline')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('personsSought.date')}</Table.Th>
              <Table.Th scope="col" miw={170}>
                {t('personsSought.statusLabel')}
              </Table.Th>
              <Table.Th scope="col">{t('personsSought.note')}</Table.Th>
              <Table.Th scope="col">{t('personsSought.sources')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {w.history.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only, in order
              <Table.Tr key={i}>
                <Table.Td>{h.occurredOn ? formatDate(h.occurredOn) : (h.occurredText ?? '—')}</Table.Td>
                <Table.Td>
                  <WarrantStatusBadge status={h.status} />
                </Table.Td>
                <Table.Td>{h.note ?? '—'}</Table.Td>
                <Table.Td>
                  {h.sources.length === 0
                    ? '—'
                    : h.sources.map((s) =>
                        s.url ? (
                          <Anchor key={s.key} href={s.url} size="sm" display="block" target="_blank" rel="noreferrer">
                            {s.title}
                          </Anchor>
                        ) : (
                          <Text key={s.key} size="sm">
                            {s.title}
                          </Text>
                        ),
                      )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {w.classificationHistory.length > 0 && (
          <Text size="sm" c="dimmed">
            {w.classificationHistory
              .map((h) =>
                t('personsSought.reclassified', {
                  from: t(`classification.${h.from}`),
                  to: t(`classification.${h.to}`),
                  basis: h.legalBasis,
                }),
              )
              .join(' · ')}
          </Text>
        )}
        {w.notes && <Text size="sm">{w.notes}</Text>}
        {/* The Court follows the requests that carry the warrant out, in its workload. */}
        {isCourtUser(user) && <FallenWarrantNotice warrant={w} />}
        {w.kind === 'arrest_warrant' && isCourtUser(user) && (
          <Anchor
            component={Link}
            to={`/requests?warrantId=${encodeURIComponent(w.id)}`}
            size="sm"
            data-testid="warrant-requests"
          >
            {t('requestLinks.requestsOfWarrant')}
          </Anchor>
        )}
        <WarrantActions warrant={w} canUnseal={canUnseal} />
      </Stack>
    </Paper>
  )
}
