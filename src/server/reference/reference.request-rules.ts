import type { RomeStatus } from '../states/states.table.ts'

// The catalogue's two rules on who: whom each type of request can be addressed to (below), and
// which types the Defence may request (requestableByDefence, at the end).
//
// Whom each type of request can be addressed to. Part IX binds States Parties (article 86); a State
// not party is invited to cooperate under article 87(5)(a); an intergovernmental organisation is
// asked under article 87(6), which is the whole basis of what the Court may ask of it. So:
// a request to an organisation is a request under 87(6) (IGO_REQUEST) and nothing else; a request
// under 87(6) goes to an organisation; an invitation under 87(5)(a) (NON_PARTY_AD_HOC) goes to a
// State that is not a party. Every other type goes to a State, party or not (a State not party
// can be bound by an ad hoc arrangement, an agreement or a Security Council decision, and a State
// that withdrew stays bound for what began before, article 127(2)).

export type AddressedTo = 'state' | 'state_not_party' | 'organisation'

const SPECIAL: Record<string, AddressedTo> = {
  IGO_REQUEST: 'organisation',
  NON_PARTY_AD_HOC: 'state_not_party',
}

export function addressedTo(requestType: string): AddressedTo {
  return SPECIAL[requestType] ?? 'state'
}

export type Addressee = { code: string; kind: 'state' | 'io'; romeStatus: RomeStatus | null }

/** Why a request of this type cannot go to this addressee, or null if it can. */
export function addresseeRefusal(requestType: string, addressee: Addressee): string | null {
  const wanted = addressedTo(requestType)
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
 * Types the Defence does not request. It seeks the cooperation it needs to prepare its case
 * (article 57(3)(b)): evidence and assistance. Arrest, provisional arrest and transit are the
 * Court's, on a warrant (articles 58, 89, 92); the enforcement of sentences and of fines and
 * forfeitures is the Presidency's (articles 103, 109).
 */
const NOT_FOR_THE_DEFENCE = new Set([
  'ARREST_AND_SURRENDER',
  'PROVISIONAL_ARREST',
  'TRANSIT',
  'ENFORCEMENT_OF_SENTENCE',
  'FINES_FORFEITURE_REPARATIONS_ENFORCEMENT',
])

export function requestableByDefence(requestType: string): boolean {
  return !NOT_FOR_THE_DEFENCE.has(requestType)
}
