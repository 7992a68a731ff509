import { randomUUID } from 'node:crypto'
import type { Classification } from '../access/classification.ts'
import { isNamedOrganisation } from '../access/record-access.ts'
import { recordAuditEvent, recordAuditedRead } from '../audit/audit.service.ts'
import { type Actor, actorLabel, type Ctx } from '../context.ts'
import type { Db } from '../db/database.ts'
import { fromBool, parseJson, toBool, toJson } from '../db/values.ts'
import { AppError } from '../errors.ts'
import { decodeCursor, encodeCursor } from '../pagination.ts'
import { listSourcesByKeys } from '../reference/reference.service.ts'
import { assertOwnable, isCourtCaseworker } from '../situations/situations.policy.ts'
import { listVisiblePersonsForLink, namePersonRecipients } from '../situations/situations.service.ts'
import { allowedNextStatuses, INITIAL_STATUS, type WarrantStatus } from './warrants.lifecycle.ts'
import * as repo from './warrants.repository.ts'
import type {
  CreateWarrantBody,
  ListWarrantsQuery,
  StatusChangeBody,
  UnsealingBody,
  Warrant,
} from './warrants.schemas.ts'
import type { WarrantRow } from './warrants.table.ts'

// Warrants of arrest and summonses to appear (article 58): recorded by Court staff of the
// owning compartment, their status moved along warrants.lifecycle.ts, their seal lifted by an
// approver on a Chamber's decision (kept in classification_history with that legal basis).

/** Court officers and approvers may act on a warrant of their compartment, or on a public one without one. */
export function mayManage(actor: Actor, row: { compartment_code: string | null }): boolean {
  if (!isCourtCaseworker(actor)) return false
  return row.compartment_code === null || actor.compartments.includes(row.compartment_code)
}

/** Reads of non-public records are part of their history: one audit entry per answer. */
export async function auditReads(
  ctx: Ctx,
  action: string,
  recordType: string,
  rows: { id: string; classification: string }[],
) {
  const nonPublic = rows.filter((r) => r.classification !== 'public')
  if (nonPublic.length === 0) return
  await recordAuditedRead(ctx, {
    action,
    recordType,
    ...(nonPublic.length === 1 ? { recordId: nonPublic[0]?.id, classification: nonPublic[0]?.classification } : {}),
    details: { ids: nonPublic.map((r) => r.id) },
  })
}

/** Warrant rows with their history, seal history and sources, as the API gives them. */
export async function hydrateWarrants(ctx: Ctx, db: Db, rows: WarrantRow[]): Promise<Warrant[]> {
  const ids = rows.map((r) => r.id)
  const events = await repo.listStatusEvents(db, ids)
  const seals = await repo.listClassificationHistory(db, ids)
  const keys = new Set<string>()
  for (const r of rows) for (const k of parseJson<string[]>(r.source_keys)) keys.add(k)
  for (const e of events) for (const k of parseJson<string[]>(e.source_keys)) keys.add(k)
  const sources = new Map((await listSourcesByKeys(db, [...keys])).map((s) => [s.key, s]))
  // Free-text sources recorded on the platform are kept as they were written.
  const toSources = (list: string[]) =>
    list.map((k) => {
      const s = sources.get(k)
      return s ? { key: s.key, title: s.title, url: s.url, date: s.date } : { key: k, title: k, url: null, date: null }
    })
  const isSignedIn = ctx.actor.kind === 'user'
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    kind: r.kind,
    issuingChamber: r.issuing_chamber,
    issuedOn: r.issued_on,
    issuedText: r.issued_text,
    charges: parseJson(r.charges),
    status: r.status as WarrantStatus,
    allowedNextStatuses: mayManage(ctx.actor, r) ? [...allowedNextStatuses(r.kind, r.status)] : [],
    unsealing:
      r.unsealed_on || r.unsealing_decision
        ? { unsealedOn: r.unsealed_on, decisionReference: r.unsealing_decision }
        : null,
    classificationHistory: seals
      .filter((h) => h.record_id === r.id)
      .map((h) => ({
        from: h.from_classification,
        to: h.to_classification,
        legalBasis: h.legal_basis,
        decidedAt: h.decided_at,
      })),
    history: events
      .filter((e) => e.warrant_id === r.id)
      .map((e) => ({
        status: e.status as WarrantStatus,
        occurredOn: e.occurred_on,
        occurredText: e.occurred_text,
        note: e.note,
        sources: toSources(parseJson<string[]>(e.source_keys)),
        // Names of staff are for signed-in users; the public sees what happened and when.
        recordedBy: isSignedIn ? e.recorded_by : null,
        recordedAt: e.recorded_at,
      })),
    origin: r.origin,
    verified: toBool(r.verified),
    sources: toSources(parseJson<string[]>(r.source_keys)),
    notes: r.notes,
    classification: r.classification as Classification,
    compartment: r.compartment_code,
    isDemo: toBool(r.is_demo),
  }))
}

const isCursor = (v: unknown): v is string => typeof v === 'string' && v.length <= 200

export async function listWarrants(ctx: Ctx, query: ListWarrantsQuery) {
  const afterId = query.cursor ? decodeCursor(query.cursor, isCursor) : null
  const filters = {
    ...(query.personId && { personId: query.personId }),
    ...(query.status && { status: query.status }),
    ...(query.kind && { kind: query.kind }),
    ...(query.situationId && { situationId: query.situationId }),
  }
  const rows = await repo.listVisibleWarrants(ctx.db, ctx.actor, filters, afterId, query.limit + 1)
  const page = rows.slice(0, query.limit)
  await auditReads(ctx, 'warrant.listed', repo.WARRANT_RECORD, page)
  const last = page.at(-1)
  return {
    items: await hydrateWarrants(ctx, ctx.db, page),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null,
  }
}

/**
 * For a request that rests on a warrant (requests.drafting.ts): the warrant as the drafter may
 * see it, through the same visibility rule, so one they may not see is simply not found. Part of
 * the drafter's change of their request, which audits it.
 */
export async function findVisibleWarrantForLink(db: Db, actor: Actor, id: string) {
  const row = await repo.findVisibleWarrant(db, actor, id)
  return row
    ? { id: row.id, personId: row.person_id, kind: row.kind, status: row.status, classification: row.classification }
    : undefined
}

/**
 * Names an organisation on a warrant and on its person (as a sealed warrant names the State asked
 * to arrest), in the caller's transaction and audited there; false when it was named already.
 * `why` says what called for it (the transmission of a request carrying the warrant out).
 */
export async function nameWarrantRecipient(
  ctx: Ctx,
  trx: Db,
  warrant: { id: string; personId: string; classification: string },
  orgCode: string,
  why: Record<string, unknown>,
): Promise<boolean> {
  if (await isNamedOrganisation(trx, repo.WARRANT_RECORD, warrant.id, orgCode)) return false
  await repo.insertNamedRecipients(trx, warrant.id, [orgCode])
  await namePersonRecipients(trx, warrant.personId, [orgCode])
  await recordAuditEvent(ctx, trx, {
    action: 'warrant.recipient_named',
    recordType: repo.WARRANT_RECORD,
    recordId: warrant.id,
    classification: warrant.classification,
    details: { orgCode, ...why },
  })
  return true
}

export async function getWarrant(ctx: Ctx, id: string): Promise<Warrant> {
  const row = await repo.findVisibleWarrant(ctx.db, ctx.actor, id)
  // Not visible and not existing get the same answer.
  if (!row) throw new AppError('RECORD_NOT_FOUND', `No warrant ${id}`)
  await auditReads(ctx, 'warrant.read', repo.WARRANT_RECORD, [row])
  const [warrant] = await hydrateWarrants(ctx, ctx.db, [row])
  return warrant as Warrant
}

function caseworker(ctx: Ctx) {
  if (!isCourtCaseworker(ctx.actor))
    throw new AppError('FORBIDDEN', 'Only Court officers and approvers record warrants')
  return ctx.actor
}

export async function createWarrant(ctx: Ctx, input: CreateWarrantBody): Promise<Warrant> {
  const actor = caseworker(ctx)
  assertOwnable(actor, input)
  if (input.issuedOn > ctx.now().toISOString().slice(0, 10))
    throw new AppError('RECORD_INVALID', 'A warrant cannot be issued in the future')
  const named = [...new Set(input.namedRecipients)]
  if (named.length > 0 && input.classification === 'public')
    throw new AppError('RECORD_INVALID', 'Recipients are named on non-public warrants only')
  const id = randomUUID()
  const nowIso = ctx.now().toISOString()
  const status = INITIAL_STATUS[input.kind]
  await ctx.db.transaction().execute(async (trx) => {
    const [person] = await listVisiblePersonsForLink(trx, actor, [input.personId])
    if (!person) throw new AppError('RECORD_NOT_FOUND', `No person ${input.personId}`)
    const known = new Set((await repo.findOrganisationCodes(trx, named)).map((o) => o.code))
    const unknown = named.filter((c) => !known.has(c))
    if (unknown.length > 0) throw new AppError('RECORD_INVALID', `Unknown organisations: ${unknown.join(', ')}`)
    await repo.insertWarrant(trx, {
      id,
      classification: input.classification,
      compartment_code: input.compartment ?? null,
      ex_parte_party: input.classification === 'ex_parte' ? (input.exParteParty ?? null) : null,
      created_by: actorLabel(actor),
      created_at: nowIso,
      updated_at: nowIso,
      person_id: input.personId,
      kind: input.kind,
      issuing_chamber: input.issuingChamber,
      issued_on: input.issuedOn,
      issued_text: null,
      charges: toJson(input.charges),
      status,
      unsealed_on: null,
      unsealing_decision: null,
      origin: 'court',
      reference_key: null,
      source_keys: toJson([]),
      verified: fromBool(true),
      notes: input.notes ?? null,
    })
    await repo.insertNamedRecipients(trx, id, named)
    if (person.classification !== 'public') await namePersonRecipients(trx, person.id, named)
    await repo.insertStatusEvent(trx, {
      id: randomUUID(),
      warrant_id: id,
      seq: 1,
      status,
      occurred_on: input.issuedOn,
      occurred_text: null,
      note: null,
      source_keys: toJson([]),
      recorded_by: actorLabel(actor),
      recorded_at: nowIso,
    })
    await recordAuditEvent(ctx, trx, {
      action: 'warrant.created',
      recordType: repo.WARRANT_RECORD,
      recordId: id,
      classification: input.classification,
      details: { personId: input.personId, kind: input.kind, named },
    })
  })
  return getWarrant(ctx, id)
}

export async function changeWarrantStatus(ctx: Ctx, id: string, input: StatusChangeBody): Promise<Warrant> {
  const actor = caseworker(ctx)
  const nowIso = ctx.now().toISOString()
  if (input.occurredOn > nowIso.slice(0, 10)) throw new AppError('RECORD_INVALID', 'occurredOn is in the future')
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findVisibleWarrant(trx, actor, id)
    if (!row) throw new AppError('RECORD_NOT_FOUND', `No warrant ${id}`)
    if (!mayManage(actor, row))
      throw new AppError('FORBIDDEN', 'Only Court staff of the owning compartment record status changes')
    const allowed = allowedNextStatuses(row.kind, row.status)
    if (!allowed.includes(input.status)) {
      throw new AppError('TRANSITION_NOT_ALLOWED', `A ${row.kind} cannot go from ${row.status} to ${input.status}`, {
        from: row.status,
        allowed,
      })
    }
    if (row.issued_on && input.occurredOn < row.issued_on)
      throw new AppError('RECORD_INVALID', 'The change cannot precede the warrant')
    // A reference record changed on the platform is a correction: later reloads leave it alone.
    const origin = row.origin === 'reference' ? 'admin' : row.origin
    if ((await repo.moveWarrantStatus(trx, id, row.status, input.status, nowIso, origin)) !== 1)
      throw new AppError('TRANSITION_NOT_ALLOWED', 'The warrant changed meanwhile; reload it', {
        from: row.status,
        allowed,
      })
    await repo.insertStatusEvent(trx, {
      id: randomUUID(),
      warrant_id: id,
      seq: await repo.nextStatusSeq(trx, id),
      status: input.status,
      occurred_on: input.occurredOn,
      occurred_text: null,
      note: input.note ?? null,
      source_keys: toJson(input.sources),
      recorded_by: actorLabel(actor),
      recorded_at: nowIso,
    })
    await recordAuditEvent(ctx, trx, {
      action: 'warrant.status_changed',
      recordType: repo.WARRANT_RECORD,
      recordId: id,
      classification: row.classification,
      details: { from: row.status, to: input.status, occurredOn: input.occurredOn },
    })
  })
  return getWarrant(ctx, id)
}

/** Lifting the seal: an approver of the owning compartment, on a Chamber's decision (its legal basis). */
export async function unsealWarrant(ctx: Ctx, id: string, input: UnsealingBody): Promise<Warrant> {
  const actor = ctx.actor
  if (actor.kind !== 'user' || actor.orgKind !== 'court_organ' || actor.role !== 'approver')
    throw new AppError('FORBIDDEN', 'Only a Court approver lifts a seal')
  const nowIso = ctx.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findVisibleWarrant(trx, actor, id)
    if (!row) throw new AppError('RECORD_NOT_FOUND', `No warrant ${id}`)
    if (!row.compartment_code || !actor.compartments.includes(row.compartment_code))
      throw new AppError('FORBIDDEN', 'Only the owning compartment lifts the seal of its warrant')
    if (row.classification !== 'under_seal')
      throw new AppError('RECLASSIFICATION_INVALID', `The warrant is ${row.classification}, not under seal`)
    if (input.unsealedOn > nowIso.slice(0, 10)) throw new AppError('RECORD_INVALID', 'unsealedOn is in the future')
    await repo.unsealWarrant(trx, id, {
      to: input.to,
      unsealedOn: input.unsealedOn,
      decision: input.decisionReference,
      nowIso,
    })
    await repo.insertClassificationChange(trx, {
      recordId: id,
      from: row.classification,
      to: input.to,
      legalBasis: input.decisionReference,
      decidedBy: actor.email,
      nowIso,
    })
    await recordAuditEvent(ctx, trx, {
      action: 'warrant.unsealed',
      recordType: repo.WARRANT_RECORD,
      recordId: id,
      classification: input.to,
      details: { from: row.classification, to: input.to, decisionReference: input.decisionReference },
    })
  })
  return getWarrant(ctx, id)
}
