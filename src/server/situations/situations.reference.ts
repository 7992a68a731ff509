import type { Db } from '../db/database.ts'
import * as repo from './situations.repository.ts'

// Real situations, cases and persons named by the public reference data (arrest-warrants-public),
// as public records. Inserted when missing and never overwritten: a reload keeps their stable ids,
// and anything corrected on the platform since stays as corrected.

export type ReferenceSituation = { id: string; code: string; name: string }
export type ReferenceCase = { id: string; situationId: string; code: string; name: string }
export type ReferencePerson = { id: string; situationId: string; caseId: string | null; name: string }

const BY = 'system:reference'

/** Inserts what is missing; returns the id stored for each situation code (an existing code keeps its id). */
export async function ensureReferenceSituations(db: Db, rows: ReferenceSituation[], nowIso: string) {
  const ids = new Map<string, string>()
  for (const s of rows) {
    const existing = await repo.findSituationByCode(db, s.code)
    if (!existing) {
      await repo.insertSituations(db, [
        {
          id: s.id,
          code: s.code,
          name: s.name,
          description: null,
          classification: 'public',
          compartment_code: null,
          ex_parte_party: null,
          created_by: BY,
          created_at: nowIso,
          updated_at: nowIso,
        },
      ])
    }
    ids.set(s.code, existing?.id ?? s.id)
  }
  return ids
}

export async function ensureReferenceCases(db: Db, rows: ReferenceCase[], nowIso: string) {
  const ids = new Map<string, string>()
  for (const c of rows) {
    const existing = await repo.findCaseByCode(db, c.code)
    if (!existing) {
      await repo.insertCases(db, [
        {
          id: c.id,
          situation_id: c.situationId,
          code: c.code,
          name: c.name,
          defence_org_code: null,
          classification: 'public',
          compartment_code: null,
          ex_parte_party: null,
          created_by: BY,
          created_at: nowIso,
          updated_at: nowIso,
        },
      ])
    }
    ids.set(c.code, existing?.id ?? c.id)
  }
  return ids
}

export async function ensureReferencePersons(db: Db, rows: ReferencePerson[], nowIso: string) {
  const known = new Set(
    (
      await repo.findPersonIds(
        db,
        rows.map((p) => p.id),
      )
    ).map((p) => p.id),
  )
  await repo.insertPersons(
    db,
    rows
      .filter((p) => !known.has(p.id))
      .map((p) => ({
        id: p.id,
        situation_id: p.situationId,
        case_id: p.caseId,
        name: p.name,
        role_in_proceedings: 'suspect' as const,
        description: null,
        classification: 'public',
        compartment_code: null,
        ex_parte_party: null,
        created_by: BY,
        created_at: nowIso,
        updated_at: nowIso,
      })),
  )
}
