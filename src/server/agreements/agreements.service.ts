import { recordAuditEvent } from '../audit/audit.service.ts'
import type { Ctx } from '../context.ts'
import type { Db } from '../db/database.ts'
import { toBool } from '../db/values.ts'
import { AppError } from '../errors.ts'
import { decodeCursor, encodeCursor } from '../pagination.ts'
import type { AgreementRow } from '../states/states.table.ts'
import * as repo from './agreements.repository.ts'
import type { ListAgreementsQuery } from './agreements.schemas.ts'

export async function listAgreements(ctx: Ctx, query: ListAgreementsQuery) {
  const filters = { iso3: query.iso3, kind: query.kind, classification: query.classification }
  const after = query.cursor
    ? decodeCursor(query.cursor, (v): v is string => typeof v === 'string' && v.length <= 200)
    : null
  // The read and its audit entry commit together: no answer leaves without its trace.
  const { rows, total, page } = await ctx.db.transaction().execute(async (trx) => {
    const rows = await repo.listVisibleAgreements(trx, ctx.actor, filters, after, query.limit + 1)
    const total = await repo.countVisibleAgreements(trx, ctx.actor, filters)
    const page = rows.slice(0, query.limit)
    await auditNonPublicReads(ctx, trx, page, 'agreement.listed')
    return { rows, total, page }
  })
  const last = page.at(-1)
  return {
    items: page.map(toAgreementRecord),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null,
    total,
  }
}

export async function getAgreement(ctx: Ctx, id: string) {
  const { row, history } = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findVisibleAgreement(trx, ctx.actor, id)
    // Not visible and not existing get the same answer.
    if (!row) throw new AppError('RECORD_NOT_FOUND', `No agreement ${id}`)
    await auditNonPublicReads(ctx, trx, [row], 'agreement.read')
    return { row, history: await repo.listClassificationHistory(trx, id) }
  })
  return {
    ...toAgreementRecord(row),
    classificationHistory: history.map((h) => ({
      from: h.from_classification,
      to: h.to_classification,
      legalBasis: h.legal_basis,
      decidedBy: h.decided_by,
      decidedAt: h.decided_at,
    })),
  }
}

/** Reads of non-public records are part of the record's history: one audit event per answer. */
async function auditNonPublicReads(ctx: Ctx, trx: Db, rows: AgreementRow[], action: string) {
  const nonPublic = rows.filter((r) => r.classification !== 'public')
  if (nonPublic.length === 0) return
  await recordAuditEvent(ctx, trx, {
    action,
    recordType: repo.AGREEMENT_RECORD,
    ...(nonPublic.length === 1 ? { recordId: nonPublic[0]?.id } : {}),
    details: { ids: nonPublic.map((r) => r.id), classifications: [...new Set(nonPublic.map((r) => r.classification))] },
  })
}

/** Lifting a seal or reclassifying: an act with its legal basis, recorded in the record's history. */
export async function reclassifyAgreement(ctx: Ctx, id: string, input: { to: string; legalBasis: string }) {
  const actor = ctx.actor
  const row = await repo.findVisibleAgreement(ctx.db, actor, id)
  if (!row) throw new AppError('RECORD_NOT_FOUND', `No agreement ${id}`)
  // Only members of the owning compartment decide on its classification.
  if (actor.kind !== 'user' || !row.compartment_code || !actor.compartments.includes(row.compartment_code)) {
    throw new AppError('FORBIDDEN', 'Only the owning compartment reclassifies a record')
  }
  if (row.classification === input.to)
    throw new AppError('RECLASSIFICATION_INVALID', `The agreement is already ${input.to}`)
  const nowIso = ctx.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setAgreementClassification(trx, id, input.to, nowIso)
    await repo.insertClassificationChange(trx, {
      recordId: id,
      from: row.classification,
      to: input.to,
      legalBasis: input.legalBasis,
      decidedBy: actor.email,
      nowIso,
    })
    await recordAuditEvent(ctx, trx, {
      action: 'agreement.reclassified',
      recordType: repo.AGREEMENT_RECORD,
      recordId: id,
      details: { from: row.classification, to: input.to, legalBasis: input.legalBasis },
    })
  })
  return getAgreement(ctx, id)
}

function toAgreementRecord(row: AgreementRow) {
  return {
    id: row.id,
    iso3: row.iso3,
    kind: row.kind,
    title: row.title,
    status: row.status,
    dateSigned: row.date_signed,
    entryIntoForceDate: row.entry_into_force_date,
    notes: row.notes,
    classification: row.classification as 'public' | 'confidential' | 'under_seal' | 'ex_parte',
    compartment: row.compartment_code,
    exParteParty: row.ex_parte_party,
    isDemo: toBool(row.is_demo),
    verified: toBool(row.verified),
  }
}
