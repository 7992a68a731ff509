import { Alert, Button, CopyButton, Group, List, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** The recovery codes, shown once after enrolment: copy them or save them as a text file. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation()
  const text = codes.join('\n')
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(`${t('recovery.fileHeader')}\n\n${text}\n`)}`
  return (
    <Stack gap="sm" data-testid="recovery-codes">
      <Alert color="yellow.3" variant="filled" title={t('recovery.title')}>
        {t('recovery.intro')}
      </Alert>
      <List type="ordered" spacing={4} ff="monospace">
        {codes.map((code) => (
          <List.Item key={code}>
            <Text component="span" ff="monospace">
              {code}
            </Text>
          </List.Item>
        ))}
      </List>
      <Group gap="sm">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('recovery.copied') : t('recovery.copy')}
            </Button>
          )}
        </CopyButton>
        <Button component="a" variant="default" href={download} download="partnine-recovery-codes.txt">
          {t('recovery.download')}
        </Button>
      </Group>
      <Button onClick={onDone}>{t('recovery.done')}</Button>
    </Stack>
  )
}
