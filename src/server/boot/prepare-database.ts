import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Ctx } from '../context.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { refreshPlannerStatistics } from '../db/planner-statistics.ts'
import { isDemoLoaded, loadDemoData } from '../demo/demo.service.ts'
import { AppError } from '../errors.ts'
import { countActiveDemoUsers } from '../identity/identity.demo.ts'
import { getMetaValue, setMetaValue } from '../meta/meta.service.ts'
import { loadReferenceData, type Progress } from '../reference/reference.service.ts'

const referenceDir = path.resolve(import.meta.dirname, '../../../reference-data')

/** Fingerprint of the shipped reference files: a new release with new data reloads them once. */
export function referenceFingerprint(): string {
  const hash = createHash('sha256')
  for (const file of readdirSync(referenceDir).sort())
    hash.update(file).update(readFileSync(path.join(referenceDir, file)))
  return hash.digest('hex')
}

/** What start-up does before listening: migrate, load reference data when new, load the demo. */
export async function prepareDatabase(ctx: Ctx, options: { demo: boolean; progress?: Progress }) {
  const migrations = await migrateToLatest(ctx.db)
  await refreshPlannerStatistics(ctx.db)
  const fingerprint = referenceFingerprint()
  let reference = null
  if ((await getMetaValue(ctx.db, 'reference_fingerprint')) !== fingerprint) {
    reference = await loadReferenceData(ctx, options.progress)
    const nowIso = ctx.now().toISOString()
    await setMetaValue(ctx.db, 'reference_fingerprint', fingerprint, nowIso)
  }
  let demo = null
  if (options.demo && !(await isDemoLoaded(ctx))) demo = await loadDemoData(ctx)
  // Without the demo is production: publicly known demo passwords must not open a door there.
  if (!options.demo && (await countActiveDemoUsers(ctx.db)) > 0) {
    throw new AppError(
      'DEMO_ACCOUNTS_IN_PRODUCTION',
      'Demo accounts exist but PARTNINE_DEMO=0. Remove the demo first: partnine seed demo --remove',
    )
  }
  return { migrations, reference, demo }
}
