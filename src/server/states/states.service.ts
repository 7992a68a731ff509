import { recordAuditEvent } from '../audit/audit.service.ts'
import type { Ctx } from '../context.ts'
import type { Db } from '../db/database.ts'
import { parseJson, toBool } from '../db/values.ts'
import { AppError } from '../errors.ts'
import { decodeCursor, encodeCursor } from '../pagination.ts'
import { listSourcesByKeys } from '../reference/reference.service.ts'
import { type FactValues, factDefinitions, foldForSearch, isFactKey, stateColumnsFromFacts } from './states.facts.ts'
import { isoAliases } from './states.names.ts'
import { buildStatesReference } from './states.reference.ts'
import * as statesRepo from './states.repository.ts'
import type { ListStatesQuery } from './states.schemas.ts'
import type { AgreementRow, StateFactRow, StateRow } from './states.table.ts'

export type StateSummary = {
  iso3: string
  iso2: string
  isoNumeric: string | null
  nameEn: string
  nameFr: string
  romeStatus: StateRow['rome_status']
  regionalGroup: string | null
  apicStatus: StateRow['apic_status']
  ratificationDate: string | null
  entryIntoForceDate: string | null
  withdrawalEffectiveDate: string | null
  agreementKinds: string[]
}

export type Source = { key: string; title: string; url: string | null; date: string | null; reliability: string | null }

export type StateFact = {
  key: string
  value: string | null
  verified: boolean
  origin: 'reference' | 'admin'
  notes: string | null
  sourceKeys: string[]
  correction: { by: string; at: string; note: string } | null
}

export type Agreement = {
  id: string
  kind: string
  title: string | null
  status: string
  dateSigned: string | null
  entryIntoForceDate: string | null
  person: string | null
  notes: string | null
  verified: boolean
  sourceKeys: string[]
}

export type CooperationProfile = {
  channel: string
  languages: string[]
  focalPointName: string | null
  focalPointEmail: string | null
  isDemo: boolean
}

export type StateDetail = Omit<StateSummary, 'agreementKinds'> & {
  signatureDate: string | null
  facts: StateFact[]
  agreements: Agreement[]
  cooperationProfile: CooperationProfile | null
  sources: Source[]
}

export async function listStates(ctx: Ctx, query: ListStatesQuery) {
  const filters: statesRepo.StateFilters = {
    party: query.party === undefined ? undefined : query.party === 'true',
    status: query.status,
    group: query.group,
    apic: query.apic,
    agreement: query.agreement,
    search: query.q ? foldForSearch(query.q) : undefined,
  }
  const after = query.cursor ? decodeCursor(query.cursor, isStateKeyset) : null
  const [rows, total] = await Promise.all([
    statesRepo.listStates(ctx.db, filters, query.lang, after, query.limit + 1),
    statesRepo.countStates(ctx.db, filters),
  ])
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor({ sort: query.lang === 'fr' ? last.sort_fr : last.sort_en, iso3: last.iso3 })
      : null
  const agreements = await statesRepo.listPublicAgreementsOfStates(
    ctx.db,
    page.map((r) => r.iso3),
  )
  return { items: page.map((r) => toStateSummary(r, agreements)), nextCursor, total }
}

function isStateKeyset(value: unknown): value is statesRepo.StateKeyset {
  const v = value as statesRepo.StateKeyset
  return typeof v?.sort === 'string' && typeof v?.iso3 === 'string' && v.iso3.length <= 3
}

export async function listStateStatuses(ctx: Ctx) {
  const rows = await statesRepo.listStateStatuses(ctx.db)
  return rows.map((r) => ({ iso3: r.iso3, isoNumeric: r.iso_numeric, romeStatus: r.rome_status }))
}

export async function getStateByIso3(ctx: Ctx, iso3: string): Promise<StateDetail> {
  const row = await statesRepo.findStateByIso3(ctx.db, iso3.toUpperCase())
  if (!row) throw new AppError('STATE_NOT_FOUND', `No State with code ${iso3}`)
  const [facts, agreements, profile] = await Promise.all([
    statesRepo.listFactsOfState(ctx.db, row.iso3),
    statesRepo.listPublicAgreementsOfStates(ctx.db, [row.iso3]),
    statesRepo.findCooperationProfile(ctx.db, row.iso3),
  ])
  const mappedFacts = facts.map(toStateFact)
  const mappedAgreements = agreements.map(toAgreement)
  const sourceKeys = [...new Set([...mappedFacts, ...mappedAgreements].flatMap((x) => x.sourceKeys))]
  const sources = await listSourcesByKeys(ctx.db, sourceKeys)
  const { agreementKinds: _kinds, ...summary } = toStateSummary(row, [])
  return {
    ...summary,
    signatureDate: row.signature_date,
    facts: mappedFacts,
    agreements: mappedAgreements,
    cooperationProfile: profile
      ? {
          channel: profile.channel,
          languages: parseJson<string[]>(profile.languages),
          focalPointName: profile.focal_point_name,
          focalPointEmail: profile.focal_point_email,
          isDemo: toBool(profile.is_demo),
        }
      : null,
    sources: sources.map((s) => ({ key: s.key, title: s.title, url: s.url, date: s.date, reliability: s.reliability })),
  }
}

export type CorrectFactInput = { iso3: string; factKey: string; value: unknown; note: string }

/** An administrator's correction of a reference fact; kept through every later reference load. */
export async function correctStateFact(ctx: Ctx, input: CorrectFactInput): Promise<StateFact> {
  const iso3 = input.iso3.toUpperCase()
  const state = await statesRepo.findStateByIso3(ctx.db, iso3)
  if (!state) throw new AppError('STATE_NOT_FOUND', `No State with code ${input.iso3}`)
  if (!isFactKey(input.factKey)) {
    throw new AppError('FACT_NOT_FOUND', `The directory keeps no fact "${input.factKey}"`, {
      allowed: Object.keys(factDefinitions),
    })
  }
  const parsed = factDefinitions[input.factKey].safeParse(input.value)
  if (!parsed.success) {
    throw new AppError('FACT_VALUE_INVALID', `Invalid value for ${input.factKey}: ${parsed.error.issues[0]?.message}`)
  }
  return ctx.db.transaction().execute(async (trx) => {
    const before = await statesRepo.findFact(trx, iso3, input.factKey)
    await statesRepo.saveFactCorrection(trx, {
      iso3,
      factKey: input.factKey,
      value: parsed.data,
      correctedBy: ctx.actor.kind === 'anonymous' ? 'anonymous' : ctx.actor.name,
      note: input.note,
      nowIso: ctx.now().toISOString(),
    })
    await refreshStateColumns(trx, [iso3])
    await recordAuditEvent(ctx, trx, {
      action: 'state.fact_corrected',
      recordType: 'state',
      recordId: iso3,
      details: {
        factKey: input.factKey,
        before: before ? parseJson(before.value) : null,
        after: parsed.data,
        note: input.note,
      },
    })
    const after = await statesRepo.findFact(trx, iso3, input.factKey)
    if (!after) throw new AppError('INTERNAL', 'Correction not stored')
    return toStateFact(after)
  })
}

/** Part of the reference load: runs inside the caller's transaction. */
export async function loadStatesReference(ctx: Ctx, trx: Db) {
  const nowIso = ctx.now().toISOString()
  const reference = buildStatesReference()
  await statesRepo.insertMissingStates(
    trx,
    reference.states.map((s) => ({
      iso3: s.iso3,
      iso2: s.iso2,
      iso_numeric: s.isoNumeric,
      ...stateColumnsFromFacts({ 'name.en': s.nameEn, 'name.fr': s.nameFr }, s.aliases),
    })) as never,
  )
  await statesRepo.upsertReferenceFacts(trx, reference.facts, nowIso)
  await statesRepo.upsertReferenceAgreements(trx, reference.agreements, nowIso)
  await refreshStateColumns(trx, null)
  return { states: reference.states.length, facts: reference.facts.length, agreements: reference.agreements.length }
}

/** Recomputes the filterable columns of `states` from the current facts (null = all States). */
async function refreshStateColumns(db: Db, iso3s: string[] | null) {
  const facts = iso3s ? await statesRepo.listFactsOfStates(db, iso3s) : await statesRepo.listAllFacts(db)
  const byState = new Map<string, FactValues>()
  for (const f of facts) {
    const values = byState.get(f.iso3) ?? {}
    values[f.fact_key as keyof FactValues] = parseJson(f.value)
    byState.set(f.iso3, values)
  }
  const states = iso3s ?? [...byState.keys()]
  for (const iso3 of states) {
    const row = await statesRepo.findStateByIso3(db, iso3)
    if (!row) continue
    await statesRepo.updateStateColumns(db, iso3, stateColumnsFromFacts(byState.get(iso3) ?? {}, isoAliases(row.iso2)))
  }
}

function toStateSummary(row: StateRow, agreements: AgreementRow[]): StateSummary {
  return {
    iso3: row.iso3,
    iso2: row.iso2,
    isoNumeric: row.iso_numeric,
    nameEn: row.name_en,
    nameFr: row.name_fr,
    romeStatus: row.rome_status,
    regionalGroup: row.regional_group,
    apicStatus: row.apic_status,
    ratificationDate: row.ratification_date,
    entryIntoForceDate: row.entry_into_force_date,
    withdrawalEffectiveDate: row.withdrawal_effective_date,
    agreementKinds: [...new Set(agreements.filter((a) => a.iso3 === row.iso3).map((a) => a.kind))],
  }
}

function toStateFact(row: StateFactRow): StateFact {
  const value = parseJson<unknown>(row.value)
  return {
    key: row.fact_key,
    value: value === null || value === undefined ? null : String(value),
    verified: toBool(row.verified),
    origin: row.origin,
    notes: row.notes,
    sourceKeys: parseJson<string[]>(row.source_keys),
    correction:
      row.origin === 'admin' && row.corrected_at
        ? { by: row.corrected_by ?? 'unknown', at: row.corrected_at, note: row.correction_note ?? '' }
        : null,
  }
}

function toAgreement(row: AgreementRow): Agreement {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    dateSigned: row.date_signed,
    entryIntoForceDate: row.entry_into_force_date,
    person: row.person,
    notes: row.notes,
    verified: toBool(row.verified),
    sourceKeys: parseJson<string[]>(row.source_keys),
  }
}

/** Every State's code and names, for features that key on States (e.g. organisations). */
export async function listStateNames(db: Db) {
  const rows = await statesRepo.listStates(db, {}, 'en', null, 10_000)
  return rows.map((r) => ({ iso3: r.iso3, nameEn: r.name_en, nameFr: r.name_fr }))
}

/** The channel and languages a State declared under article 87(1)–(2), proposed on new requests. */
export async function findDeclaredChannel(
  db: Db,
  iso3: string,
): Promise<{ channel: string; languages: string[] } | null> {
  const profile = await statesRepo.findCooperationProfile(db, iso3)
  return profile ? { channel: profile.channel, languages: parseJson<string[]>(profile.languages) } : null
}
