import type { Proposal } from './arrest.schemas.ts'

// What the Court may ask a State when a person sought is reported on its territory: whether the
// State is bound, which request, and the reminder of its obligations. Pure functions over facts
// the service gathers (the State's status and declarations, the agreements the caller may see,
// the Statute text), so every rule here is tested without a database.

export type StateFacts = {
  iso3: string
  nameEn: string
  nameFr: string
  romeStatus: string
  withdrawalEffectiveDate: string | null
}
export type Arrangement = { id: string; title: string | null; kind: string; status: string }

/** Kinds of agreement that can carry cooperation by a State not party under 87(5)(a). */
const AD_HOC_KINDS = new Set(['ad_hoc_arrangement', 'ad_hoc_agreement', 'cooperation_agreement'])
const BINDING_STATUSES = new Set(['signed', 'in_force'])

export function pickArrangement(agreements: Arrangement[]): Arrangement | null {
  return agreements.find((a) => AD_HOC_KINDS.has(a.kind) && BINDING_STATUSES.has(a.status)) ?? null
}

export function assessBinding(state: StateFacts, arrangement: Arrangement | null): Proposal['binding'] {
  if (state.romeStatus === 'party') {
    return {
      isBound: true,
      basis: 'state_party',
      articles: ['86', '89(1)', '59(1)'],
      explanation: {
        en: `${state.nameEn} is a State Party: it shall cooperate fully with the Court (article 86) and comply with requests for arrest and surrender under Part 9 and its national procedure (article 89(1)); on receiving the request it shall immediately take steps to arrest the person (article 59(1)).`,
        fr: `${state.nameFr} est un État Partie : il coopère pleinement avec la Cour (article 86) et répond aux demandes d’arrestation et de remise conformément au chapitre IX et à sa procédure nationale (article 89-1) ; dès réception de la demande, il prend immédiatement des mesures pour faire arrêter la personne (article 59-1).`,
      },
      arrangement: null,
    }
  }
  if (arrangement) {
    const title = arrangement.title ?? arrangement.id
    return {
      isBound: true,
      basis: 'ad_hoc_arrangement',
      articles: ['87(5)(a)', '87(5)(b)'],
      explanation: {
        en: `${state.nameEn} is not a State Party, but it entered into an ad hoc arrangement or agreement with the Court (“${title}”, ${arrangement.status}) under article 87(5)(a); failing to cooperate under it may be reported to the Assembly of States Parties or, where the Security Council referred the matter, to the Council (article 87(5)(b)).`,
        fr: `${state.nameFr} n’est pas un État Partie, mais a conclu avec la Cour un arrangement ou un accord ad hoc (« ${title} », ${arrangement.status}) au titre de l’article 87-5-a ; un manquement peut être signalé à l’Assemblée des États Parties ou, si le Conseil de sécurité a saisi la Cour, au Conseil (article 87-5-b).`,
      },
      arrangement,
    }
  }
  if (state.romeStatus === 'withdrawn') {
    const date = state.withdrawalEffectiveDate ?? 'its withdrawal'
    return {
      isBound: false,
      basis: 'withdrawn',
      articles: ['127(2)', '87(5)(a)'],
      explanation: {
        en: `${state.nameEn} withdrew from the Statute (effective ${date}). It is no longer bound as a State Party, except that under article 127(2) it remains bound to cooperate in investigations and proceedings commenced before the withdrawal took effect: check whether this case is one before relying on it. Otherwise the request is an invitation under article 87(5)(a).`,
        fr: `${state.nameFr} s’est retiré du Statut (avec effet au ${date}). Il n’est plus lié en tant qu’État Partie, sauf qu’en vertu de l’article 127-2 il reste tenu de coopérer aux enquêtes et procédures commencées avant la prise d’effet du retrait : vérifier si cette affaire en fait partie. À défaut, la demande est une invitation au titre de l’article 87-5-a.`,
      },
      arrangement: null,
    }
  }
  return {
    isBound: false,
    basis: 'none',
    articles: ['87(5)(a)', '89(1)'],
    explanation: {
      en: `${state.nameEn} is not a State Party and no ad hoc arrangement or agreement with it is known to you. The Court may still transmit a request for arrest and surrender to any State where the person may be found (article 89(1)), as an invitation to cooperate under article 87(5)(a). A Security Council resolution may bind it (article 13(b)); this system does not record such resolutions.`,
      fr: `${state.nameFr} n’est pas un État Partie et aucun arrangement ou accord ad hoc avec lui ne vous est connu. La Cour peut néanmoins adresser une demande d’arrestation et de remise à tout État sur le territoire duquel la personne peut se trouver (article 89-1), à titre d’invitation à coopérer (article 87-5-a). Une résolution du Conseil de sécurité peut le lier (article 13-b) ; ce système n’enregistre pas ces résolutions.`,
    },
    arrangement: null,
  }
}

export type RequestType = 'ARREST_AND_SURRENDER' | 'PROVISIONAL_ARREST'

/**
 * Provisional arrest is for urgent cases, pending the request for surrender (92(1)); otherwise
 * the request for arrest and surrender with its supporting material (89(1), 91). When the
 * warrants feature says whether a warrant of arrest exists, `hasArrestWarrant` refines the note.
 */
export function chooseRequestType(
  urgency: 'normal' | 'urgent',
  hasArrestWarrant: boolean | null,
): { type: RequestType; reason: { en: string; fr: string } } {
  const warrantNote =
    hasArrestWarrant === false
      ? {
          en: ' No warrant of arrest is recorded for this person: both requests rest on one (articles 58, 91(2)(b), 92(2)(c)).',
          fr: ' Aucun mandat d’arrêt n’est enregistré pour cette personne : les deux demandes en supposent un (articles 58, 91-2-b, 92-2-c).',
        }
      : { en: '', fr: '' }
  if (urgency === 'urgent') {
    return {
      type: 'PROVISIONAL_ARREST',
      reason: {
        en: `The opportunity is urgent: a provisional arrest may be requested pending the request for surrender (article 92(1)).${warrantNote.en}`,
        fr: `L’occasion est urgente : une arrestation provisoire peut être demandée en attendant la demande de remise (article 92-1).${warrantNote.fr}`,
      },
    }
  }
  return {
    type: 'ARREST_AND_SURRENDER',
    reason: {
      en: `A request for arrest and surrender with the supporting material of article 91 (article 89(1)).${warrantNote.en}`,
      fr: `Une demande d’arrestation et de remise accompagnée des pièces de l’article 91 (article 89-1).${warrantNote.fr}`,
    },
  }
}

export function legalBasisFor(type: RequestType, binding: Proposal['binding']): string {
  const specific = type === 'PROVISIONAL_ARREST' ? '92' : '91'
  if (binding.basis === 'state_party') return `Rome Statute, articles 86, 89(1) and ${specific}`
  if (binding.basis === 'ad_hoc_arrangement')
    return `Rome Statute, articles 87(5)(a), 89(1) and ${specific}; ad hoc arrangement “${binding.arrangement?.title ?? binding.arrangement?.id}”`
  return `Rome Statute, articles 87(5)(a), 89(1) and ${specific} (invitation to cooperate)`
}

export type StatuteParagraph = { ref: string; text: string | null; verified: boolean }

const HEADINGS: Record<string, { en: string; fr: string }> = {
  '86': { en: 'General obligation to cooperate', fr: 'Obligation générale de coopérer' },
  '87': { en: 'Cooperation of States not party', fr: 'Coopération des États non parties' },
  '89': { en: 'Surrender of persons to the Court', fr: 'Remise de certaines personnes à la Cour' },
  '59': { en: 'Arrest proceedings in the custodial State', fr: 'Procédure d’arrestation dans l’État de détention' },
  '92': { en: 'Provisional arrest', fr: 'Arrestation provisoire' },
}

/** The paragraphs the reminder quotes, in order. */
export function reminderRefs(type: RequestType, binding: Proposal['binding']): string[] {
  const duty = binding.basis === 'state_party' ? ['86', '89(1)'] : ['87(5)(a)', '87(5)(b)', '89(1)']
  const arrest = ['59(1)', '59(2)', '59(2)(a)', '59(2)(b)', '59(2)(c)', '59(7)']
  const provisional = type === 'PROVISIONAL_ARREST' ? ['92(1)', '92(2)', '92(3)'] : []
  return [...duty, ...arrest, ...provisional]
}

/**
 * The reminder, in the State's language where that is English or French. The reference data
 * holds the English authentic text only: in French the headings are ours and the note says the
 * Statute text is quoted in English.
 */
export function buildReminder(
  refs: string[],
  paragraphs: Map<string, StatuteParagraph>,
  stateLanguage: string | null,
): Proposal['reminder'] {
  const language: 'en' | 'fr' = stateLanguage === 'fr' ? 'fr' : 'en'
  let note: string | null = null
  if (language === 'fr')
    note =
      'Le texte français du Statut ne figure pas dans les données de référence : les articles sont cités dans le texte anglais, qui fait également foi (article 128).'
  else if (stateLanguage && stateLanguage !== 'en')
    note = `The State declared “${stateLanguage}” under article 87(2); the reminder is given in English, a working language of the Court.`
  return {
    language,
    stateLanguage,
    note,
    items: refs.map((ref) => {
      const p = paragraphs.get(ref)
      const article = ref.split('(')[0] as string
      const heading = HEADINGS[article]?.[language] ?? `Article ${article}`
      return { ref, heading, text: p?.text ?? null, textLanguage: 'en' as const, verified: p?.verified ?? false }
    }),
  }
}

const RELIABILITY: Record<string, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
}
const CREDIBILITY: Record<string, string> = {
  '1': 'confirmed by other sources',
  '2': 'probably true',
  '3': 'possibly true',
  '4': 'doubtful',
  '5': 'improbable',
  '6': 'truth cannot be judged',
}

/** "B2 — usually reliable source, information probably true" (Admiralty grading). */
export function describeGrading(reliability: string, credibility: string): string {
  return `${reliability}${credibility} — source ${RELIABILITY[reliability] ?? '?'}, information ${CREDIBILITY[credibility] ?? '?'}`
}

export type ReportFacts = {
  personName: string
  kind: 'presence' | 'travel'
  place: string
  stateName: string
  fromDate: string
  toDate: string | null
}

function period(r: ReportFacts): string {
  return r.toDate && r.toDate !== r.fromDate ? `from ${r.fromDate} to ${r.toDate}` : `on ${r.fromDate}`
}

/**
 * The facts as they may go to the State. The source and its grading stay with the Court: a
 * request is read by the requested State's authorities, and naming the source could burn it.
 */
export function draftFacts(r: ReportFacts): string {
  const what = r.kind === 'travel' ? 'is expected to travel to' : 'is present in'
  return [
    `Information received by the Court indicates that ${r.personName} ${what} ${r.place}, ${r.stateName}, ${period(r)}.`,
    'To be completed before approval: the crimes for which the arrest is sought and the facts alleged to constitute them.',
  ].join('\n')
}

export function draftSummary(type: RequestType, r: ReportFacts): string {
  const head = type === 'PROVISIONAL_ARREST' ? 'Provisional arrest' : 'Arrest and surrender'
  return `${head} of ${r.personName} — reported ${r.kind} in ${r.stateName}`
}

export function locationAnswer(r: ReportFacts): string {
  return `${r.personName}. Probable location: ${r.place}, ${r.stateName}, ${period(r)}.`
}
