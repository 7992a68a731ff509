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

const CHAMBERS_FR: Record<string, string> = {
  'Pre-Trial': 'Chambre préliminaire',
  Trial: 'Chambre de première instance',
  Appeals: 'Chambre d’appel',
}

/**
 * A Chamber's name as recorded (in English, e.g. "Pre-Trial Chamber II") in the UI language: the
 * Chambers (article 39) have their French names, French being a working language of the Court
 * (article 50(2)); a name of another form is shown as recorded.
 */
export function formatChamber(name: string | null | undefined, language: string): string {
  if (!name) return '—'
  const m = /^(Pre-Trial|Trial|Appeals) Chamber(?: ([IVXLC]+))?( \(fictional\))?$/.exec(name.trim())
  if (language !== 'fr' || !m) return name
  const french = [CHAMBERS_FR[m[1] ?? ''], m[2]].filter(Boolean).join(' ')
  return m[3] ? `${french} (fictive)` : french
}

export function useFormatChamber() {
  const { i18n } = useTranslation()
  return (name: string | null | undefined) => formatChamber(name, i18n.language)
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
