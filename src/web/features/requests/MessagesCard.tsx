import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { accountName, useFormatDateTime } from '../../format.ts'
import { type RequestMessage, useOptionalRequestList, usePostMessage } from './requests.api.ts'

/** The thread between the Court and the addressee; hidden while the server has no such route (404). */
export function MessagesCard({ requestId, userId }: { requestId: string; userId: string | null }) {
  const { t } = useTranslation()
  const headingId = useId()
  const formatDateTime = useFormatDateTime()
  const list = useOptionalRequestList(requestId, userId, 'messages')
  const post = usePostMessage(requestId)
  const [body, setBody] = useState('')
  if (!list.data) return null
  const items = list.data.items as RequestMessage[]
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
          if (body.trim()) post.mutate(body.trim(), { onSuccess: () => setBody('') })
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
          <ApiErrorAlert error={post.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={post.isPending} disabled={!body.trim()} data-testid="message-send">
              {t('request.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
