import type { FastifyBaseLogger } from 'fastify'
import type { Db, RootDb } from './db/database.ts'

/** Who is acting. Issue 3 replaces the anonymous/operator actors with authenticated users. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'operator'; name: string } // the CLI, run by someone with access to the machine
  | { kind: 'system'; name: string } // the server itself (reference loader, demo loader)

export type Ctx = {
  db: RootDb
  actor: Actor
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error' | 'debug'>
  now: () => Date
  requestId: string | null
}

export function actorLabel(actor: Actor): string {
  return actor.kind === 'anonymous' ? 'anonymous' : `${actor.kind}:${actor.name}`
}

export type { Db }
