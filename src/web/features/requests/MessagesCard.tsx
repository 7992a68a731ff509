import { Button, Group, MultiSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { accountName, useFormatDateTime } from '../../format.ts'
import { type RequestDocument, type RequestMessage, useOptionalRequestList, usePostMessage } from './requests.api.ts'

/** The thread between the Court and the addressee; hidden while the server has no such route (404). */
export function MessagesCard({
  requestId,
  userId,
  reminder = null,
  reminderLanguage = null,
}: {
  requestId: string
  userId: string | null
  /** A reminder the Court may send, the request being overdue (useReminder), and its language. */
  reminder?: string | null
  reminderLanguage?: string | null
}) {
  const { t } = useTranslation()
  const headingId = useId()
  const formatDateTime = useFormatDateTime()
  const list = useOptionalRequestList(requestId, userId, 'messages')
  const post = usePostMessage(requestId)
  const documents = useOptionalRequestList(requestId, userId, 'documents')
  const [body, setBody] = useState('')
  const [attachmentIds, setAttachmentIds] = useState<string[]>([])
  if (!list.data) return null
  const items = list.data.items as RequestMessage[]
  // A document goes with one message at most: those not attached yet may be.
  const attachable = ((documents.data?.items ?? []) as RequestDocument[]).filter((d) => d.messageId === null)
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} data-testid="request-messages">
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('request.messages')}
      </Title>
      {items.length === 0 ? (
        <Text size="sm">{t('request.no.messages')}</Text>
      ) : (
        <Stack gap="sm" component="ol" p={0} m={0} aria-label={t('request.messages')}>
          {items.map((m) => (
            <Paper key={m.id} component="li" withBorder p="xs" radius="sm" data-testid="message">
              <Text size="xs" c="dimmed">
                {accountName(m.author)} ({m.authorOrg}) · {formatDateTime(m.createdAt)}
              </Text>
              <Text size="sm">{m.body}</Text>
              {m.attachments.length > 0 && (
                <Text size="xs" c="dimmed">
                  {t('request.attachments', { names: m.attachments.map((a) => a.filename).join(', ') })}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (body.trim())
            post.mutate(
              { body: body.trim(), attachmentIds },
              {
                onSuccess: () => {
                  setBody('')
                  setAttachmentIds([])
                },
              },
            )
        }}
      >
        <Stack gap="xs" mt="md">
          <Textarea
            label={t('request.newMessage')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            autosize
            minRows={2}
            data-testid="message-body"
          />
          {attachable.length > 0 && (
            <MultiSelect
              label={t('request.attach')}
              description={t('request.attachHelp')}
              data={attachable.map((d) => ({ value: d.id, label: `${d.filename} (v${d.version})` }))}
              value={attachmentIds}
              onChange={setAttachmentIds}
              data-testid="message-attachments"
            />
          )}
          <ApiErrorAlert error={post.error} />
          <Group justify={reminder ? 'space-between' : 'flex-end'} align="flex-start" wrap="wrap">
            {reminder && (
              <Stack gap={2} maw={520}>
                <Button variant="default" onClick={() => setBody(reminder)} data-testid="message-reminder">
                  {t('reminder.draft')}
                </Button>
                <Text size="xs" c="dimmed">
                  {t('reminder.draftHelp', { language: reminderLanguage ?? '' })}
                </Text>
              </Stack>
            )}
            <Button type="submit" loading={post.isPending} disabled={!body.trim()} data-testid="message-send">
              {t('request.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
