import type { RomeStatus } from '../states/states.table.ts'

// The catalogue's two rules on who: whom each type of request can be addressed to (below), and
// which organs originate it (originatedBy, at the end).
//
// Whom each type of request can be addressed to. Part IX binds States Parties (article 86); a State
// not party is invited to cooperate under article 87(5)(a); an intergovernmental organisation is
// asked under article 87(6), which is the whole basis of what the Court may ask of it. So:
// a request to an organisation is a request under 87(6) (IGO_REQUEST) and nothing else; a request
// under 87(6) goes to an organisation; an invitation under 87(5)(a) (NON_PARTY_AD_HOC) goes to a
// State that is not a party. Every other type goes to a State, party or not (a State not party
// can be bound by an ad hoc arrangement, an agreement or a Security Council decision, and a State
// that withdrew stays bound for what began before, article 127(2)). Information sought in a
// preliminary examination is outside Part IX: article 15(2) lets the Prosecutor ask States and
// organs of the United Nations or intergovernmental organisations alike, bound or not.

export type AddressedTo = 'state' | 'state_not_party' | 'organisation' | 'state_or_organisation'
export const ADDRESSED_TO: readonly AddressedTo[] = [
  'state',
  'state_not_party',
  'organisation',
  'state_or_organisation',
]

const SPECIAL: Record<string, AddressedTo> = {
  IGO_REQUEST: 'organisation',
  NON_PARTY_AD_HOC: 'state_not_party',
  PRELIMINARY_EXAMINATION_INFORMATION: 'state_or_organisation',
}

export function addressedTo(requestType: string): AddressedTo {
  return SPECIAL[requestType] ?? 'state'
}

export type Addressee = { code: string; kind: 'state' | 'io'; romeStatus: RomeStatus | null }

/** Why a request of this type cannot go to this addressee, or null if it can. */
export function addresseeRefusal(requestType: string, addressee: Addressee): string | null {
  const wanted = addressedTo(requestType)
  if (wanted === 'state_or_organisation') return null
  if (addressee.kind === 'io')
    return wanted === 'organisation'
      ? null
      : `${addressee.code} is an intergovernmental organisation: the Court asks it under article 87(6), as a request of type IGO_REQUEST, not ${requestType}`
  if (wanted === 'organisation')
    return `${requestType} is a request to an intergovernmental organisation (article 87(6)); ${addressee.code} is a State`
  if (wanted === 'state_not_party' && addressee.romeStatus === 'party')
    return `${addressee.code} is a State Party, bound to cooperate under article 86: it is not invited under article 87(5)(a); choose the assistance sought instead of ${requestType}`
  return null
}

/**
 * Who originates each type of request: the organ that makes it, on its own authority, and in
 * whose name the Registry transmits it (rule 176(2)). An organ is a Court organ's code (a
 * Registry section is the Registry), or `defence` for any Defence team.
 *
 * - Arrest and surrender, provisional arrest and transit are the Court's on a warrant the
 *   Pre-Trial Chamber issued (articles 58(5), 89(1), 89(3), 92(1)): the Chambers, or the Registry
 *   that prepares and transmits them for the Chamber. Not the Prosecutor, who applies for the
 *   warrant (58(1)), nor the Defence.
 * - The enforcement of sentences and of fines, forfeiture and reparation orders is the
 *   Presidency's (articles 103, 109; rules 199 and 217), with the Registry acting for it.
 * - Information sought in a preliminary examination is the Prosecutor's alone (article 15(2)).
 * - Every other type, the assistance of article 93(1) and requests to organisations and States
 *   not party: the Prosecutor (54(3)), the Chambers (57(3), 64(6)), the Registry (43) and the
 *   Defence (57(3)(b)), through the Registry.
 */
export const ORIGINATING_ORGANS = ['ICC-PRESIDENCY', 'ICC-CHAMBERS', 'ICC-OTP', 'ICC-REGISTRY', 'defence'] as const
export type OriginatingOrgan = (typeof ORIGINATING_ORGANS)[number]

const COURT_ON_A_WARRANT: readonly OriginatingOrgan[] = ['ICC-CHAMBERS', 'ICC-REGISTRY']
const PRESIDENCY: readonly OriginatingOrgan[] = ['ICC-PRESIDENCY', 'ICC-REGISTRY']
const ASSISTANCE: readonly OriginatingOrgan[] = ['ICC-CHAMBERS', 'ICC-OTP', 'ICC-REGISTRY', 'defence']

type Origination = { by: readonly OriginatingOrgan[]; basis: string }

const ON_A_WARRANT: Origination = { by: COURT_ON_A_WARRANT, basis: 'articles 58(5), 89 and 92; rule 176(2)' }
const ENFORCEMENT: Origination = { by: PRESIDENCY, basis: 'articles 103 and 109; rules 199 and 217' }
const ORIGINATION: Record<string, Origination> = {
  ARREST_AND_SURRENDER: ON_A_WARRANT,
  PROVISIONAL_ARREST: ON_A_WARRANT,
  TRANSIT: ON_A_WARRANT,
  ENFORCEMENT_OF_SENTENCE: ENFORCEMENT,
  FINES_FORFEITURE_REPARATIONS_ENFORCEMENT: ENFORCEMENT,
  PRELIMINARY_EXAMINATION_INFORMATION: { by: ['ICC-OTP'], basis: 'article 15(2)' },
}
const OF_ASSISTANCE: Origination = { by: ASSISTANCE, basis: 'articles 54(3), 57(3) and 64(6)' }

/** The organs that may originate a request of this type. */
export function originatedBy(requestType: string): readonly OriginatingOrgan[] {
  return (ORIGINATION[requestType] ?? OF_ASSISTANCE).by
}

/** The provisions that say who originates a request of this type, for messages. */
export function originationBasis(requestType: string): string {
  return (ORIGINATION[requestType] ?? OF_ASSISTANCE).basis
}

/** The originating organ an organisation drafts for: a Registry section is the Registry. */
export function originatingOrganOf(org: { code: string; kind: string }): OriginatingOrgan | null {
  if (org.kind === 'defence') return 'defence'
  if (org.kind !== 'court_organ') return null
  const organ = org.code.startsWith('ICC-REGISTRY') ? 'ICC-REGISTRY' : org.code
  return (ORIGINATING_ORGANS as readonly string[]).includes(organ) ? (organ as OriginatingOrgan) : null
}

/** Whether this organisation may originate a request of this type. */
export function mayOriginate(org: { code: string; kind: string }, requestType: string): boolean {
  const organ = originatingOrganOf(org)
  return organ !== null && originatedBy(requestType).includes(organ)
}

export function requestableByDefence(requestType: string): boolean {
  return originatedBy(requestType).includes('defence')
}

// The requests that carry out a warrant of arrest (articles 58(5), 89(1), 89(3)(b)(iii), 91(2)(b),
// 91(3)(a), 92(2)(c)): they name the warrants they rest on.
const ON_A_WARRANT_TYPES: ReadonlySet<string> = new Set(['ARREST_AND_SURRENDER', 'PROVISIONAL_ARREST', 'TRANSIT'])

/** Whether a request of this type rests on warrants of arrest (and may name them). */
export function restsOnWarrant(requestType: string): boolean {
  return ON_A_WARRANT_TYPES.has(requestType)
}

/** The warrant's statuses in which the Court may still ask for its person's arrest, surrender or transit. */
export const WARRANT_STATUSES_TO_CARRY_OUT = ['at_large', 'arrested'] as const
