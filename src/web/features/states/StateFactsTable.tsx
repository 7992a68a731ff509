import { Badge, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../../format.ts'
import { factRank, formatFactValue } from './fact-values.ts'
import { SourceRefs } from './SourceRefs.tsx'
import classes from './StatePage.module.css'
import type { StateFact, StateSource } from './states.api.ts'
import { VerificationBadge } from './VerificationBadge.tsx'

type StateFactsTableProps = {
  facts: StateFact[]
  sourceNumbers: Map<string, number>
  sources: Map<string, StateSource>
}

export function StateFactsTable({ facts, sourceNumbers, sources }: StateFactsTableProps) {
  const { t, i18n } = useTranslation()
  const ordered = [...facts].sort((a, b) => factRank(a.key) - factRank(b.key) || a.key.localeCompare(b.key))
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" data-testid="facts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('state.fact')}</Table.Th>
            <Table.Th scope="col">{t('state.value')}</Table.Th>
            <Table.Th scope="col">{t('state.verification')}</Table.Th>
            <Table.Th scope="col">{t('state.sources')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((fact) => {
            const value = formatFactValue(fact.key, fact.value, t, i18n.language)
            return (
              <Table.Tr key={fact.key} data-fact={fact.key}>
                <Table.Th scope="row" fw={500}>
                  {t(`state.facts.${fact.key}`, { defaultValue: fact.key })}
                </Table.Th>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    {value === null ? (
                      <Text span c="dimmed" fs="italic">
                        {t('state.noValue')}
                      </Text>
                    ) : (
                      <Text span>{value}</Text>
                    )}
                    {fact.notes && (
                      <Text size="sm" c="dimmed">
                        {fact.notes}
                      </Text>
                    )}
                    {fact.origin === 'admin' && (
                      <Badge variant="outline" color="court.8" tt="none" radius="sm" data-testid="badge-corrected">
                        {t('state.correctedByAdmin')}
                      </Badge>
                    )}
                    {fact.correction && (
                      <Text size="sm" c="dimmed">
                        {t('state.correctionDetail', {
                          by: fact.correction.by,
                          at: formatDate(fact.correction.at, i18n.language),
                          note: fact.correction.note,
                        })}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td className={classes.noWrap}>
                  <VerificationBadge isVerified={fact.verified} />
                </Table.Td>
                <Table.Td>
                  <SourceRefs sourceKeys={fact.sourceKeys} numbers={sourceNumbers} sources={sources} />
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
