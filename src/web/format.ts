import { useTranslation } from 'react-i18next'

/**
 * Formats an ISO date (`2002-07-01`) or timestamp in the UI language. Treaty dates are calendar
 * dates, so they are shown in UTC: a local time zone west of Greenwich would move them a day back.
 */
export function formatDate(value: string | null | undefined, language: string): string {
  if (!value) return ''
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date)
}

export function useFormatDate() {
  const { i18n } = useTranslation()
  return (value: string | null | undefined) => formatDate(value, i18n.language)
}

/** Language codes (`en`, `fr`, `es`) as names in the UI language. */
export function formatLanguageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}

/** A timestamp with its time, in the UI language and the browser's time zone. */
export function formatDateTime(value: string | null | undefined, language: string): string {
  if (!value) return ''
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date)
}

export function useFormatDateTime() {
  const { i18n } = useTranslation()
  return (value: string | null | undefined) => formatDateTime(value, i18n.language)
}

/**
 * Who acted, as a reader names them: the audit trail and the records name a person `user:<e-mail>`
 * (and the server `system:<name>`, the command line `operator:<name>`); pages show the e-mail.
 */
export function accountName(actor: string): string {
  return actor.startsWith('user:') ? actor.slice('user:'.length) : actor
}
