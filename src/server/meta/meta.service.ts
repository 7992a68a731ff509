import type { Ctx } from '../context.ts'
import type { Db } from '../db/database.ts'
import { findMetaValue, removeMetaValue, upsertMetaValue } from './meta.repository.ts'

export type PlatformMeta = {
  name: string
  version: string
  demoLoadedAt: string | null
  referenceLoadedAt: string | null
  notificationsByMail: boolean
}

export async function getPlatformMeta(ctx: Ctx, version: string): Promise<PlatformMeta> {
  const [demoLoadedAt, referenceLoadedAt] = await Promise.all([
    findMetaValue(ctx.db, 'demo_loaded_at'),
    findMetaValue(ctx.db, 'reference_loaded_at'),
  ])
  return {
    name: 'Part IX',
    version,
    demoLoadedAt: demoLoadedAt ?? null,
    referenceLoadedAt: referenceLoadedAt ?? null,
    notificationsByMail: ctx.notifyByMail === true,
  }
}

/** Platform-wide markers (when reference data or the demo was loaded). Pass a transaction to join one. */
export function getMetaValue(db: Db, key: string): Promise<string | undefined> {
  return findMetaValue(db, key)
}

export function setMetaValue(db: Db, key: string, value: string, nowIso: string): Promise<void> {
  return upsertMetaValue(db, key, value, nowIso)
}

export function deleteMetaValue(db: Db, key: string): Promise<void> {
  return removeMetaValue(db, key)
}
