import { useTranslation } from 'react-i18next'
import { formatDate } from '../../format.ts'
import { WITH_THE_STATE_STATUSES } from './request-statuses.ts'
import { isCourtUser, type RequestDetail } from './requests.api.ts'

/**
 * The Court chases a request whose deadline has passed: a reminder to send in its thread, which
 * the officer reads and may change before sending. It names the deadline missed (acknowledgement
 * first) and recalls articles 86 and 97, in the request's language where that is French, else in
 * English: the working languages of the Court (article 50(2)). Null when there is nothing to chase
 * or the reader is not the Court.
 */
export function useReminder(
  r: RequestDetail | undefined,
  user: { orgKind: string; role: string } | null,
): string | null {
  const { i18n } = useTranslation()
  if (!r || !isCourtUser(user) || !r.isOverdue || !WITH_THE_STATE_STATUSES.includes(r.status)) return null
  const language = r.language === 'fr' ? 'fr' : 'en'
  const t = i18n.getFixedT(language)
  const missed = r.isAcknowledgementOverdue ? 'acknowledgement' : 'response'
  const deadline = missed === 'acknowledgement' ? r.acknowledgementDeadline : r.responseDeadline
  return t(`reminder.${missed}`, {
    reference: r.reference,
    type: t(`requestType.${r.requestType}`, { defaultValue: r.requestType }),
    date: formatDate(deadline, language),
  })
}
