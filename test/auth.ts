import { randomUUID } from 'node:crypto'
import { createApiToken } from '../src/server/auth/auth.tokens.ts'
import type { RootDb } from '../src/server/db/database.ts'
import { createCompartment, createUser } from '../src/server/identity/identity.service.ts'
import { systemCtx } from './context.ts'

/** A user of the given organisation and role, with an API token; returns its Bearer header. */
export async function createUserWithToken(
  db: RootDb,
  input: { orgCode: string; role: string; compartments?: string[]; scopes?: ('read' | 'write')[] },
) {
  const ctx = systemCtx(db, { kind: 'operator', name: 'test' })
  for (const code of input.compartments ?? []) {
    await createCompartment(ctx, { code, name: `Test ${code}` }).catch(() => {})
  }
  const user = await createUser(ctx, {
    email: `${input.role}.${randomUUID().slice(0, 8)}@${input.orgCode.toLowerCase()}.test`,
    name: `Test ${input.role}`,
    orgCode: input.orgCode,
    role: input.role,
    compartments: input.compartments ?? [],
  })
  const { token } = await createApiToken(ctx, user.id, {
    name: 'test',
    days: 1,
    scopes: input.scopes ?? ['read', 'write'],
  })
  return { user, token, headers: { authorization: `Bearer ${token}` } }
}
