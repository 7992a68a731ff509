import type { Ctx } from '../context.ts'
import { findMetaValue } from './meta.repository.ts'

export type PlatformMeta = {
  name: string
  version: string
  demoLoadedAt: string | null
  referenceLoadedAt: string | null
}

export async function getPlatformMeta(ctx: Ctx, version: string): Promise<PlatformMeta> {
  const [demoLoadedAt, referenceLoadedAt] = await Promise.all([
    findMetaValue(ctx.db, 'demo_loaded_at'),
    findMetaValue(ctx.db, 'reference_loaded_at'),
  ])
  return { name: 'Part IX', version, demoLoadedAt: demoLoadedAt ?? null, referenceLoadedAt: referenceLoadedAt ?? null }
}
