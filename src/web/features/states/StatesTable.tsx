import { Anchor, Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useFormatDate } from '../../format.ts'
import { RomeStatusBadge } from './RomeStatusBadge.tsx'
import type { StateSummary } from './states.api.ts'

export function StatesTable({ states }: { states: StateSummary[] }) {
  const { t, i18n } = useTranslation()
  const formatDate = useFormatDate()
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="states-table">
        <Table.Caption>
          <VisuallyHidden>{t('states.tableCaption')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('states.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('states.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('states.columns.group')}</Table.Th>
            <Table.Th scope="col">{t('states.columns.ratification')}</Table.Th>
            <Table.Th scope="col">{t('states.columns.apic')}</Table.Th>
            <Table.Th scope="col">{t('states.columns.agreements')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {states.map((state) => (
            <Table.Tr key={state.iso3}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/states/${state.iso3}`}>
                  {i18n.language === 'fr' ? state.nameFr : state.nameEn}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <RomeStatusBadge status={state.romeStatus} />
              </Table.Td>
              <Table.Td>{state.regionalGroup ? t(`group.${state.regionalGroup}`) : '—'}</Table.Td>
              <Table.Td>{formatDate(state.ratificationDate) || '—'}</Table.Td>
              <Table.Td>{t(`apic.${state.apicStatus}`)}</Table.Td>
              <Table.Td>
                {state.agreementKinds.length === 0 ? (
                  <Text span c="dimmed">
                    —
                  </Text>
                ) : (
                  <Group gap={4}>
                    {state.agreementKinds.map((kind) => (
                      <Badge key={kind} variant="outline" color="court.8" tt="none" radius="sm">
                        {t(`agreement.${kind}`, { defaultValue: kind })}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
