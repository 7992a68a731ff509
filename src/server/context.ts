import type { FastifyBaseLogger } from 'fastify'
import type { Config } from './config.ts'
import type { Db, RootDb } from './db/database.ts'
import type { OrganisationKind } from './identity/identity.table.ts'

/** A signed-in person (through a session or an API token). */
export type UserActor = {
  kind: 'user'
  userId: string
  email: string
  name: string
  orgCode: string
  orgKind: OrganisationKind
  role: string
  compartments: readonly string[]
  via: 'session' | 'token'
  sessionId: string | null
  /** API token scopes; a session has both. */
  scopes: readonly ('read' | 'write')[]
}

/** Who is acting. */
export type Actor =
  | { kind: 'anonymous' }
  | UserActor
  | { kind: 'operator'; name: string } // the CLI, run by someone with access to the machine
  | { kind: 'system'; name: string } // the server itself (reference loader, demo loader)

export type Ctx = {
  db: RootDb
  actor: Actor
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error' | 'debug'>
  now: () => Date
  requestId: string | null
  secrets: Config['secrets']
  /**
   * The request counts epoch of all addressees as committed when the call's API token was
   * checked, on the embedded database (db/epochs.ts): an answer kept since a moment when it was
   * the same was the committed one when the call began (requests/requests.kept.ts).
   */
  allRequestsEpoch?: string
  /** The server sends notifications by e-mail (config.mail): changes queue them (notifications/). */
  notifyByMail?: boolean
}

export function actorLabel(actor: Actor): string {
  if (actor.kind === 'anonymous') return 'anonymous'
  if (actor.kind === 'user') return `user:${actor.email}`
  return `${actor.kind}:${actor.name}`
}

export function actorOrg(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.orgCode : null
}

export type { Db }
