import { createHash } from 'node:crypto'
import { loadDemoAgreements, removeDemoAgreements } from '../agreements/agreements.demo.ts'
import { loadDemoArrest, removeDemoArrest } from '../arrest/arrest.demo.ts'
import { loadDemoAssets, removeDemoAssets } from '../assets/assets.demo.ts'
import { recordAuditEvent } from '../audit/audit.service.ts'
import { auditSignerFromSeed } from '../audit/audit.signing.ts'
import type { Ctx } from '../context.ts'
import { disableDemoIdentities, loadDemoIdentities } from '../identity/identity.demo.ts'
import { deleteMetaValue, getMetaValue, setMetaValue } from '../meta/meta.service.ts'
import { loadDemoRequests, removeDemoRequests } from '../requests/requests.demo.ts'
import { loadDemoSituations, removeDemoSituations } from '../situations/situations.demo.ts'
import { loadDemoCooperationProfiles, removeDemoCooperationProfiles } from '../states/states.demo.ts'
import { loadDemoWarrants, removeDemoWarrants } from '../warrants/warrants.demo.ts'
import { adoptRecordsRestingOnDemo } from './demo.repository.ts'

// The demo world is fictional and says so everywhere it appears: every demo row carries is_demo,
// and the web app shows a banner while app_meta.demo_loaded_at is set.

export async function isDemoLoaded(ctx: Ctx): Promise<boolean> {
  return (await getMetaValue(ctx.db, 'demo_loaded_at')) !== undefined
}

export async function loadDemoData(ctx: Ctx) {
  const nowIso = ctx.now().toISOString()
  return ctx.db.transaction().execute(async (trx) => {
    const profiles = await loadDemoCooperationProfiles(trx, pick)
    const users = await loadDemoIdentities(trx, ctx.secrets.encryptionKey, nowIso)
    const agreements = await loadDemoAgreements(trx, users, nowIso)
    const situations = await loadDemoSituations(trx, nowIso)
    const warrants = await loadDemoWarrants(trx, nowIso)
    const requests = await loadDemoRequests(trx, users, nowIso, pick, auditSignerFromSeed(ctx.secrets.auditSigningKey))
    const arrest = await loadDemoArrest(trx, nowIso)
    const assets = await loadDemoAssets(trx, nowIso)
    await setMetaValue(trx, 'demo_loaded_at', nowIso, nowIso)
    const summary = { profiles, users: users.size, agreements, situations, warrants, requests, arrest, assets }
    await recordAuditEvent(ctx, trx, { action: 'demo.loaded', recordType: 'demo', details: summary })
    return summary
  })
}

export async function removeDemoData(ctx: Ctx) {
  return ctx.db.transaction().execute(async (trx) => {
    // What users made on the demo's records goes with them (demo.repository.ts).
    const adopted = await adoptRecordsRestingOnDemo(trx)
    await removeDemoCooperationProfiles(trx)
    await removeDemoAgreements(trx)
    await removeDemoArrest(trx)
    await removeDemoAssets(trx)
    await removeDemoRequests(trx)
    await removeDemoWarrants(trx)
    await removeDemoSituations(trx)
    await disableDemoIdentities(trx, ctx.now().toISOString())
    await deleteMetaValue(trx, 'demo_loaded_at')
    await recordAuditEvent(ctx, trx, { action: 'demo.removed', recordType: 'demo', details: { adopted } })
    return { adopted }
  })
}

/** Deterministic choice, so every fresh demo looks the same and screenshots stay comparable. */
function pick<T>(seed: string, options: readonly T[]): T {
  const n = createHash('sha256').update(seed).digest().readUInt32BE(0)
  return options[n % options.length] as T
}
export type Pick = typeof pick
