import { randomUUID } from 'node:crypto'
import type { Classification } from '../access/classification.ts'
import { isNamedOrganisation, listClassificationDecisions } from '../access/record-access.ts'
import { recordAuditEvent } from '../audit/audit.service.ts'
import type { Actor, Ctx, UserActor } from '../context.ts'
import type { Db } from '../db/database.ts'
import { toBool } from '../db/values.ts'
import { AppError } from '../errors.ts'
import { decodeCursor, encodeCursor } from '../pagination.ts'
import { assertOwnable, isCourtCaseworker } from './situations.policy.ts'
import * as repo from './situations.repository.ts'
import type {
  Case,
  CaseDetail,
  CreateCaseBody,
  CreatePersonBody,
  CreateSituationBody,
  ListCasesQuery,
  ListPersonsQuery,
  ListSituationsQuery,
  Person,
  PersonDetail,
  Situation,
  SituationDetail,
} from './situations.schemas.ts'
import type { CaseRow, PersonRow, SituationRow } from './situations.table.ts'

export type ProtectedRow = { id: string; classification: string }

const isCursor = (v: unknown): v is string => typeof v === 'string' && v.length <= 200

/** Reads of non-public records are part of their history: one audit event per answer. */
async function auditReads(ctx: Ctx, trx: Db, recordType: string, rows: ProtectedRow[], action: string) {
  const nonPublic = rows.filter((r) => r.classification !== 'public')
  if (nonPublic.length === 0) return
  await recordAuditEvent(ctx, trx, {
    action,
    recordType,
    ...(nonPublic.length === 1 ? { recordId: nonPublic[0]?.id, classification: nonPublic[0]?.classification } : {}),
    details: { ids: nonPublic.map((r) => r.id) },
  })
}

async function readPage<R extends ProtectedRow, T>(
  ctx: Ctx,
  recordType: string,
  query: { limit: number; cursor?: string | undefined },
  list: (trx: Db, page: repo.Page) => Promise<R[]>,
  map: (row: R) => T,
) {
  const afterId = query.cursor ? decodeCursor(query.cursor, isCursor) : null
  const rows = await ctx.db.transaction().execute(async (trx) => {
    const rows = await list(trx, { afterId, limit: query.limit + 1 })
    await auditReads(ctx, trx, recordType, rows.slice(0, query.limit), `${recordType}.listed`)
    return rows
  })
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return { items: page.map(map), nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null }
}

/** One record, with the decisions on its classification, read in one transaction with its audit. */
async function readOne<R extends ProtectedRow, T>(
  ctx: Ctx,
  recordType: string,
  find: (trx: Db) => Promise<R | undefined>,
  map: (row: R) => T,
) {
  const { row, classificationHistory } = await ctx.db.transaction().execute(async (trx) => {
    const row = await find(trx)
    if (!row) throw new AppError('RECORD_NOT_FOUND', `No ${recordType} with this id`)
    await auditReads(ctx, trx, recordType, [row], `${recordType}.read`)
    return { row, classificationHistory: await listClassificationDecisions(trx, recordType, row.id) }
  })
  return { ...map(row), classificationHistory }
}

export const listSituations = (ctx: Ctx, query: ListSituationsQuery) =>
  readPage(
    ctx,
    repo.SITUATION_RECORD,
    query,
    (trx, page) => repo.listVisibleSituations(trx, ctx.actor, page),
    toSituation,
  )
export const getSituation = (ctx: Ctx, id: string) =>
  readOne(ctx, repo.SITUATION_RECORD, (trx) => repo.findVisibleSituation(trx, ctx.actor, id), toSituation)
export const listCases = (ctx: Ctx, query: ListCasesQuery) =>
  readPage(
    ctx,
    repo.CASE_RECORD,
    query,
    (trx, page) =>
      repo.listVisibleCases(trx, ctx.actor, { ...(query.situationId && { situationId: query.situationId }) }, page),
    toCase,
  )
export const getCase = (ctx: Ctx, id: string) =>
  readOne(ctx, repo.CASE_RECORD, (trx) => repo.findVisibleCase(trx, ctx.actor, id), toCase)
export const listPersons = (ctx: Ctx, query: ListPersonsQuery) =>
  readPage(
    ctx,
    repo.PERSON_RECORD,
    query,
    (trx, page) =>
      repo.listVisiblePersons(
        trx,
        ctx.actor,
        {
          ...(query.situationId && { situationId: query.situationId }),
          ...(query.caseId && { caseId: query.caseId }),
          ...(query.role && { role: query.role }),
        },
        page,
      ),
    toPerson,
  )
export const getPerson = (ctx: Ctx, id: string) =>
  readOne(ctx, repo.PERSON_RECORD, (trx) => repo.findVisiblePerson(trx, ctx.actor, id), toPerson)

export function caseworker(ctx: Ctx) {
  if (!isCourtCaseworker(ctx.actor)) throw new AppError('FORBIDDEN', 'Only Court officers and approvers create records')
  return ctx.actor
}

/** A case's Defence team must be one (an organisation of kind `defence`). */
export async function assertDefenceTeam(trx: Db, orgCode: string) {
  if ((await repo.findOrganisation(trx, orgCode))?.kind !== 'defence')
    throw new AppError('RECORD_INVALID', `${orgCode} is not a Defence team`)
}

/** A person's case must be one the caller may see, of the person's own situation. */
export async function assertCaseOfSituation(trx: Db, actor: Actor, caseId: string, situationId: string) {
  const found = await repo.findVisibleCase(trx, actor, caseId)
  if (!found) throw new AppError('RECORD_NOT_FOUND', `No case ${caseId}`)
  if (found.situation_id !== situationId) throw new AppError('RECORD_INVALID', 'The case belongs to another situation')
}

type OwnedInput = { classification: string; compartment?: string | null; exParteParty?: string | null }

function protectedValues(input: OwnedInput) {
  return {
    classification: input.classification,
    compartment_code: input.compartment ?? null,
    ex_parte_party: input.classification === 'ex_parte' ? (input.exParteParty ?? null) : null,
  }
}

type CreationStamps = ReturnType<typeof protectedValues> & {
  created_by: string
  created_at: string
  updated_at: string
}

/**
 * One record created, in one transaction: the caller must be a Court caseworker who may own it
 * (assertOwnable), `write` checks what it rests on (its situation, case or Defence team) and
 * inserts its row with `stamps`, and the trail's entry follows. Returns the new id.
 */
async function createRecord(
  ctx: Ctx,
  input: OwnedInput,
  spec: {
    recordType: string
    action: string
    details?: Record<string, unknown>
    write: (trx: Db, actor: UserActor, id: string, stamps: CreationStamps) => Promise<void>
  },
): Promise<string> {
  const actor = caseworker(ctx)
  assertOwnable(actor, input)
  const nowIso = ctx.now().toISOString()
  const id = randomUUID()
  const stamps = { ...protectedValues(input), created_by: actor.userId, created_at: nowIso, updated_at: nowIso }
  await ctx.db.transaction().execute(async (trx) => {
    await spec.write(trx, actor, id, stamps)
    await recordAuditEvent(ctx, trx, {
      action: spec.action,
      recordType: spec.recordType,
      recordId: id,
      classification: input.classification,
      ...(spec.details ? { details: spec.details } : {}),
    })
  })
  return id
}

export async function createSituation(ctx: Ctx, input: CreateSituationBody): Promise<SituationDetail> {
  const id = await createRecord(ctx, input, {
    recordType: repo.SITUATION_RECORD,
    action: 'situation.created',
    details: { code: input.code },
    write: async (trx, _actor, id, stamps) => {
      if (await repo.findSituationByCode(trx, input.code))
        throw new AppError('RECORD_CODE_TAKEN', `Situation code ${input.code} is taken`)
      await repo.insertSituations(trx, [
        { id, code: input.code, name: input.name, description: input.description ?? null, ...stamps },
      ])
    },
  })
  return getSituation(ctx, id)
}

export async function createCase(ctx: Ctx, input: CreateCaseBody): Promise<CaseDetail> {
  const id = await createRecord(ctx, input, {
    recordType: repo.CASE_RECORD,
    action: 'case.created',
    details: { code: input.code, situationId: input.situationId },
    write: async (trx, actor, id, stamps) => {
      if (!(await repo.findVisibleSituation(trx, actor, input.situationId)))
        throw new AppError('RECORD_NOT_FOUND', `No situation ${input.situationId}`)
      if (await repo.findCaseByCode(trx, input.code))
        throw new AppError('RECORD_CODE_TAKEN', `Case code ${input.code} is taken`)
      if (input.defenceOrgCode) await assertDefenceTeam(trx, input.defenceOrgCode)
      await repo.insertCases(trx, [
        {
          id,
          situation_id: input.situationId,
          code: input.code,
          name: input.name,
          defence_org_code: input.defenceOrgCode ?? null,
          ...stamps,
        },
      ])
      // The Defence team is named on its own case: that is how it knows the case exists.
      if (input.defenceOrgCode) await repo.insertNamedOrganisation(trx, repo.CASE_RECORD, id, input.defenceOrgCode)
    },
  })
  return getCase(ctx, id)
}

export async function createPerson(ctx: Ctx, input: CreatePersonBody): Promise<PersonDetail> {
  const id = await createRecord(ctx, input, {
    recordType: repo.PERSON_RECORD,
    action: 'person.created',
    write: async (trx, actor, id, stamps) => {
      if (!(await repo.findVisibleSituation(trx, actor, input.situationId)))
        throw new AppError('RECORD_NOT_FOUND', `No situation ${input.situationId}`)
      if (input.caseId) await assertCaseOfSituation(trx, actor, input.caseId, input.situationId)
      await repo.insertPersons(trx, [
        {
          id,
          situation_id: input.situationId,
          case_id: input.caseId ?? null,
          name: input.name,
          role_in_proceedings: input.roleInProceedings,
          description: input.description ?? null,
          ...stamps,
        },
      ])
    },
  })
  return getPerson(ctx, id)
}

// For the requests feature: the links of a request, checked through the same visibility rule.

export async function findVisibleCaseForLink(db: Db, actor: Actor, id: string) {
  const row = await repo.findVisibleCase(db, actor, id)
  return row ? toCase(row) : undefined
}

export async function findVisibleSituationForLink(db: Db, actor: Actor, id: string) {
  const row = await repo.findVisibleSituation(db, actor, id)
  return row ? toSituation(row) : undefined
}

export async function listVisiblePersonsForLink(db: Db, actor: Actor, ids: readonly string[]) {
  return (await repo.listVisiblePersonsByIds(db, actor, ids)).map(toPerson)
}

function protectedFields(row: SituationRow | CaseRow | PersonRow) {
  return {
    classification: row.classification as Classification,
    compartment: row.compartment_code,
    exParteParty: row.ex_parte_party,
    isDemo: toBool(row.is_demo),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function toSituation(row: SituationRow): Situation {
  return { id: row.id, code: row.code, name: row.name, description: row.description, ...protectedFields(row) }
}

export function toCase(row: CaseRow): Case {
  return {
    id: row.id,
    situationId: row.situation_id,
    code: row.code,
    name: row.name,
    defenceOrgCode: row.defence_org_code,
    ...protectedFields(row),
  }
}

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    situationId: row.situation_id,
    caseId: row.case_id,
    name: row.name,
    roleInProceedings: row.role_in_proceedings,
    description: row.description,
    ...protectedFields(row),
  }
}

/**
 * Names organisations on a person (a sealed warrant naming the State asked to arrest discloses
 * the person to that State, and only to it). Public persons need nothing; names already there stay.
 */
export async function namePersonRecipients(trx: Db, personId: string, orgCodes: readonly string[]) {
  for (const org of orgCodes) {
    if (!(await isNamedOrganisation(trx, repo.PERSON_RECORD, personId, org)))
      await repo.insertNamedOrganisation(trx, repo.PERSON_RECORD, personId, org)
  }
}
