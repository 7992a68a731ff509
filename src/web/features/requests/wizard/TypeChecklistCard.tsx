import { Badge, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx'
import { useTypeChecklist } from '../requests.api.ts'
import { StatuteText } from '../StatuteText.tsx'
import { useChecklistWords } from '../useChecklistWords.ts'

/**
 * Before a draft exists: what a request of the chosen type must contain (89(3), 91, 92, 96), each
 * element with its paragraph and what will satisfy it, so the drafter knows from the first step.
 */
export function TypeChecklistCard({ type, afterConviction }: { type: string; afterConviction: boolean }) {
  const { t } = useTranslation()
  const words = useChecklistWords()
  const headingId = useId()
  const checklist = useTypeChecklist(type, afterConviction)
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} data-testid="type-checklist">
      <Title order={2} size="h4" id={headingId}>
        {t('requestChecklist.beforeDraft')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('requestChecklist.beforeDraftHelp')}
      </Text>
      {checklist.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      <ApiErrorAlert error={checklist.error} />
      {checklist.data && (
        <List spacing="sm" listStyleType="none" p={0}>
          {checklist.data.items.map((item) => (
            <List.Item key={item.ref} data-testid="type-checklist-item">
              <Stack gap={2}>
                <Group gap="xs">
                  <Badge color={item.required ? 'court' : 'gray.7'} variant="filled">
                    {t('requests.article', { ref: item.ref })}
                  </Badge>
                  <Text size="sm" fw={600}>
                    {words.label(item)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {item.required ? t('requestChecklist.required') : t('request.asApplicable')}
                  </Text>
                </Group>
                <Text size="xs">{t(`requestChecklist.satisfiedBy.${item.satisfiedBy}`)}</Text>
                {item.statuteText && <StatuteText text={item.statuteText} language={item.statuteTextLanguage} />}
              </Stack>
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  )
}
