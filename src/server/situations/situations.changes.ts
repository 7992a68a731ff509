import { recordAuditEvent } from '../audit/audit.service.ts'
import type { Ctx } from '../context.ts'
import type { Db } from '../db/database.ts'
import { AppError } from '../errors.ts'
import * as repo from './situations.repository.ts'
import type {
  Case,
  Person,
  Situation,
  UpdateCaseBody,
  UpdatePersonBody,
  UpdateSituationBody,
} from './situations.schemas.ts'
import { caseworker, getCase, getPerson, getSituation, type ProtectedRow } from './situations.service.ts'

// Situations, cases and persons change as proceedings go on, always with a reason: only what
// differs is written, and the trail's entry names each column before and after, in the change's
// transaction (docs/requests.md).

type Changes = Record<string, { from: unknown; to: unknown }>

/**
 * The columns a change would move, each before and after: a value given as it already is, or not
 * given, is left out. A body that moves nothing is refused, as there would be nothing to record.
 */
function changedColumns<R extends Record<string, unknown>>(row: R, next: Partial<Record<keyof R & string, unknown>>) {
  const changes: Changes = {}
  for (const [column, value] of Object.entries(next)) {
    if (value !== undefined && value !== row[column]) changes[column] = { from: row[column], to: value }
  }
  if (Object.keys(changes).length === 0) throw new AppError('RECORD_INVALID', 'Nothing would change')
  return changes
}

/** Writes the change if the row still holds what it was read with (else 409: read it again). */
async function write(ctx: Ctx, trx: Db, table: 'situations' | 'cases' | 'persons', id: string, changes: Changes) {
  if ((await repo.updateIfUnchanged(trx, table, id, changes, ctx.now().toISOString())) === 0)
    throw new AppError('RECORD_CHANGED_MEANWHILE', 'Someone changed this record meanwhile: read it again')
}

/** The trail's entry of a change: each column before and after, and the reason, in its transaction. */
function auditChange(
  ctx: Ctx,
  trx: Db,
  action: string,
  recordType: string,
  row: ProtectedRow,
  changes: Changes,
  reason: string,
) {
  return recordAuditEvent(ctx, trx, {
    action,
    recordType,
    recordId: row.id,
    classification: row.classification,
    details: { changes, reason },
  })
}

/** A situation's name or description corrected. A situation the caller may not see is 404. */
export async function updateSituation(ctx: Ctx, id: string, input: UpdateSituationBody): Promise<Situation> {
  const actor = caseworker(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findVisibleSituation(trx, actor, id)
    if (!row) throw new AppError('RECORD_NOT_FOUND', 'No situation with this id')
    const changes = changedColumns(row, {
      name: input.name,
      description: input.description === undefined ? undefined : input.description || null,
    })
    await write(ctx, trx, 'situations', id, changes)
    await auditChange(ctx, trx, 'situation.updated', repo.SITUATION_RECORD, row, changes, input.reason)
  })
  return getSituation(ctx, id)
}

/**
 * A case's name corrected, or its Defence team appointed, replaced or removed. The team learns of
 * its case by being named on it (createCase): the new one is named, the former one no longer is,
 * so it can no longer see the case nor draft requests for it. Requests it drafted stay its own.
 */
export async function updateCase(ctx: Ctx, id: string, input: UpdateCaseBody): Promise<Case> {
  const actor = caseworker(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findVisibleCase(trx, actor, id)
    if (!row) throw new AppError('RECORD_NOT_FOUND', 'No case with this id')
    const defence = input.defenceOrgCode
    if (defence && (await repo.findOrganisation(trx, defence))?.kind !== 'defence')
      throw new AppError('RECORD_INVALID', `${defence} is not a Defence team`)
    const changes = changedColumns(row, { name: input.name, defence_org_code: defence })
    await write(ctx, trx, 'cases', id, changes)
    if (changes.defence_org_code) {
      if (row.defence_org_code) await repo.removeNamedOrganisation(trx, repo.CASE_RECORD, id, row.defence_org_code)
      if (defence) await repo.insertNamedOrganisation(trx, repo.CASE_RECORD, id, defence)
    }
    await auditChange(ctx, trx, 'case.updated', repo.CASE_RECORD, row, changes, input.reason)
  })
  return getCase(ctx, id)
}

/**
 * Changes a person's role, case, name or description, with the reason in the trail. A person the
 * caller may not see is 404, as one that does not exist; a case must be one of the same situation
 * the caller may see.
 */
export async function updatePerson(ctx: Ctx, id: string, input: UpdatePersonBody): Promise<Person> {
  const actor = caseworker(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findVisiblePerson(trx, actor, id)
    if (!row) throw new AppError('RECORD_NOT_FOUND', 'No person with this id')
    if (input.caseId) {
      const found = await repo.findVisibleCase(trx, actor, input.caseId)
      if (!found) throw new AppError('RECORD_NOT_FOUND', `No case ${input.caseId}`)
      if (found.situation_id !== row.situation_id)
        throw new AppError('RECORD_INVALID', 'The case belongs to another situation')
    }
    const changes = changedColumns(row, {
      role_in_proceedings: input.roleInProceedings,
      case_id: input.caseId,
      name: input.name,
      description: input.description === undefined ? undefined : input.description || null,
    })
    await write(ctx, trx, 'persons', id, changes)
    await auditChange(ctx, trx, 'person.updated', repo.PERSON_RECORD, row, changes, input.reason)
  })
  return getPerson(ctx, id)
}
