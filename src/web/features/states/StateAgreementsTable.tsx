import { Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormatDate } from '../../format.ts'
import { SourceRefs } from './SourceRefs.tsx'
import classes from './StatePage.module.css'
import type { StateAgreement, StateSource } from './states.api.ts'
import { VerificationBadge } from './VerificationBadge.tsx'

type StateAgreementsTableProps = {
  agreements: StateAgreement[]
  sourceNumbers: Map<string, number>
  sources: Map<string, StateSource>
}

export function StateAgreementsTable({ agreements, sourceNumbers, sources }: StateAgreementsTableProps) {
  const { t } = useTranslation()
  const formatDate = useFormatDate()
  if (agreements.length === 0) return <Text c="dimmed">{t('state.noAgreements')}</Text>
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" data-testid="agreements-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('state.agreementColumns.kind')}</Table.Th>
            <Table.Th scope="col">{t('state.agreementColumns.title')}</Table.Th>
            <Table.Th scope="col">{t('state.agreementColumns.status')}</Table.Th>
            <Table.Th scope="col">{t('state.agreementColumns.signed')}</Table.Th>
            <Table.Th scope="col">{t('state.agreementColumns.entryIntoForce')}</Table.Th>
            <Table.Th scope="col">{t('state.verification')}</Table.Th>
            <Table.Th scope="col">{t('state.sources')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agreements.map((agreement) => (
            <Table.Tr key={agreement.id}>
              <Table.Th scope="row" fw={500}>
                {t(`agreement.${agreement.kind}`, { defaultValue: agreement.kind })}
              </Table.Th>
              <Table.Td>
                <Text span>{agreement.title ?? '—'}</Text>
                {agreement.person && (
                  <Text size="sm">
                    {t('state.agreementColumns.person')}: {agreement.person}
                  </Text>
                )}
                {agreement.notes && (
                  <Text size="sm" c="dimmed">
                    {agreement.notes}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t(`agreementStatus.${agreement.status}`, { defaultValue: agreement.status })}</Table.Td>
              <Table.Td>{formatDate(agreement.dateSigned) || '—'}</Table.Td>
              <Table.Td>{formatDate(agreement.entryIntoForceDate) || '—'}</Table.Td>
              <Table.Td className={classes.noWrap}>
                <VerificationBadge isVerified={agreement.verified} />
              </Table.Td>
              <Table.Td>
                <SourceRefs sourceKeys={agreement.sourceKeys} numbers={sourceNumbers} sources={sources} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
