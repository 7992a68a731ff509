import type { NotificationEvent } from './notifications.table.ts'

// What a notification says: that something happened on a request, and where to read it, in
// English and French (the Court's working languages, article 50(2)), and nothing else. A mail
// leaves the platform's need-to-know: it may be forwarded, kept in a mailbox the platform does not
// control, read over a shoulder. So it names neither the request's reference, nor its type, State,
// person or text: the link asks the reader to sign in, and the platform decides then what they see.

const WHAT: Record<NotificationEvent, { en: string; fr: string }> = {
  transmitted: {
    en: 'A request for cooperation has been transmitted to you',
    fr: 'Une demande de coopération vous a été transmise',
  },
  delegated: {
    en: 'A request for cooperation has been delegated to you',
    fr: 'Une demande de coopération vous a été déléguée',
  },
  step: {
    en: 'A request for cooperation you follow has moved to another stage',
    fr: 'Une demande de coopération que vous suivez est passée à une autre étape',
  },
  message: {
    en: 'There is a new message on a request for cooperation you follow',
    fr: 'Un nouveau message a été posté sur une demande de coopération que vous suivez',
  },
  deadline: {
    en: 'A deadline of a request for cooperation you follow has changed',
    fr: "Un délai d'une demande de coopération que vous suivez a été modifié",
  },
  due_soon: {
    en: 'The deadline of a request for cooperation awaiting your answer is near',
    fr: "Le délai d'une demande de coopération qui attend votre réponse approche",
  },
  overdue: {
    en: 'The deadline of a request for cooperation awaiting your answer has passed',
    fr: "Le délai d'une demande de coopération qui attend votre réponse est dépassé",
  },
  acknowledgement_overdue: {
    en: 'A request for cooperation transmitted to you has not been acknowledged in time',
    fr: "Une demande de coopération qui vous a été transmise n'a pas fait l'objet d'un accusé de réception dans le délai",
  },
  awaiting_transmission: {
    en: 'A request for cooperation has been approved and awaits transmission',
    fr: 'Une demande de coopération a été approuvée et attend sa transmission',
  },
  addressee_overdue: {
    en: 'A request for cooperation you follow has passed its response deadline without an answer',
    fr: 'Une demande de coopération que vous suivez a dépassé son délai de réponse sans réponse',
  },
}

export type NotificationMail = { subject: string; text: string; headers: Record<string, string> }

// RFC 3834: an automatic message, which auto-responders must not answer.
const AUTOMATIC = { 'Auto-Submitted': 'auto-generated' }
const WHY_SO_LITTLE = {
  en: 'This notice says nothing of the requests on purpose: what they hold is shown only to those who need to know it, once signed in.',
  fr: "Cet avis ne dit rien des demandes, à dessein : leur contenu n'est montré qu'aux personnes qui ont besoin d'en connaître, une fois connectées.",
}

/**
 * The summary a day of one who asked for it: each request's link once, under it what happened,
 * oldest first, in English then French. `items` is in the order the notifications were queued.
 */
export function composeSummary(items: readonly { event: NotificationEvent; link: string }[]): NotificationMail {
  const byLink = new Map<string, NotificationEvent[]>()
  for (const { event, link } of items) byLink.set(link, [...(byLink.get(link) ?? []), event])
  const notices = items.length
  const requests = byLink.size
  const en = `${notices} ${notices === 1 ? 'notice' : 'notices'} on ${requests} ${requests === 1 ? 'request' : 'requests'} for cooperation`
  const fr = `${notices} avis sur ${requests} ${requests === 1 ? 'demande' : 'demandes'} de coopération`
  const list = (lang: 'en' | 'fr') =>
    [...byLink].flatMap(([link, events]) => [link, ...events.map((e) => `  - ${WHAT[e][lang]}`), ''])
  return {
    subject: `Part IX: ${en} / ${fr}`,
    text: [
      `Your summary of the day: ${en}. Sign in to Part IX to read them:`,
      '',
      ...list('en'),
      WHY_SO_LITTLE.en,
      '',
      '—',
      '',
      `Votre résumé du jour : ${fr}. Connectez-vous à Part IX pour les consulter :`,
      '',
      ...list('fr'),
      WHY_SO_LITTLE.fr,
      '',
    ].join('\n'),
    headers: AUTOMATIC,
  }
}

/** The mail telling of `event` on the request at `link`. */
export function composeNotification(event: NotificationEvent, link: string): NotificationMail {
  const what = WHAT[event]
  return {
    subject: `Part IX: ${what.en} / ${what.fr}`,
    text: [
      `${what.en}.`,
      '',
      'Sign in to Part IX to read it:',
      link,
      '',
      'This notice says nothing of the request on purpose: what it holds is shown only to those who need to know it, once signed in.',
      '',
      '—',
      '',
      `${what.fr}.`,
      '',
      'Connectez-vous à Part IX pour la consulter :',
      link,
      '',
      "Cet avis ne dit rien de la demande, à dessein : son contenu n'est montré qu'aux personnes qui ont besoin d'en connaître, une fois connectées.",
      '',
    ].join('\n'),
    headers: AUTOMATIC,
  }
}
