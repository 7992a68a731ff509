import { Paper, Stack, Text, Title } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormatDateTime } from '../../format.ts'
import { useOptionalRequestList } from './requests.api.ts'

const str = (v: unknown) => (typeof v === 'string' ? v : null)

/** Messages or documents of a request; hidden while the server has no such route (404). */
export function OptionalItemsCard({
  requestId,
  userId,
  part,
}: {
  requestId: string
  userId: string | null
  part: 'messages' | 'documents'
}) {
  const { t } = useTranslation()
  const headingId = useId()
  const formatDateTime = useFormatDateTime()
  const list = useOptionalRequestList(requestId, userId, part)
  if (!list.data) return null
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby={headingId}
      data-testid={`request-${part}`}
    >
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t(`request.${part}`)}
      </Title>
      {list.data.items.length === 0 ? (
        <Text size="sm">{t(`request.no.${part}`)}</Text>
      ) : (
        <Stack gap="xs">
          {list.data.items.map((item, i) => (
            <div key={str(item.id) ?? i}>
              <Text size="sm" fw={600}>
                {str(item.filename) ?? str(item.name) ?? str(item.authorName) ?? str(item.author) ?? ''}
              </Text>
              <Text size="sm">{str(item.body) ?? str(item.sha256) ?? ''}</Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(str(item.createdAt) ?? str(item.sentAt))}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  )
}
