import { Button, FileInput, Group, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { type PersonSoughtDetail, useSaveDetails, useUploadPhoto } from './persons-sought.api.ts'

const splitList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)

/** Court staff of the person: aliases, nationalities, description, and photos (PNG or JPEG). */
export function PersonEditCard({ person }: { person: PersonSoughtDetail }) {
  const { t } = useTranslation()
  const headingId = useId()
  const save = useSaveDetails(person.id)
  const upload = useUploadPhoto(person.id)
  const [aliases, setAliases] = useState(person.aliases.join(', '))
  const [nationalities, setNationalities] = useState(person.nationalities.join(', '))
  const [description, setDescription] = useState(person.physicalDescription ?? '')
  const [file, setFile] = useState<File | null>(null)
  const [caption, setCaption] = useState('')
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md" data-testid="person-edit">
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('personsSought.edit')}
      </Title>
      <Stack gap="sm">
        <TextInput
          label={t('personsSought.aliases')}
          description={t('personsSought.commaSeparated')}
          value={aliases}
          onChange={(e) => setAliases(e.currentTarget.value)}
        />
        <TextInput
          label={t('personsSought.nationalities')}
          description={t('personsSought.iso3Help')}
          value={nationalities}
          onChange={(e) => setNationalities(e.currentTarget.value)}
        />
        <Textarea
          label={t('personsSought.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group>
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate({
                aliases: splitList(aliases),
                nationalities: splitList(nationalities).map((n) => n.toUpperCase()),
                physicalDescription: description.trim() || null,
              })
            }
          >
            {t('personsSought.save')}
          </Button>
        </Group>
        <ApiErrorAlert error={save.error} />
        <Group align="flex-end" wrap="wrap">
          <FileInput
            label={t('personsSought.addPhoto')}
            accept="image/png,image/jpeg"
            value={file}
            onChange={setFile}
            clearable
            w={280}
          />
          <TextInput
            label={t('personsSought.caption')}
            value={caption}
            onChange={(e) => setCaption(e.currentTarget.value)}
            w={260}
          />
          <Button
            disabled={!file}
            loading={upload.isPending}
            onClick={() =>
              file &&
              upload.mutate(
                { file, caption: caption.trim() || null },
                {
                  onSuccess: () => {
                    setFile(null)
                    setCaption('')
                  },
                },
              )
            }
          >
            {t('personsSought.upload')}
          </Button>
        </Group>
        <ApiErrorAlert error={upload.error} />
      </Stack>
    </Paper>
  )
}
