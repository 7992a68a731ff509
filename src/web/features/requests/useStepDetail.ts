import { useTranslation } from 'react-i18next'
import { useFormatDate } from '../../format.ts'

/**
 * What a step recorded of itself (an event's payload, or a request's status detail), in words: the
 * problem raised under article 97, the postponement's basis and period, the ground of a refusal,
 * the channel of a transmission, a deadline's change. Null when there is nothing to say.
 */
export function useStepDetail() {
  const { t } = useTranslation()
  const formatDate = useFormatDate()
  return (detail: Record<string, unknown> | null | undefined): string | null => {
    if (!detail) return null
    const text = (key: string) => (typeof detail[key] === 'string' ? (detail[key] as string) : null)
    const issue = text('issue')
    if (issue) return t('stepDetail.issue', { issue: t(`issue.${issue}`, { defaultValue: issue }) })
    const ground = text('ground')
    if (ground) return t('stepDetail.ground', { ground: t(`ground.${ground}`, { defaultValue: ground }) })
    const basis = text('basis')
    if (basis) {
      const until = text('postponedUntil')
      const what = t(`postponeBasis.${basis}`, { defaultValue: basis })
      return until ? t('stepDetail.postponedUntil', { basis: what, date: formatDate(until) }) : what
    }
    const channel = text('channel')
    if (channel) return t('stepDetail.channel', { channel: t(`channel.${channel}`, { defaultValue: channel }) })
    const deadline = text('deadline')
    const to = text('to')
    if (deadline && to)
      return t('stepDetail.deadline', {
        deadline: t(deadline === 'response' ? 'request.responseDeadline' : 'request.ackDeadline'),
        from: text('from') ? formatDate(text('from')) : '—',
        to: formatDate(to),
      })
    return null
  }
}
