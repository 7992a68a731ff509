import { Anchor, Badge, Button, Code, FileInput, Group, Paper, Select, Table, Text, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { useActiveUser } from '../auth/auth.api.ts'
import { useUploadDocument } from './documents.api.ts'
import { isCourtUser, type RequestDocument, useOptionalRequestList } from './requests.api.ts'

/** Documents of the request with their SHA-256 (each download is audited); hidden while the route is absent. */
export function DocumentsCard({ requestId, userId }: { requestId: string; userId: string | null }) {
  const { t } = useTranslation()
  const headingId = useId()
  const list = useOptionalRequestList(requestId, userId, 'documents')
  const upload = useUploadDocument(requestId)
  const court = isCourtUser(useActiveUser())
  const [file, setFile] = useState<File | null>(null)
  // "new", or "version:<id>" / "redacts:<id>": what the upload is to the documents already there.
  const [as, setAs] = useState('new')
  if (!list.data) return null
  const items = list.data.items as RequestDocument[]
  const latest = items.filter((d) => d.isLatestVersion && !d.isRedactedPublicVersion)
  const asOptions = [
    { value: 'new', label: t('request.uploadNew') },
    ...latest.map((d) => ({ value: `version:${d.id}`, label: t('request.uploadVersionOf', { name: d.filename }) })),
    // A redacted public version is the Court's to publish.
    ...(court
      ? latest.map((d) => ({ value: `redacts:${d.id}`, label: t('request.uploadRedactedOf', { name: d.filename }) }))
      : []),
  ]
  const send = () => {
    if (!file) return
    const [kind, id] = as.split(/:(.*)/s)
    upload.mutate(
      {
        file,
        supersedesDocumentId: kind === 'version' ? (id ?? null) : null,
        redactsDocumentId: kind === 'redacts' ? (id ?? null) : null,
      },
      {
        onSuccess: () => {
          setFile(null)
          setAs('new')
        },
      },
    )
  }
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
      <Group align="flex-end" wrap="wrap" mt="md" data-testid="document-upload">
        <FileInput
          label={t('request.uploadFile')}
          description={t('request.uploadHelp')}
          value={file}
          onChange={setFile}
          clearable
          w={300}
          data-testid="document-file"
        />
        <Select
          label={t('request.uploadAs')}
          data={asOptions}
          value={as}
          onChange={(v) => setAs(v ?? 'new')}
          allowDeselect={false}
          w={300}
        />
        <Button onClick={send} disabled={!file} loading={upload.isPending} data-testid="document-upload-send">
          {t('request.uploadButton')}
        </Button>
      </Group>
      <ApiErrorAlert error={upload.error} />
    </Paper>
  )
}
