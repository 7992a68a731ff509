import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { useMfa } from './auth.api.ts'

/** Second step: the six-digit code of the authenticator app, or one of the recovery codes. */
export function MfaStep() {
  const { t } = useTranslation()
  const mfa = useMfa()
  const [useRecovery, setUseRecovery] = useState(false)
  const [code, setCode] = useState('')
  const [touched, setTouched] = useState(false)
  const valid = useRecovery ? code.trim().length >= 8 : /^\d{6}$/.test(code.trim())

  function submit(event: FormEvent) {
    event.preventDefault()
    setTouched(true)
    if (!valid) return
    mfa.mutate(useRecovery ? { recoveryCode: code.trim() } : { code: code.trim() })
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('signIn.mfaForm')}>
      <Stack gap="sm">
        <Text>{useRecovery ? t('signIn.recoveryIntro') : t('signIn.mfaIntro')}</Text>
        <ApiErrorAlert error={mfa.error} testId="mfa-error" />
        {useRecovery ? (
          <TextInput
            key="recovery"
            name="recoveryCode"
            label={t('signIn.recoveryCode')}
            autoComplete="off"
            required
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={touched && !valid ? t('signIn.recoveryInvalid') : undefined}
          />
        ) : (
          <TextInput
            key="totp"
            name="code"
            label={t('signIn.code')}
            description={t('signIn.codeHelp')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            value={code}
            onChange={(event) => setCode(event.currentTarget.value.replace(/\s/g, ''))}
            error={touched && !valid ? t('signIn.codeInvalid') : undefined}
          />
        )}
        <Button type="submit" loading={mfa.isPending}>
          {t('signIn.verify')}
        </Button>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            setUseRecovery(!useRecovery)
            setCode('')
            setTouched(false)
            mfa.reset()
          }}
        >
          {useRecovery ? t('signIn.useCode') : t('signIn.useRecovery')}
        </Anchor>
      </Stack>
    </form>
  )
}
