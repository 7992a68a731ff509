import { Alert, Badge, Paper, Stack, Text, Title } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { TONE } from '../../theme.ts'
import type { Proposal } from './arrest.api.ts'

/**
 * The reminder of the State's obligations, in the State's language when it is English or French.
 * Headings are in that language; the Statute is quoted in English (the only text the reference
 * data holds), and marked so for screen readers.
 */
export function ObligationsReminder({ reminder }: { reminder: Proposal['reminder'] }) {
  const { t } = useTranslation()
  const headingId = useId()
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby={headingId}
      data-testid="obligations-reminder"
    >
      <Title order={2} size="h4" id={headingId} mb="xs">
        {t('arrest.reminder.title')}{' '}
        <Badge variant="outline" color="dark" size="sm">
          {reminder.language.toUpperCase()}
        </Badge>
      </Title>
      {reminder.note && (
        <Alert color={TONE.neutral} variant="light" mb="sm" lang={reminder.language} data-testid="reminder-note">
          {reminder.note}
        </Alert>
      )}
      <Stack gap="sm" lang={reminder.language}>
        {reminder.items.map((item) => (
          <div key={item.ref} data-testid="reminder-item">
            <Text fw={600} size="sm">
              {item.heading} — {item.ref}
            </Text>
            {item.text ? (
              <Text size="sm" lang={item.textLanguage}>
                {item.text}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t('arrest.reminder.noText')}
              </Text>
            )}
          </div>
        ))}
      </Stack>
    </Paper>
  )
}
