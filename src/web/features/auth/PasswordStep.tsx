import { Button, PasswordInput, Stack, TextInput } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { useLogin } from './auth.api.ts'

type PasswordStepProps = {
  email: string
  onEmailChange: (email: string) => void
  password: string
  onPasswordChange: (password: string) => void
}

export function PasswordStep({ email, onEmailChange, password, onPasswordChange }: PasswordStepProps) {
  const { t } = useTranslation()
  const login = useLogin()
  const [touched, setTouched] = useState(false)

  function submit(event: FormEvent) {
    event.preventDefault()
    setTouched(true)
    if (!email.trim() || !password) return
    login.mutate({ email: email.trim(), password })
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('signIn.passwordForm')}>
      <Stack gap="sm">
        <ApiErrorAlert error={login.error} testId="sign-in-error" />
        <TextInput
          label={t('signIn.email')}
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => onEmailChange(event.currentTarget.value)}
          error={touched && !email.trim() ? t('signIn.emailRequired') : undefined}
        />
        <PasswordInput
          label={t('signIn.password')}
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => onPasswordChange(event.currentTarget.value)}
          error={touched && !password ? t('signIn.passwordRequired') : undefined}
          visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
        />
        <Button type="submit" loading={login.isPending}>
          {t('signIn.submit')}
        </Button>
      </Stack>
    </form>
  )
}
