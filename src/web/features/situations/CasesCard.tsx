import { Anchor, Button, Group, Paper, Skeleton, Table, Text, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { DemoBadge } from '../../components/DemoBadge.tsx'
import { isCourtStaff } from '../../layout/navigation.ts'
import { ClassificationBadge } from '../agreements/ClassificationBadge.tsx'
import { useActiveUser } from '../auth/auth.api.ts'
import { useOrgName } from '../requests/useOrgName.ts'
import { EditCaseModal } from './EditCaseModal.tsx'
import { NewCaseModal } from './NewCaseModal.tsx'
import { mayReclassify, ReclassifyModal } from './ReclassifyModal.tsx'
import { RowAction } from './RowAction.tsx'
import type { Case, Situation } from './situations.api.ts'

export function CasesCard({
  situation,
  cases,
  isPending,
  error,
}: {
  situation: Situation
  cases: readonly Case[]
  isPending: boolean
  error: Error | null
}) {
  const { t } = useTranslation()
  const user = useActiveUser()
  const orgName = useOrgName()
  const [isCreating, setCreating] = useState(false)
  const [editing, setEditing] = useState<Case | null>(null)
  const [reclassifying, setReclassifying] = useState<Case | null>(null)
  const headingId = useId()
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('situations.cases', { count: cases.length })}
        </Title>
        {isCourtStaff(user) && (
          <Button variant="light" onClick={() => setCreating(true)} data-testid="new-case">
            {t('situations.newCase.open')}
          </Button>
        )}
      </Group>
      <ApiErrorAlert error={error} />
      {isPending ? (
        <Skeleton height={80} />
      ) : cases.length === 0 ? (
        <Text>{t('situations.noCases')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="cases-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('situations.newCase.name')}</Table.Th>
                <Table.Th scope="col">{t('situations.code')}</Table.Th>
                <Table.Th scope="col">{t('situations.newCase.defence')}</Table.Th>
                <Table.Th scope="col">{t('requests.classification')}</Table.Th>
                <Table.Th scope="col">{t('situations.requests')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cases.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    {c.name}
                    <DemoBadge isDemo={c.isDemo} size="xs" ml={6} />
                  </Table.Td>
                  <Table.Td>{c.code}</Table.Td>
                  <Table.Td>{c.defenceOrgCode ? orgName(c.defenceOrgCode) : '—'}</Table.Td>
                  <Table.Td>
                    <ClassificationBadge value={c.classification} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="wrap">
                      <Anchor component={Link} to={`/requests?case=${encodeURIComponent(c.id)}`}>
                        {t('situations.requestsOfCase', { code: c.code })}
                      </Anchor>
                      {isCourtStaff(user) && (
                        <RowAction
                          label={t('situations.editCase.open')}
                          name={t('situations.editCase.openFor', { code: c.code })}
                          onClick={() => setEditing(c)}
                        />
                      )}
                      {mayReclassify(user, c) && (
                        <RowAction
                          label={t('situations.reclassify.open')}
                          name={t('situations.reclassify.openFor.case', { label: c.code })}
                          onClick={() => setReclassifying(c)}
                        />
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <EditCaseModal record={editing} onClose={() => setEditing(null)} />}
      {reclassifying && (
        <ReclassifyModal
          kind="case"
          record={reclassifying}
          label={reclassifying.code}
          onClose={() => setReclassifying(null)}
        />
      )}
      {isCreating && <NewCaseModal situation={situation} onClose={() => setCreating(false)} />}
    </Paper>
  )
}
