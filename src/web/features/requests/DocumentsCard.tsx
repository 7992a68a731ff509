import { Anchor, Badge, Code, Paper, Table, Text, Title } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { type RequestDocument, useOptionalRequestList } from './requests.api.ts'

/** Documents of the request with their SHA-256 (each download is audited); hidden while the route is absent. */
export function DocumentsCard({ requestId, userId }: { requestId: string; userId: string | null }) {
  const { t } = useTranslation()
  const headingId = useId()
  const list = useOptionalRequestList(requestId, userId, 'documents')
  if (!list.data) return null
  const items = list.data.items as RequestDocument[]
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby={headingId}
      data-testid="request-documents"
    >
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('request.documents')}
      </Title>
      {items.length === 0 ? (
        <Text size="sm">{t('request.no.documents')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('request.document')}</Table.Th>
                <Table.Th scope="col">{t('request.version')}</Table.Th>
                <Table.Th scope="col">SHA-256</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Anchor href={`/api/v1/documents/${encodeURIComponent(d.id)}/content`}>{d.filename}</Anchor>
                    {d.isRedactedPublicVersion && (
                      <Badge size="xs" ml={6} variant="light">
                        {t('request.redacted')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{d.version}</Table.Td>
                  <Table.Td>
                    <Code>{d.sha256.slice(0, 16)}…</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  )
}
