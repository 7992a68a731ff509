import { recordAuditedRead } from '../audit/audit.service.ts'
import type { Ctx } from '../context.ts'
import { ASSET_RECORD } from './assets.repository.ts'

/** Reads of non-public assets are part of their history; resolves once the entry is durable. */
export async function auditAssetReads(ctx: Ctx, rows: { id: string; classification: string }[], action: string) {
  const nonPublic = rows.filter((r) => r.classification !== 'public')
  if (nonPublic.length === 0) return
  const ids = [...new Set(nonPublic.map((r) => r.id))]
  await recordAuditedRead(ctx, {
    action,
    recordType: ASSET_RECORD,
    ...(ids.length === 1 ? { recordId: ids[0], classification: nonPublic[0]?.classification } : {}),
    details: { ids },
  })
}
