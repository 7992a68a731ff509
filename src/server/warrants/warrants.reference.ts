import type { Db } from '../db/database.ts'
import { fromBool, toJson } from '../db/values.ts'
import { type DatasetName, readDataset, sourceKey } from '../reference/reference-files.ts'
import {
  ensureReferenceCases,
  ensureReferencePersons,
  ensureReferenceSituations,
} from '../situations/situations.reference.ts'
import { slug } from '../states/states.reference.ts'
import type { WarrantStatus } from './warrants.lifecycle.ts'
import * as repo from './warrants.repository.ts'
import type { NewWarrantRow, NewWarrantStatusEventRow } from './warrants.table.ts'

// The public warrants of reference-data/arrest-warrants-public.json as public records: the real
// situations and cases they belong to, the persons, one warrant per warrant date, and a status
// history read from the source's words (kept verbatim in the notes). Stable `ref:` ids make a
// reload idempotent; a warrant or a person's details changed on the platform (origin 'admin')
// is never overwritten by a reload.

const DATASET: DatasetName = 'arrest-warrants-public'
const BY = 'system:reference'

/** The reference file names situations by country; the Court names them "Situation in …". */
const SITUATIONS: Record<string, { code: string; name: string }> = {
  Uganda: { code: 'SIT-UGA', name: 'Situation in Uganda' },
  'Darfur, Sudan': { code: 'SIT-SDN-DARFUR', name: 'Situation in Darfur, Sudan' },
  Libya: { code: 'SIT-LBY', name: 'Situation in Libya' },
  Kenya: { code: 'SIT-KEN', name: 'Situation in the Republic of Kenya' },
  Georgia: { code: 'SIT-GEO', name: 'Situation in Georgia' },
  Ukraine: { code: 'SIT-UKR', name: 'Situation in Ukraine' },
  'State of Palestine': { code: 'SIT-PSE', name: 'Situation in the State of Palestine' },
  Afghanistan: { code: 'SIT-AFG', name: 'Situation in the Islamic Republic of Afghanistan' },
}

const CHARGES: Record<string, string> = {
  genocide: 'genocide',
  'crimes against humanity': 'crimes_against_humanity',
  'war crimes': 'war_crimes',
  aggression: 'aggression',
  'offences against the administration of justice (art. 70)': 'article_70_offences',
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

type RawWarrant = {
  name: string
  situation?: string | null
  case?: string | null
  warrant_dates?: (string | null)[]
  crimes_category?: string[] | null
  status: string
  status_as_of?: string | null
  sources?: string[]
  verified?: boolean
  notes?: string | null
}

/** "Name (aka Alias)" or "Name (Alias)": the name and the alias. */
export function splitAlias(raw: string): { name: string; aliases: string[] } {
  const m = raw.match(/^(.*?)\s*\((?:aka\s+)?([^)]+)\)\s*$/)
  return m?.[1] && m[2] ? { name: m[1].trim(), aliases: [m[2].trim()] } : { name: raw.trim(), aliases: [] }
}

/** "16 July 2025" → 2025-07-16; otherwise null (the words are kept instead). */
function preciseDate(text: string): string | null {
  const iso = text.match(/\b(\d{4}-\d{2}-\d{2})\b/)?.[1]
  if (iso) return iso
  const m = text.match(/\b(\d{1,2}) ([A-Za-z]+) (\d{4})\b/)
  const month = m?.[2] ? MONTHS.indexOf(m[2].toLowerCase()) : -1
  return m && month >= 0 ? `${m[3]}-${String(month + 1).padStart(2, '0')}-${String(m[1]).padStart(2, '0')}` : null
}

/** The moves out of "at large" that the source's status words report, in order. */
export function statusStepsFrom(text: string): { status: WarrantStatus; on: string | null; words: string }[] {
  const steps: { status: WarrantStatus; on: string | null; words: string }[] = []
  for (const part of text.split(';').map((p) => p.trim())) {
    const status: WarrantStatus | null = /^arrested\b/i.test(part)
      ? 'arrested'
      : /^surrendered\b/i.test(part)
        ? 'surrendered'
        : /^warrant withdrawn\b/i.test(part)
          ? 'warrant_withdrawn'
          : /^(deceased|died)\b/i.test(part)
            ? 'deceased'
            : null
    if (status) steps.push({ status, on: preciseDate(part), words: part })
  }
  return steps
}

export async function loadReferenceWarrants(trx: Db, nowIso: string) {
  const data = readDataset(DATASET)
  const all: RawWarrant[] = [...data.at_large, ...data.no_longer_at_large_recent]
  const situationOf = (raw: string | null | undefined) => {
    const key = (raw ?? 'Unknown').replace(/\s*\(.*\)$/, '')
    return SITUATIONS[key] ?? { code: `SIT-${slug(key).toUpperCase()}`.slice(0, 60), name: `Situation in ${key}` }
  }
  const situationIds = await ensureReferenceSituations(
    trx,
    [...new Map(all.map((w) => situationOf(w.situation)).map((s) => [s.code, s])).values()].map((s) => ({
      id: `ref:situation:${s.code}`,
      ...s,
    })),
    nowIso,
  )
  const sitId = (w: RawWarrant) => situationIds.get(situationOf(w.situation).code) as string
  const caseIds = await ensureReferenceCases(
    trx,
    all
      .filter((w) => w.case)
      .map((w) => {
        const code = `CASE-${slug(splitAlias(w.name).name).toUpperCase()}`.slice(0, 60)
        return { id: `ref:case:${slug(w.name)}`, situationId: sitId(w), code, name: w.case as string }
      }),
    nowIso,
  )
  const caseId = (w: RawWarrant) =>
    w.case ? (caseIds.get(`CASE-${slug(splitAlias(w.name).name).toUpperCase()}`.slice(0, 60)) ?? null) : null
  await ensureReferencePersons(
    trx,
    all.map((w) => ({ id: personId(w), situationId: sitId(w), caseId: caseId(w), name: splitAlias(w.name).name })),
    nowIso,
  )
  let warrants = 0
  for (const w of all) {
    await repo.upsertReferenceDetails(trx, personId(w), toJson(splitAlias(w.name).aliases), nowIso)
    const dates = w.warrant_dates && w.warrant_dates.length > 0 ? w.warrant_dates : [null]
    for (const [index, date] of dates.entries()) {
      const { warrant, events } = referenceWarrant(w, index, date, nowIso)
      await repo.upsertReferenceWarrant(trx, warrant, events)
      warrants++
    }
  }
  return { persons: all.length, warrants }
}

const personId = (w: RawWarrant) => `ref:person:${slug(w.name)}`

function referenceWarrant(w: RawWarrant, index: number, date: string | null, nowIso: string) {
  const id = `ref:warrant:${slug(w.name)}:${index + 1}`
  const sources = toJson((w.sources ?? []).map((s) => sourceKey(DATASET, s)))
  const isPrecise = date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date)
  const steps = statusStepsFrom(w.status)
  const status: WarrantStatus = steps.at(-1)?.status ?? 'at_large'
  const asOf = w.status_as_of ? ` (as of ${w.status_as_of})` : ''
  const warrant: NewWarrantRow = {
    id,
    classification: 'public',
    compartment_code: null,
    ex_parte_party: null,
    is_demo: fromBool(false),
    created_by: BY,
    created_at: nowIso,
    updated_at: nowIso,
    person_id: personId(w),
    kind: 'arrest_warrant',
    issuing_chamber: null,
    issued_on: isPrecise ? date : null,
    issued_text: isPrecise ? null : (date ?? null),
    charges: toJson(
      (w.crimes_category ?? []).flatMap((c) => (CHARGES[c] ? [{ category: CHARGES[c], counts: null }] : [])),
    ),
    status,
    unsealed_on: date?.match(/unsealed (\d{4}-\d{2}-\d{2})/)?.[1] ?? null,
    unsealing_decision: null,
    origin: 'reference',
    reference_key: id,
    source_keys: sources,
    verified: fromBool(Boolean(w.verified)),
    notes: w.notes ?? null,
  }
  const event = (seq: number, s: WarrantStatus, on: string | null, text: string | null, note: string | null) =>
    ({
      id: `${id}:status:${seq}`,
      warrant_id: id,
      seq,
      status: s,
      occurred_on: on,
      occurred_text: on ? null : text,
      note,
      source_keys: sources,
      recorded_by: BY,
      recorded_at: nowIso,
    }) satisfies NewWarrantStatusEventRow
  const events = [
    event(
      1,
      'at_large',
      warrant.issued_on ?? null,
      warrant.issued_text ?? null,
      steps.length === 0 ? `${w.status}${asOf}` : null,
    ),
    ...steps.map((s, i) => event(i + 2, s.status, s.on, s.words, i === steps.length - 1 ? `${w.status}${asOf}` : null)),
  ]
  return { warrant, events }
}
