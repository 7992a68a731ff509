import { randomUUID } from 'node:crypto'
import { recordAuditEvent } from '../audit/audit.service.ts'
import { actorLabel, type Ctx, type UserActor } from '../context.ts'
import type { Db } from '../db/database.ts'
import { toBool } from '../db/values.ts'
import { AppError } from '../errors.ts'
import { decodeCursor, encodeCursor } from '../pagination.ts'
import { assertOwnable, isCourtCaseworker } from '../situations/situations.policy.ts'
import { listVisiblePersonsForLink } from '../situations/situations.service.ts'
import * as repo from './arrest.repository.ts'
import type {
  ArrestStrategy,
  ArrestStrategyDetail,
  CountArrestStrategiesQuery,
  CreateArrestStrategyBody,
  ExportArrestStrategiesQuery,
  ListArrestStrategiesQuery,
  UpdateArrestStrategyBody,
} from './arrest.schemas.ts'
import type { ArrestStrategyRow, ArrestStrategyUpdate } from './arrest.table.ts'

// Arrest strategies are known to their cell only. The rule is the one visibility rule with a
// classification that yields exactly that: under seal, owned by the cell's compartment, with no
// recipient ever named (this feature writes no record_recipients row for a strategy). Under seal
// is then visible to Court staff of the compartment alone: not to administrators or auditors
// (public only), not to States, organisations or the Assembly (named only), not to a Defence team
// (named only), not to Court staff of other compartments. Lists, counts, search, exports and
// single reads all go through it, and an invisible strategy answers exactly like a missing one.
const STRATEGY_CLASSIFICATION = 'under_seal'

/** Case and accents folded, so "Réunion" finds "reunion" on both databases alike. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}

function termsOf(q: string | undefined): string[] {
  return q
    ? [
        ...new Set(
          foldText(q)
            .split(' ')
            .filter((t) => t.length > 0),
        ),
      ].slice(0, 10)
    : []
}

const isKeyset = (v: unknown): v is repo.StrategyKeyset =>
  Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string' && x.length <= 200)

function caseworker(ctx: Ctx): UserActor {
  if (!isCourtCaseworker(ctx.actor))
    throw new AppError('FORBIDDEN', 'Only Court officers and approvers write strategies')
  return ctx.actor
}

/** Every read of a strategy is on the audit trail, in the read's transaction. */
async function auditReads(ctx: Ctx, trx: Db, rows: ArrestStrategyRow[], action: string, details: object = {}) {
  if (rows.length === 0) return
  await recordAuditEvent(ctx, trx, {
    action,
    recordType: repo.STRATEGY_RECORD,
    ...(rows.length === 1 ? { recordId: rows[0]?.id, classification: rows[0]?.classification } : {}),
    details: { ...details, ids: rows.map((r) => r.id) },
  })
}

export async function listArrestStrategies(ctx: Ctx, query: ListArrestStrategiesQuery) {
  const filters = { personId: query.personId, status: query.status, terms: termsOf(query.q) }
  const after = query.cursor ? decodeCursor(query.cursor, isKeyset) : null
  const { rows, total } = await ctx.db.transaction().execute(async (trx) => {
    const rows = await repo.listVisibleStrategies(trx, ctx.actor, filters, after, query.limit + 1)
    const total = await repo.countVisibleStrategies(trx, ctx.actor, filters)
    await auditReads(ctx, trx, rows.slice(0, query.limit), 'arrest_strategy.listed')
    return { rows, total }
  })
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  const today = ctx.now().toISOString().slice(0, 10)
  return {
    items: page.map((r) => toStrategy(r, today)),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.updated_at, last.id]) : null,
    total,
  }
}

export async function countArrestStrategies(ctx: Ctx, query: CountArrestStrategiesQuery) {
  return ctx.db.transaction().execute(async (trx) => {
    const byPerson = await repo.countVisibleStrategiesByPerson(trx, ctx.actor, query.personId)
    const total = byPerson.reduce((n, p) => n + p.total, 0)
    // Even a count tells the cell's secret (that a strategy exists): it is a read like any other.
    if (total > 0) {
      await recordAuditEvent(ctx, trx, {
        action: 'arrest_strategy.counted',
        recordType: repo.STRATEGY_RECORD,
        details: { personId: query.personId ?? null, total },
      })
    }
    return { total, byPerson }
  })
}

export async function getArrestStrategy(ctx: Ctx, id: string): Promise<ArrestStrategyDetail> {
  const { row, versions } = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findVisibleStrategy(trx, ctx.actor, id)
    if (!row) throw new AppError('RECORD_NOT_FOUND', `No arrest strategy ${id}`)
    await auditReads(ctx, trx, [row], 'arrest_strategy.read')
    return { row, versions: await repo.listStrategyVersions(trx, id) }
  })
  return {
    ...toStrategy(row, ctx.now().toISOString().slice(0, 10)),
    versions: versions.map((v) => ({
      version: v.version,
      title: v.title,
      body: v.body,
      status: v.status,
      reviewDate: v.review_date,
      note: v.note,
      changedBy: v.changed_by,
      changedAt: v.changed_at,
    })),
  }
}

export async function createArrestStrategy(ctx: Ctx, input: CreateArrestStrategyBody): Promise<ArrestStrategyDetail> {
  const actor = caseworker(ctx)
  // The author must be in the cell, or they could not see what they just wrote.
  assertOwnable(actor, { classification: STRATEGY_CLASSIFICATION, compartment: input.cell })
  const nowIso = ctx.now().toISOString()
  const id = randomUUID()
  const by = actorLabel(actor)
  await ctx.db.transaction().execute(async (trx) => {
    const [person] = await listVisiblePersonsForLink(trx, actor, [input.personId])
    if (!person) throw new AppError('RECORD_NOT_FOUND', `No person ${input.personId}`)
    // A new strategy replaces the cell's current one for this person; the old one stays readable.
    const previous = await repo.listActiveStrategiesOfPersonInCell(trx, input.personId, input.cell)
    for (const old of previous) {
      if (!(await repo.updateStrategyIfVersion(trx, old.id, old.version, supersede(old, by, nowIso)))) {
        throw new AppError('ARREST_STRATEGY_VERSION_CONFLICT', 'The current strategy changed meanwhile; try again')
      }
      await repo.insertStrategyVersions(trx, [
        versionRow({ ...old, status: 'superseded', version: old.version + 1 }, `Superseded by ${id}`, by, nowIso),
      ])
    }
    const row = {
      id,
      person_id: input.personId,
      title: input.title,
      body: input.body,
      status: 'active' as const,
      review_date: input.reviewDate ?? null,
      version: 1,
      search_text: foldText(`${input.title} ${input.body}`),
      classification: STRATEGY_CLASSIFICATION,
      compartment_code: input.cell,
      ex_parte_party: null,
      created_by: by,
      updated_by: by,
      created_at: nowIso,
      updated_at: nowIso,
    }
    await repo.insertStrategy(trx, row)
    await repo.insertStrategyVersions(trx, [versionRow(row, null, by, nowIso)])
    await recordAuditEvent(ctx, trx, {
      action: 'arrest_strategy.created',
      recordType: repo.STRATEGY_RECORD,
      recordId: id,
      classification: STRATEGY_CLASSIFICATION,
      details: { personId: input.personId, cell: input.cell, superseded: previous.map((p) => p.id) },
    })
  })
  return getArrestStrategy(ctx, id)
}

function supersede(old: ArrestStrategyRow, by: string, nowIso: string): ArrestStrategyUpdate {
  return { status: 'superseded', version: old.version + 1, updated_by: by, updated_at: nowIso }
}

function versionRow(
  r: Pick<ArrestStrategyRow, 'id' | 'version' | 'title' | 'body' | 'status' | 'review_date'>,
  note: string | null,
  by: string,
  nowIso: string,
) {
  return {
    strategy_id: r.id,
    version: r.version,
    title: r.title,
    body: r.body,
    status: r.status,
    review_date: r.review_date,
    note,
    changed_by: by,
    changed_at: nowIso,
  }
}

export async function updateArrestStrategy(
  ctx: Ctx,
  id: string,
  input: UpdateArrestStrategyBody,
): Promise<ArrestStrategyDetail> {
  const actor = caseworker(ctx)
  const nowIso = ctx.now().toISOString()
  const by = actorLabel(actor)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findVisibleStrategy(trx, actor, id)
    if (!row) throw new AppError('RECORD_NOT_FOUND', `No arrest strategy ${id}`)
    if (row.status === 'superseded')
      throw new AppError('ARREST_STRATEGY_NOT_EDITABLE', 'A superseded strategy is kept as it was; write a new one')
    if (row.version !== input.version)
      throw new AppError('ARREST_STRATEGY_VERSION_CONFLICT', `The strategy is at version ${row.version}`, {
        version: row.version,
      })
    const next = {
      ...row,
      title: input.title ?? row.title,
      body: input.body ?? row.body,
      status: input.status ?? row.status,
      review_date: input.reviewDate === undefined ? row.review_date : input.reviewDate,
      version: row.version + 1,
    }
    const set: ArrestStrategyUpdate = {
      title: next.title,
      body: next.body,
      status: next.status,
      review_date: next.review_date,
      version: next.version,
      search_text: foldText(`${next.title} ${next.body}`),
      updated_by: by,
      updated_at: nowIso,
    }
    if (!(await repo.updateStrategyIfVersion(trx, id, row.version, set)))
      throw new AppError('ARREST_STRATEGY_VERSION_CONFLICT', 'The strategy changed meanwhile')
    await repo.insertStrategyVersions(trx, [versionRow(next, input.note ?? null, by, nowIso)])
    await recordAuditEvent(ctx, trx, {
      action: 'arrest_strategy.updated',
      recordType: repo.STRATEGY_RECORD,
      recordId: id,
      classification: row.classification,
      details: { version: next.version, fields: Object.keys(input).filter((k) => k !== 'version') },
    })
  })
  return getArrestStrategy(ctx, id)
}

const EXPORT_COLUMNS: { header: string; value: (s: ArrestStrategy) => string }[] = [
  { header: 'Id', value: (s) => s.id },
  { header: 'Person', value: (s) => s.personId },
  { header: 'Cell', value: (s) => s.cell },
  { header: 'Title', value: (s) => s.title },
  { header: 'Status', value: (s) => s.status },
  { header: 'Review date', value: (s) => s.reviewDate ?? '' },
  { header: 'Version', value: (s) => String(s.version) },
  { header: 'Updated', value: (s) => s.updatedAt },
  { header: 'Strategy', value: (s) => s.body },
]
const MAX_EXPORT_ROWS = 10_000

/** A cell a spreadsheet will not run as a formula (OWASP "CSV injection"): a leading quote. */
const neutraliseFormula = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)
const csvField = (value: string) => `"${neutraliseFormula(value).replaceAll('"', '""')}"`

/** The list as CSV: same filters, same visibility, audited in the read's transaction. */
export async function exportArrestStrategies(ctx: Ctx, query: ExportArrestStrategiesQuery) {
  const filters = { personId: query.personId, status: query.status, terms: termsOf(query.q) }
  const today = ctx.now().toISOString().slice(0, 10)
  return ctx.db.transaction().execute(async (trx) => {
    const total = await repo.countVisibleStrategies(trx, ctx.actor, filters)
    if (total > MAX_EXPORT_ROWS)
      throw new AppError('EXPORT_TOO_LARGE', `${total} strategies match; an export holds at most ${MAX_EXPORT_ROWS}`)
    const rows = await repo.listVisibleStrategies(trx, ctx.actor, filters, null, MAX_EXPORT_ROWS)
    if (rows.length > 0) {
      await recordAuditEvent(ctx, trx, {
        action: 'arrest_strategy.exported',
        recordType: repo.STRATEGY_RECORD,
        details: { filters: query, rows: rows.length, ids: rows.map((r) => r.id) },
      })
    }
    const lines = [`\uFEFF${EXPORT_COLUMNS.map((c) => csvField(c.header)).join(',')}`]
    for (const r of rows) lines.push(EXPORT_COLUMNS.map((c) => csvField(c.value(toStrategy(r, today)))).join(','))
    return { content: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'), filename: `arrest-strategies-${today}.csv` }
  })
}

function toStrategy(row: ArrestStrategyRow, today: string): ArrestStrategy {
  return {
    id: row.id,
    personId: row.person_id,
    cell: row.compartment_code ?? '',
    title: row.title,
    body: row.body,
    status: row.status,
    reviewDate: row.review_date,
    isReviewDue: row.status === 'active' && row.review_date !== null && row.review_date <= today,
    version: row.version,
    classification: row.classification as ArrestStrategy['classification'],
    isDemo: toBool(row.is_demo),
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
