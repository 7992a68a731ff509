import { Anchor, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { StateSource } from './states.api.ts'

type SourceRefsProps = { sourceKeys: string[]; numbers: Map<string, number>; sources: Map<string, StateSource> }

/** Numbered references ([1], [2]) pointing into the page's Sources list. */
export function SourceRefs({ sourceKeys, numbers, sources }: SourceRefsProps) {
  const { t } = useTranslation()
  if (sourceKeys.length === 0) return <span>—</span>
  return (
    <Group gap={4} wrap="wrap">
      {sourceKeys.map((key) => {
        const n = numbers.get(key)
        const source = sources.get(key)
        if (n === undefined || !source) return null
        return (
          <Anchor
            key={key}
            href={`#source-${n}`}
            size="sm"
            aria-label={t('state.sourceRef', { n, title: source.title })}
            title={source.title}
          >
            [{n}]
          </Anchor>
        )
      })}
    </Group>
  )
}
