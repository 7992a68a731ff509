import { recordClassificationChange, removeNamedOrganisation } from '../access/record-access.ts'
import { recordAuditEvent } from '../audit/audit.service.ts'
import type { Ctx, UserActor } from '../context.ts'
import type { Db } from '../db/database.ts'
import { AppError } from '../errors.ts'
import * as repo from './situations.repository.ts'
import type {
  CaseDetail,
  PersonDetail,
  ReclassificationBody,
  SituationDetail,
  UpdateCaseBody,
  UpdatePersonBody,
  UpdateSituationBody,
} from './situations.schemas.ts'
import {
  assertCaseOfSituation,
  assertDefenceTeam,
  caseworker,
  getCase,
  getPerson,
  getSituation,
  type ProtectedRow,
} from './situations.service.ts'

// Situations, cases and persons change as proceedings go on, always with a reason: only what
// differs is written, and the trail's entry names each column before and after, in the change's
// transaction (docs/requests.md).

type Changes = Record<string, { from: unknown; to: unknown }>

/**
 * The columns a change would move, each before and after: a value given as it already is, or not
 * given, is left out. A body that moves nothing is refused, as there would be nothing to record.
 */
function changedColumns(row: Record<string, unknown>, next: Record<string, unknown>) {
  const changes: Changes = {}
  for (const [column, value] of Object.entries(next)) {
    if (value !== undefined && value !== row[column]) changes[column] = { from: row[column], to: value }
  }
  if (Object.keys(changes).length === 0) throw new AppError('RECORD_INVALID', 'Nothing would change')
  return changes
}

/** An optional text given as empty means none. */
const emptyAsNull = (value: string | null | undefined) => (value === undefined ? undefined : value || null)

/**
 * One change of one record, in one transaction: the record as the caller may see it (else 404, as
 * one that does not exist), the columns it would move (`columns` may refuse them), the write if the
 * row still holds what was read (else 409: read it again), what else the change entails (`alsoWrite`),
 * and the trail's entry with each column before and after, and the reason.
 */
async function changeRecord<R extends ProtectedRow & Record<string, unknown>>(
  ctx: Ctx,
  id: string,
  reason: string,
  spec: {
    table: 'situations' | 'cases' | 'persons'
    recordType: string
    action: string
    noun: string
    find: (trx: Db, actor: UserActor) => Promise<R | undefined>
    columns: (trx: Db, actor: UserActor, row: R) => Promise<Record<string, unknown>>
    alsoWrite?: (trx: Db, row: R, changes: Changes, actor: UserActor) => Promise<void>
  },
) {
  const actor = caseworker(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await spec.find(trx, actor)
    if (!row) throw new AppError('RECORD_NOT_FOUND', `No ${spec.noun} with this id`)
    const changes = changedColumns(row, await spec.columns(trx, actor, row))
    if ((await repo.updateIfUnchanged(trx, spec.table, id, changes, ctx.now().toISOString())) === 0)
      throw new AppError('RECORD_CHANGED_MEANWHILE', 'Someone changed this record meanwhile: read it again')
    await spec.alsoWrite?.(trx, row, changes, actor)
    await recordAuditEvent(ctx, trx, {
      action: spec.action,
      recordType: spec.recordType,
      recordId: id,
      classification: row.classification,
      details: { changes, reason },
    })
  })
}

/** A situation's name or description corrected. */
export async function updateSituation(ctx: Ctx, id: string, input: UpdateSituationBody): Promise<SituationDetail> {
  await changeRecord(ctx, id, input.reason, {
    table: 'situations',
    recordType: repo.SITUATION_RECORD,
    action: 'situation.updated',
    noun: 'situation',
    find: (trx, actor) => repo.findVisibleSituation(trx, actor, id),
    columns: async () => ({ name: input.name, description: emptyAsNull(input.description) }),
  })
  return getSituation(ctx, id)
}

/**
 * A case's name corrected, or its Defence team appointed, replaced or removed. The team learns of
 * its case by being named on it (createCase): the new one is named, the former one no longer is,
 * so it can no longer see the case nor draft requests for it. Requests it drafted stay its own.
 */
export async function updateCase(ctx: Ctx, id: string, input: UpdateCaseBody): Promise<CaseDetail> {
  const defence = input.defenceOrgCode
  await changeRecord(ctx, id, input.reason, {
    table: 'cases',
    recordType: repo.CASE_RECORD,
    action: 'case.updated',
    noun: 'case',
    find: (trx, actor) => repo.findVisibleCase(trx, actor, id),
    columns: async (trx) => {
      if (defence) await assertDefenceTeam(trx, defence)
      return { name: input.name, defence_org_code: defence }
    },
    alsoWrite: async (trx, row, changes) => {
      if (!changes.defence_org_code) return
      if (row.defence_org_code) await removeNamedOrganisation(trx, repo.CASE_RECORD, id, row.defence_org_code)
      if (defence) await repo.insertNamedOrganisation(trx, repo.CASE_RECORD, id, defence)
    },
  })
  return getCase(ctx, id)
}

/** A person's role, case, name or description; a case must be one of the person's situation. */
export async function updatePerson(ctx: Ctx, id: string, input: UpdatePersonBody): Promise<PersonDetail> {
  await changeRecord(ctx, id, input.reason, {
    table: 'persons',
    recordType: repo.PERSON_RECORD,
    action: 'person.updated',
    noun: 'person',
    find: (trx, actor) => repo.findVisiblePerson(trx, actor, id),
    columns: async (trx, actor, row) => {
      if (input.caseId) await assertCaseOfSituation(trx, actor, input.caseId, row.situation_id)
      return {
        role_in_proceedings: input.roleInProceedings,
        case_id: input.caseId,
        name: input.name,
        description: emptyAsNull(input.description),
      }
    },
  })
  return getPerson(ctx, id)
}

/** A record with its owning compartment, whose approvers decide its classification. */
type OwnedRow = ProtectedRow & { compartment_code: string | null }

const RECORDS = {
  situation: {
    table: 'situations',
    recordType: repo.SITUATION_RECORD,
    find: repo.findVisibleSituation,
    get: getSituation,
  },
  case: { table: 'cases', recordType: repo.CASE_RECORD, find: repo.findVisibleCase, get: getCase },
  person: { table: 'persons', recordType: repo.PERSON_RECORD, find: repo.findVisiblePerson, get: getPerson },
} as const

/**
 * A seal lifted, or a record sealed, on a decision (its legal basis): an approver of the record's
 * owning compartment decides, as for a warrant's seal (warrants.service.ts). The decision is kept
 * in the record's classification history and the trail, in one transaction. A case's persons keep
 * their own classification: a suspect may stay sealed in a case made public.
 */
export async function reclassify<K extends keyof typeof RECORDS>(
  ctx: Ctx,
  kind: K,
  id: string,
  input: ReclassificationBody,
): Promise<Awaited<ReturnType<(typeof RECORDS)[K]['get']>>> {
  const record = RECORDS[kind]
  await changeRecord<OwnedRow & Record<string, unknown>>(ctx, id, input.legalBasis, {
    table: record.table,
    recordType: record.recordType,
    action: `${kind}.reclassified`,
    noun: kind,
    find: (trx, actor) => record.find(trx, actor, id),
    columns: async (_trx, actor, row) => {
      if (actor.role !== 'approver') throw new AppError('FORBIDDEN', 'Only a Court approver decides a classification')
      if (!row.compartment_code || !actor.compartments.includes(row.compartment_code))
        throw new AppError('FORBIDDEN', `Only the owning compartment decides the ${kind}'s classification`)
      if (row.classification === 'ex_parte')
        throw new AppError('RECLASSIFICATION_INVALID', `The ${kind} is ex parte: it names a party, and stays so`)
      if (row.classification === input.to)
        throw new AppError('RECLASSIFICATION_INVALID', `The ${kind} is already ${input.to}`)
      return { classification: input.to }
    },
    alsoWrite: (trx, row, _changes, actor) =>
      recordClassificationChange(trx, record.recordType, {
        recordId: id,
        from: row.classification,
        to: input.to,
        legalBasis: input.legalBasis,
        decidedBy: actor.email,
        nowIso: ctx.now().toISOString(),
      }),
  })
  return (await record.get(ctx, id)) as Awaited<ReturnType<(typeof RECORDS)[K]['get']>>
}
