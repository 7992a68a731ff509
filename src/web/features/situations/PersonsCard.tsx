import { Anchor, Button, Center, Group, Paper, Select, Skeleton, Table, Text, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { DemoBadge } from '../../components/DemoBadge.tsx'
import { isCourtStaff } from '../../layout/navigation.ts'
import { ClassificationBadge } from '../agreements/ClassificationBadge.tsx'
import { useActiveUser } from '../auth/auth.api.ts'
import type { Warrant } from '../persons-sought/persons-sought.api.ts'
import { WarrantStatusBadge } from '../persons-sought/WarrantStatusBadge.tsx'
import { EditPersonModal } from './EditPersonModal.tsx'
import { NewPersonModal } from './NewPersonModal.tsx'
import { mayReclassify, ReclassifyModal } from './ReclassifyModal.tsx'
import { RecordWarrantModal } from './RecordWarrantModal.tsx'
import { RowAction } from './RowAction.tsx'
import {
  type Case,
  type Person,
  ROLES_IN_PROCEEDINGS,
  type RoleInProceedings,
  type Situation,
  useSituationPersons,
  useSituationWarrants,
} from './situations.api.ts'

/** The persons concerned, from suspects to witnesses, each with the requests that name them. */
export function PersonsCard({ situation, cases }: { situation: Situation; cases: readonly Case[] }) {
  const { t } = useTranslation()
  const user = useActiveUser()
  const [role, setRole] = useState<RoleInProceedings | null>(null)
  const persons = useSituationPersons(user?.id ?? null, situation.id, role)
  const warrants = useSituationWarrants(user?.id ?? null, situation.id)
  const [isAdding, setAdding] = useState(false)
  const [warrantFor, setWarrantFor] = useState<string | null>(null)
  const [editing, setEditing] = useState<Person | null>(null)
  const [reclassifying, setReclassifying] = useState<Person | null>(null)
  const headingId = useId()
  const items = persons.data?.pages.flatMap((page) => page.items) ?? []
  // Each person's warrants and summonses, to show where each stands.
  const warrantsOf = new Map<string, Warrant[]>()
  for (const w of warrants.data?.pages.flatMap((page) => page.items) ?? [])
    warrantsOf.set(w.personId, [...(warrantsOf.get(w.personId) ?? []), w])
  const caseCode = new Map(cases.map((c) => [c.id, c.code]))
  const mayRecord = isCourtStaff(user)

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id={headingId}>
          {t('situations.persons')}
        </Title>
        <Group align="flex-end">
          <Select
            label={t('situations.role')}
            data={ROLES_IN_PROCEEDINGS.map((r) => ({ value: r, label: t(`situations.roles.${r}`) }))}
            value={role}
            onChange={(v) => setRole(v as RoleInProceedings | null)}
            placeholder={t('situations.anyRole')}
            clearable
            w={200}
            data-testid="persons-role-filter"
          />
          {mayRecord && (
            <Button variant="light" onClick={() => setAdding(true)} data-testid="new-person">
              {t('situations.newPerson.open')}
            </Button>
          )}
        </Group>
      </Group>
      <ApiErrorAlert error={persons.error} />
      {persons.isPending ? (
        <Skeleton height={80} />
      ) : items.length === 0 ? (
        <Text>{t('situations.noPersons')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped data-testid="persons-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('situations.newPerson.name')}</Table.Th>
                <Table.Th scope="col">{t('situations.role')}</Table.Th>
                <Table.Th scope="col">{t('situations.case')}</Table.Th>
                <Table.Th scope="col">{t('situations.warrantStatus')}</Table.Th>
                <Table.Th scope="col">{t('requests.classification')}</Table.Th>
                <Table.Th scope="col">{t('situations.links')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    {p.name}
                    <DemoBadge isDemo={p.isDemo} size="xs" ml={6} />
                  </Table.Td>
                  <Table.Td>{t(`situations.roles.${p.roleInProceedings}`)}</Table.Td>
                  <Table.Td>{p.caseId ? (caseCode.get(p.caseId) ?? '—') : '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {(warrantsOf.get(p.id) ?? []).map((w) => (
                        <WarrantStatusBadge key={w.id} status={w.status} />
                      ))}
                      {!warrantsOf.has(p.id) && '—'}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <ClassificationBadge value={p.classification} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="md" wrap="nowrap">
                      <Anchor component={Link} to={`/requests?personId=${encodeURIComponent(p.id)}`}>
                        {t('situations.requests')}
                      </Anchor>
                      {warrantsOf.has(p.id) && (
                        <Anchor component={Link} to={`/persons-sought/${encodeURIComponent(p.id)}`}>
                          {t('situations.soughtPage')}
                        </Anchor>
                      )}
                      {mayRecord && (
                        <RowAction
                          label={t('situations.editPerson.open')}
                          name={t('situations.editPerson.openFor', { name: p.name })}
                          onClick={() => setEditing(p)}
                        />
                      )}
                      {mayReclassify(user, p) && (
                        <RowAction
                          label={t('situations.reclassify.open')}
                          name={t('situations.reclassify.openFor.person', { label: p.name })}
                          onClick={() => setReclassifying(p)}
                        />
                      )}
                      {mayRecord && (p.roleInProceedings === 'suspect' || p.roleInProceedings === 'accused') && (
                        <RowAction
                          label={t('situations.warrant.open')}
                          name={t('situations.warrant.openFor', { name: p.name })}
                          onClick={() => setWarrantFor(p.id)}
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
      {persons.hasNextPage && (
        <Center mt="md">
          <Button variant="default" onClick={() => void persons.fetchNextPage()} loading={persons.isFetchingNextPage}>
            {t('situations.more')}
          </Button>
        </Center>
      )}
      {editing && <EditPersonModal person={editing} cases={cases} onClose={() => setEditing(null)} />}
      {reclassifying && (
        <ReclassifyModal
          kind="person"
          record={reclassifying}
          label={reclassifying.name}
          onClose={() => setReclassifying(null)}
        />
      )}
      {isAdding && <NewPersonModal situation={situation} cases={cases} onClose={() => setAdding(false)} />}
      {warrantFor && (
        <RecordWarrantModal
          persons={items.filter((p) => p.roleInProceedings === 'suspect' || p.roleInProceedings === 'accused')}
          personId={warrantFor}
          onClose={() => setWarrantFor(null)}
        />
      )}
    </Paper>
  )
}
