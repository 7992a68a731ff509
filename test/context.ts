import type { Actor, Ctx } from '../src/server/context.ts'
import type { RootDb } from '../src/server/db/database.ts'

const silentLog = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} }

export function systemCtx(db: RootDb, actor: Actor = { kind: 'system', name: 'test' }, now = () => new Date()): Ctx {
  return { db, actor, log: silentLog as unknown as Ctx['log'], now, requestId: null }
}
