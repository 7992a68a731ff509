import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/**
 * A paragraph of the Statute, verbatim from the reference data. Only the English text is stored:
 * in another UI language it is marked as English (lang="en", so screen readers switch voice) and
 * a note says why.
 */
export function StatuteText({ text, language }: { text: string; language: string | null }) {
  const { t, i18n } = useTranslation()
  const foreign = language !== null && !i18n.language.startsWith(language)
  return (
    <>
      <Text size="xs" c="dimmed" fs="italic" component="blockquote" m={0} lang={language ?? undefined}>
        {text}
      </Text>
      {foreign && (
        <Text size="xs" c="dimmed" data-testid="statute-english-only">
          {t('requestChecklist.englishOnly')}
        </Text>
      )}
    </>
  )
}
