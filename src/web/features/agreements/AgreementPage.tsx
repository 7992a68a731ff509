import { Anchor, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { DemoBadge } from '../../components/DemoBadge.tsx'
import { NotFoundPage } from '../../components/NotFoundPage.tsx'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { useFormatDate } from '../../format.ts'
import { ApiError } from '../../http.ts'
import { useActiveUser } from '../auth/auth.api.ts'
import { useAgreement } from './agreements.api.ts'
import { ClassificationBadge } from './ClassificationBadge.tsx'

export function AgreementPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const user = useActiveUser()
  const agreement = useAgreement(id, user?.id ?? null)
  const formatDate = useFormatDate()
  const a = agreement.data
  const title = a ? (a.title ?? t(`agreement.${a.kind}`, { defaultValue: a.kind })) : null
  useDocumentTitle(title ?? t('agreements.title'))

  if (agreement.error instanceof ApiError && agreement.error.status === 404) {
    return <NotFoundPage title={t('agreements.notFoundTitle')} text={t('agreements.notFoundText')} />
  }
  if (agreement.isError) return <ApiErrorAlert error={agreement.error} />
  if (!a) return <Skeleton height={240} />

  const rows: [string, ReactNode][] = [
    [t('agreements.kind'), t(`agreement.${a.kind}`, { defaultValue: a.kind })],
    [
      t('agreements.state'),
      <Anchor key="state" component={Link} to={`/states/${a.iso3}`}>
        {a.iso3}
      </Anchor>,
    ],
    [t('agreements.status'), t(`agreementStatus.${a.status}`, { defaultValue: a.status })],
    [t('agreements.signed'), formatDate(a.dateSigned) || '—'],
    [t('agreements.entryIntoForce'), formatDate(a.entryIntoForceDate) || '—'],
    [t('agreements.classification'), <ClassificationBadge key="c" value={a.classification} />],
    [t('agreements.compartment'), a.compartment ?? '—'],
    [t('agreements.notes'), a.notes ?? '—'],
  ]
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/agreements" size="sm">
          ← {t('agreements.back')}
        </Anchor>
        <Group gap="sm" mt="xs">
          <Title order={1}>{title}</Title>
          <DemoBadge isDemo={a.isDemo} />
        </Group>
      </div>
      <Paper withBorder radius="md" p="md">
        <Table data-testid="agreement-detail">
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row" w={240}>
                  {label}
                </Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {a.classificationHistory.length > 0 && (
        <Paper component="section" withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="xs">
            {t('agreements.history')}
          </Title>
          <Stack gap={4}>
            {a.classificationHistory.map((h) => (
              <Text size="sm" key={`${h.decidedAt}-${h.to}`}>
                {t('agreements.historyLine', {
                  from: t(`classification.${h.from}`, { defaultValue: h.from }),
                  to: t(`classification.${h.to}`, { defaultValue: h.to }),
                  at: formatDate(h.decidedAt),
                  by: h.decidedBy,
                  basis: h.legalBasis,
                })}
              </Text>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  )
}
