import { Anchor, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormatDate } from '../../format.ts'
import classes from './StatePage.module.css'
import type { StateSource } from './states.api.ts'

/** The page's numbered Sources; facts and agreements link here with [n]. */
export function StateSourcesList({ sources }: { sources: StateSource[] }) {
  const { t } = useTranslation()
  const formatDate = useFormatDate()
  return (
    <ol className={classes.sources} data-testid="sources-list">
      {sources.map((source, index) => (
        <li key={source.key} id={`source-${index + 1}`} className={classes.source}>
          {source.url ? (
            <Anchor href={source.url} target="_blank" rel="noreferrer noopener">
              {source.title}
            </Anchor>
          ) : (
            <Text span>{source.title}</Text>
          )}
          <Text size="sm" c="dimmed">
            {[
              source.date ? t('state.sourceDate', { date: formatDate(source.date) }) : null,
              source.reliability ? t('state.sourceReliability', { reliability: source.reliability }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </li>
      ))}
    </ol>
  )
}
