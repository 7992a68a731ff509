import { recordAuditEvent } from '../audit/audit.service.ts'
import type { Ctx } from '../context.ts'
import type { Db } from '../db/database.ts'
import { fromBool, parseJson, toBool, toJson } from '../db/values.ts'
import { loadFixedOrganisations } from '../identity/identity.service.ts'
import { setMetaValue } from '../meta/meta.service.ts'
import { slug } from '../states/states.reference.ts'
import { listStateNames, loadStatesReference } from '../states/states.service.ts'
import { loadReferenceWarrants } from '../warrants/warrants.reference.ts'
import * as referenceRepo from './reference.repository.ts'
import {
  type AddressedTo,
  addressedTo,
  type OriginatingOrgan,
  originatedBy,
  requestableByDefence,
  restsOnWarrant,
} from './reference.request-rules.ts'
import type { NewReferenceSourceRow } from './reference.table.ts'
import { type DatasetName, datasetSourceKey, type RawSource, readDataset, sourceKey } from './reference-files.ts'

export type Progress = (step: string, done: number, total: number) => void

const DATASETS: DatasetName[] = [
  'states-parties',
  'apic-parties',
  'voluntary-agreements',
  'arrest-warrants-public',
  'rome-statute-part9',
]

/**
 * Loads (or reloads) every reference dataset in one transaction. Idempotent: rows are keyed by
 * natural keys, and facts an administrator corrected are left as they are.
 */
export async function loadReferenceData(ctx: Ctx, progress: Progress = () => {}) {
  const nowIso = ctx.now().toISOString()
  return ctx.db.transaction().execute(async (trx) => {
    const steps = 5
    progress('sources', 0, steps)
    await referenceRepo.upsertSources(trx, collectSources())
    progress('Rome Statute articles and request types', 1, steps)
    const statute = await loadStatute(trx)
    progress('public warrants', 2, steps)
    const warrants = await loadPublicWarrants(trx, nowIso)
    progress('States, facts and agreements', 3, steps)
    const states = await loadStatesReference(ctx, trx)
    // Every State is also an organisation whose users act for it.
    await loadFixedOrganisations(trx, await listStateNames(trx))
    await setMetaValue(trx, 'reference_loaded_at', nowIso, nowIso)
    const summary = { ...statute, warrants, ...states }
    await recordAuditEvent(ctx, trx, { action: 'reference.loaded', recordType: 'reference', details: summary })
    progress('done', steps, steps)
    return summary
  })
}

function collectSources(): NewReferenceSourceRow[] {
  const rows: NewReferenceSourceRow[] = [
    {
      key: 'iso-3166/i18n-iso-countries',
      dataset: 'iso-3166',
      title: 'ISO 3166-1 country codes and names (English, French), npm package i18n-iso-countries',
      url: 'https://www.npmjs.com/package/i18n-iso-countries',
      date: null,
      reliability: 'maintained package following ISO 3166-1',
    },
  ]
  for (const dataset of DATASETS) {
    const data = readDataset(dataset)
    rows.push({
      key: datasetSourceKey(dataset),
      dataset,
      title: `Part IX reference dataset "${dataset}" (compiled; see reference-data/README.md)`,
      url: null,
      date: data.as_of ?? null,
      reliability: 'compilation of the sources it lists',
    })
    const sources: RawSource[] = Array.isArray(data.sources) ? data.sources : []
    for (const s of sources) {
      rows.push({
        key: sourceKey(dataset, s.id),
        dataset,
        title: s.title,
        url: s.url ?? null,
        date: s.date ?? null,
        reliability: s.reliability ?? null,
      })
    }
  }
  return rows
}

async function loadStatute(trx: Db) {
  const data = readDataset('rome-statute-part9')
  const articles = data.articles.map((a: any, index: number) => ({
    article: String(a.article),
    sort_order: index,
    part: String(a.part),
    part_title: a.part_title,
    title: a.title,
    summary: a.summary ?? null,
    paragraphs: toJson(a.paragraphs.map((p: any) => ({ ref: p.ref, text: p.text, crossCheck: p.cross_check ?? null }))),
    text_status: a.text_status,
    source: a.source ?? null,
    verified: fromBool(Boolean(a.verified)),
  }))
  await referenceRepo.upsertStatuteArticles(trx, articles)
  const types = [
    ...data.request_types.map((t: any) => ({ ...t, category: 'assistance' as const })),
    ...data.other_request_types.map((t: any) => ({ ...t, category: 'other' as const })),
  ].map((t: any, index: number) => ({
    code: t.code,
    sort_order: index,
    category: t.category,
    ref: t.ref,
    label: t.label,
    statute_text: t.statute_text ?? null,
    summary: t.summary ?? null,
    summary_fr: t.summary_fr ?? null,
    legal_basis: toJson(t.legal_basis ?? [t.ref]),
    obligatory_for_states_parties: fromBool(Boolean(t.obligatory_for_states_parties)),
  }))
  await referenceRepo.upsertRequestTypes(trx, types)
  return { articles: articles.length, requestTypes: types.length }
}

async function loadPublicWarrants(trx: Db, nowIso: string) {
  const data = readDataset('arrest-warrants-public')
  const rows = [
    ...data.at_large.map((w: any) => ({ ...w, atLarge: true })),
    ...data.no_longer_at_large_recent.map((w: any) => ({ ...w, atLarge: false })),
  ].map((w: any) => ({
    id: slug(w.name),
    person_name: w.name,
    situation: w.situation ?? null,
    case_name: w.case ?? null,
    warrant_dates: toJson(w.warrant_dates ?? []),
    crimes: toJson(w.crimes_category ?? []),
    status: w.status,
    status_as_of: w.status_as_of ?? null,
    is_at_large: fromBool(w.atLarge),
    source_keys: toJson((w.sources ?? []).map((id: string) => sourceKey('arrest-warrants-public', id))),
    verified: fromBool(Boolean(w.verified)),
    notes: w.notes ?? null,
  }))
  await referenceRepo.upsertPublicWarrants(trx, rows)
  // The same facts as protected public records (situations, cases, persons, warrants with their
  // status history): what the persons-sought pages and API answer from.
  await loadReferenceWarrants(trx, nowIso)
  return rows.length
}

export type RequestType = {
  code: string
  category: 'assistance' | 'other'
  ref: string
  label: string
  statuteText: string | null
  summary: string | null
  summaryFr: string | null
  legalBasis: string[]
  obligatoryForStatesParties: boolean
  addressedTo: AddressedTo
  originatedBy: OriginatingOrgan[]
  requestableByDefence: boolean
  restsOnWarrant: boolean
}

export async function listRequestTypes(ctx: Ctx): Promise<RequestType[]> {
  const rows = await referenceRepo.listRequestTypes(ctx.db)
  return rows.map((r) => ({
    code: r.code,
    category: r.category,
    ref: r.ref,
    label: r.label,
    statuteText: r.statute_text,
    summary: r.summary,
    summaryFr: r.summary_fr,
    legalBasis: parseJson<string[]>(r.legal_basis),
    obligatoryForStatesParties: toBool(r.obligatory_for_states_parties),
    addressedTo: addressedTo(r.code),
    originatedBy: [...originatedBy(r.code)],
    requestableByDefence: requestableByDefence(r.code),
    restsOnWarrant: restsOnWarrant(r.code),
  }))
}

export type StatuteArticle = {
  article: string
  part: string
  partTitle: string
  title: string
  summary: string | null
  paragraphs: { ref: string; text: string | null; crossCheck: string | null }[]
  textStatus: string
  source: string | null
  verified: boolean
}

// Part IX's text changes only when reference data is loaded, yet every request page quotes it:
// it is kept for a minute per database rather than read and parsed on every answer.
const ARTICLES_KEPT_MS = 60_000
const keptArticles = new WeakMap<object, { until: number; articles: Promise<StatuteArticle[]> }>()

export function listStatuteArticles(ctx: Ctx): Promise<StatuteArticle[]> {
  const key = ctx.db.getExecutor().adapter
  const kept = keptArticles.get(key)
  const now = Date.now()
  if (kept && kept.until > now) return kept.articles
  const articles = readStatuteArticles(ctx)
  keptArticles.set(key, { until: now + ARTICLES_KEPT_MS, articles })
  articles.catch(() => keptArticles.delete(key))
  return articles
}

async function readStatuteArticles(ctx: Ctx): Promise<StatuteArticle[]> {
  const rows = await referenceRepo.listStatuteArticles(ctx.db)
  return rows.map((r) => ({
    article: r.article,
    part: r.part,
    partTitle: r.part_title,
    title: r.title,
    summary: r.summary,
    paragraphs: parseJson(r.paragraphs),
    textStatus: r.text_status,
    source: r.source,
    verified: toBool(r.verified),
  }))
}

export type PublicWarrant = {
  id: string
  personName: string
  situation: string | null
  caseName: string | null
  warrantDates: (string | null)[]
  crimes: string[]
  status: string
  statusAsOf: string | null
  isAtLarge: boolean
  sources: { key: string; title: string; url: string | null; date: string | null }[]
  verified: boolean
  notes: string | null
}

export async function listPublicWarrants(ctx: Ctx): Promise<PublicWarrant[]> {
  const rows = await referenceRepo.listPublicWarrants(ctx.db)
  const keys = [...new Set(rows.flatMap((r) => parseJson<string[]>(r.source_keys)))]
  const sources = new Map((await referenceRepo.listSourcesByKeys(ctx.db, keys)).map((s) => [s.key, s]))
  return rows.map((r) => ({
    id: r.id,
    personName: r.person_name,
    situation: r.situation,
    caseName: r.case_name,
    warrantDates: parseJson(r.warrant_dates),
    crimes: parseJson(r.crimes),
    status: r.status,
    statusAsOf: r.status_as_of,
    isAtLarge: toBool(r.is_at_large),
    sources: parseJson<string[]>(r.source_keys).flatMap((k) => {
      const s = sources.get(k)
      return s ? [{ key: s.key, title: s.title, url: s.url, date: s.date }] : []
    }),
    verified: toBool(r.verified),
    notes: r.notes,
  }))
}

/** The sources behind a set of facts, for any feature that shows provenance. */
export function listSourcesByKeys(db: Db, keys: readonly string[]) {
  return referenceRepo.listSourcesByKeys(db, keys)
}
