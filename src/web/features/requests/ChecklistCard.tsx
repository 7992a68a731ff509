import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { TONE } from '../../theme.ts'
import type { RequestDetail } from './requests.api.ts'
import { StatuteText } from './StatuteText.tsx'
import { useChecklistWords } from './useChecklistWords.ts'

/** The content the Statute requires (91, 92, 89(3), 96): each element, satisfied or why it is missing. */
export function ChecklistCard({ checklist }: { checklist: RequestDetail['checklist'] }) {
  const { t } = useTranslation()
  const words = useChecklistWords()
  const headingId = useId()
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} data-testid="checklist">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('request.checklist')}
        </Title>
        <Badge color={checklist.complete ? TONE.success : 'red.9'} variant="filled" data-testid="checklist-status">
          {checklist.complete ? t('request.complete') : t('request.incomplete')}
        </Badge>
      </Group>
      <List spacing="sm" listStyleType="none" p={0}>
        {checklist.items.map((item) => (
          <List.Item key={item.ref} data-testid="checklist-item">
            <Stack gap={2}>
              <Group gap="xs">
                <Badge
                  color={item.satisfied ? TONE.success : item.required ? 'red.9' : 'gray.7'}
                  variant="filled"
                  aria-label={
                    item.satisfied
                      ? t('request.satisfied')
                      : item.required
                        ? t('request.missing')
                        : t('request.notGiven')
                  }
                >
                  {item.satisfied ? '✓' : '✗'} {t('requests.article', { ref: item.ref })}
                </Badge>
                <Text size="sm" fw={600}>
                  {words.label(item)}
                </Text>
                {!item.required && (
                  <Text size="xs" c="dimmed">
                    {t('request.asApplicable')}
                  </Text>
                )}
              </Group>
              {/* An element "as applicable" left out does not block approval: said, not flagged red. */}
              {!item.satisfied && (item.missing || item.reasons.length > 0) && (
                <Text
                  size="sm"
                  c={item.required ? 'red.9' : 'dimmed'}
                  data-testid={item.required ? 'checklist-missing' : 'checklist-not-given'}
                >
                  {item.required ? t('request.whyMissing') : t('request.whyNotGiven')} {words.missing(item)}
                </Text>
              )}
              {item.statuteText && <StatuteText text={item.statuteText} language={item.statuteTextLanguage} />}
            </Stack>
          </List.Item>
        ))}
      </List>
    </Paper>
  )
}
