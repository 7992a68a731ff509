import type { Actor, Ctx, UserActor } from '../context.ts'
import type { Db } from '../db/database.ts'
import { AppError } from '../errors.ts'
import { restsOnWarrant, WARRANT_STATUSES_TO_CARRY_OUT } from '../reference/reference.request-rules.ts'
import { findVisibleWarrantForLink, nameWarrantRecipient } from '../warrants/warrants.service.ts'
import * as records from './requests.records.repository.ts'

// The warrants of arrest a request for arrest and surrender, provisional arrest or transit
// carries out (request_warrants): which may be named when drafting, which must still stand when
// the request leaves the Court, and who learns of them when it is transmitted.

const standing = (status: string) => (WARRANT_STATUSES_TO_CARRY_OUT as readonly string[]).includes(status)

/**
 * The warrants a request for arrest, provisional arrest or transit rests on: warrants of arrest
 * the drafter may see, still to be carried out. Their persons are the request's persons too.
 */
export async function resolveWarrants(db: Db, actor: UserActor, requestType: string, ids: readonly string[]) {
  const warrantIds = [...new Set(ids)]
  if (warrantIds.length > 0 && !restsOnWarrant(requestType))
    throw new AppError(
      'RECORD_INVALID',
      `A request of type ${requestType} rests on no warrant: only a request for arrest and surrender, provisional arrest or transit names the warrants it carries out (articles 89(1), 89(3), 92)`,
    )
  const personIds: string[] = []
  for (const id of warrantIds) {
    const warrant = await findVisibleWarrantForLink(db, actor, id)
    if (!warrant) throw new AppError('RECORD_NOT_FOUND', `No warrant ${id}`)
    if (warrant.kind !== 'arrest_warrant')
      throw new AppError(
        'RECORD_INVALID',
        `Warrant ${id} is a summons to appear (article 58(7)): an arrest rests on a warrant of arrest (article 58(1))`,
      )
    if (!standing(warrant.status))
      throw new AppError(
        'RECORD_INVALID',
        `The status of warrant ${id} is ${warrant.status}: a request carries out a warrant whose person is at large or arrested`,
        { warrantStatus: warrant.status, allowed: [...WARRANT_STATUSES_TO_CARRY_OUT] },
      )
    personIds.push(warrant.personId)
  }
  return { warrantIds, personIds }
}

/** A warrant that holds a request back: it no longer stands, or the caller may not see it (status null). */
export type FallenWarrant = { warrantId: string; warrantStatus: string | null }

/**
 * The first warrant the request carries out that no longer stands (withdrawn, its person
 * surrendered…) or that the caller may not see, or null. A request does not leave the Court (is
 * not approved nor transmitted) on a warrant that no longer stands.
 */
export async function fallenWarrant(db: Db, actor: Actor, requestId: string): Promise<FallenWarrant | null> {
  for (const id of await records.listRequestWarrantIds(db, requestId)) {
    const warrant = await findVisibleWarrantForLink(db, actor, id)
    if (!warrant) return { warrantId: id, warrantStatus: null }
    if (!standing(warrant.status)) return { warrantId: id, warrantStatus: warrant.status }
  }
  return null
}

/** Why a fallen warrant holds the request back, in English. */
export function fallenWarrantMessage(fallen: FallenWarrant): string {
  return fallen.warrantStatus === null
    ? `Warrant ${fallen.warrantId}, which the request carries out, is not one you may see`
    : `The status of warrant ${fallen.warrantId} is now ${fallen.warrantStatus}: a request carries out a warrant whose person is at large or arrested (change the warrants of a draft, or withdraw the request)`
}

/**
 * On transmission the addressee learns of the warrants it is asked to carry out: named on each
 * one that is not public (and on its person), as a sealed warrant names the State asked to arrest
 * (docs/warrants.md). Each naming is a change of the warrant, audited with the transmission.
 */
export async function nameAddresseeOnWarrants(ctx: Ctx, trx: Db, requestId: string, addressee: string) {
  const named: string[] = []
  for (const id of await records.listRequestWarrantIds(trx, requestId)) {
    const warrant = await findVisibleWarrantForLink(trx, ctx.actor, id)
    // fallenWarrant, just before, found each one visible to the caller.
    if (!warrant || warrant.classification === 'public') continue
    if (await nameWarrantRecipient(ctx, trx, warrant, addressee, { requestId })) named.push(id)
  }
  return named
}
