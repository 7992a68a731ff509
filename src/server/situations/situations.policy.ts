import type { Actor, UserActor } from '../context.ts'
import { AppError } from '../errors.ts'

// Who may create the records requests hang on, and what need-to-know they may give them.

/** Court staff who work on files (not administrators or auditors, who see no content). */
export function isCourtCaseworker(actor: Actor): actor is UserActor {
  return actor.kind === 'user' && actor.orgKind === 'court_organ' && ['officer', 'approver'].includes(actor.role)
}

/**
 * A non-public record must belong to a compartment its author is in (or the author could not
 * see what they just created), and an ex parte record names its party.
 */
export function assertOwnable(
  actor: UserActor,
  input: { classification: string; compartment?: string | null | undefined; exParteParty?: string | null | undefined },
) {
  if (input.classification === 'public') return
  if (!input.compartment) throw new AppError('RECORD_INVALID', 'A non-public record needs an owning compartment')
  if (!actor.compartments.includes(input.compartment)) {
    throw new AppError('RECORD_INVALID', `You are not a member of compartment ${input.compartment}`)
  }
  if (input.classification === 'ex_parte' && !input.exParteParty) {
    throw new AppError('RECORD_INVALID', 'An ex parte record names its party (exParteParty)')
  }
}
