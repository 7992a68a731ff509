import type { UserActor } from '../src/server/context.ts'
import type { OrganisationKind } from '../src/server/identity/identity.table.ts'

/** A signed-in user as the visibility rule sees it (a token with both scopes), for repository tests. */
export function userActor(
  userId: string,
  orgCode: string,
  orgKind: OrganisationKind,
  role: string,
  compartments: readonly string[] = [],
): UserActor {
  return {
    kind: 'user',
    userId,
    email: `${userId}@test.invalid`,
    name: userId,
    orgCode,
    orgKind,
    role,
    compartments,
    via: 'token',
    sessionId: null,
    scopes: ['read', 'write'],
  }
}
