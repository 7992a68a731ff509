import { Alert } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../http.ts'
import { TONE } from '../theme.ts'

/** The API's error, translated by its code; the server's message when the code is not known here. */
export function useErrorMessage() {
  const { t, i18n } = useTranslation()
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      const key = `errors.${error.code}`
      return i18n.exists(key) ? t(key) : error.message
    }
    return t('errors.NETWORK')
  }
}

export function ApiErrorAlert({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation()
  const message = useErrorMessage()
  if (!error) return null
  return (
    <Alert
      color={TONE.danger}
      variant="light"
      title={t('errors.title')}
      role="alert"
      data-testid={testId ?? 'api-error'}
    >
      {message(error)}
    </Alert>
  )
}
