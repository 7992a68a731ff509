import type { Actor, Ctx } from '../src/server/context.ts'
import type { RootDb } from '../src/server/db/database.ts'

export const testSecrets: Ctx['secrets'] = {
  sessionKey: 'test-session-key-0123456789abcdef0123',
  encryptionKey: 'test-encryption-key-0123456789abcdef',
  auditSigningKey: Buffer.alloc(32, 1).toString('base64'),
}

const silentLog = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} }

export function systemCtx(db: RootDb, actor: Actor = { kind: 'system', name: 'test' }, now = () => new Date()): Ctx {
  return { db, actor, log: silentLog as unknown as Ctx['log'], now, requestId: null, secrets: testSecrets }
}
