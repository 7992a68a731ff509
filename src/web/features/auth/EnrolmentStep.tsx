import { Button, Code, Group, Image, Loader, Stack, Text, TextInput } from '@mantine/core'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { useBeginEnrolment, type useConfirmEnrolment } from './auth.api.ts'

/** First sign-in: set up the authenticator app (QR code or secret), confirm with a first code. */
/** `confirm` lives in the sign-in page, which shows the recovery codes it returns. */
export function EnrolmentStep({ confirm }: { confirm: ReturnType<typeof useConfirmEnrolment> }) {
  const { t } = useTranslation()
  const begin = useBeginEnrolment()
  const [code, setCode] = useState('')
  const [touched, setTouched] = useState(false)
  const started = useRef(false)
  const valid = /^\d{6}$/.test(code)

  useEffect(() => {
    if (started.current) return
    started.current = true
    begin.mutate()
  }, [begin])

  function submit(event: FormEvent) {
    event.preventDefault()
    setTouched(true)
    if (!valid) return
    confirm.mutate({ code })
  }

  if (begin.isError) return <ApiErrorAlert error={begin.error} />
  if (!begin.data) return <Loader aria-label={t('app.loading')} />
  return (
    <form onSubmit={submit} noValidate aria-label={t('enrol.form')}>
      <Stack gap="sm">
        <Text>{t('enrol.intro')}</Text>
        <Group align="flex-start" gap="lg" wrap="wrap">
          <Image src={begin.data.qrDataUrl} alt={t('enrol.qrAlt')} w={200} h={200} data-testid="enrol-qr" />
          <Stack gap={4} maw={320}>
            <Text size="sm">{t('enrol.secretLabel')}</Text>
            <Code block data-testid="enrol-secret">
              {begin.data.secret}
            </Code>
          </Stack>
        </Group>
        <ApiErrorAlert error={confirm.error} testId="enrol-error" />
        <TextInput
          name="code"
          label={t('enrol.code')}
          description={t('signIn.codeHelp')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          value={code}
          onChange={(event) => setCode(event.currentTarget.value.replace(/\s/g, ''))}
          error={touched && !valid ? t('signIn.codeInvalid') : undefined}
        />
        <Button type="submit" loading={confirm.isPending}>
          {t('enrol.confirm')}
        </Button>
      </Stack>
    </form>
  )
}
