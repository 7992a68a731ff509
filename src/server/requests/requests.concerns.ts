import { z } from 'zod'
import type { Ctx } from '../context.ts'
import { AppError } from '../errors.ts'
import { CaseSchema, PersonSchema, SituationSchema } from '../situations/situations.schemas.ts'
import { getCase, getPerson, getSituation } from '../situations/situations.service.ts'
import { WarrantSchema } from '../warrants/warrants.schemas.ts'
import { getWarrant } from '../warrants/warrants.service.ts'
import * as records from './requests.records.repository.ts'
import * as repo from './requests.repository.ts'

// What a request concerns, as its reader may see each part: the situation, the case, the persons
// and the warrants it names. Each is read through its own feature's service, so with its own
// need-to-know and the audit of its reads; one the reader may not see is left out. A State named
// on a request is not always named on its case: the page shows what it may, in one answer, where
// reading each record by its own route answered 404 for those it may not see.

export const RequestConcernsSchema = z.object({
  situation: SituationSchema.nullable(),
  case: CaseSchema.nullable(),
  persons: z.array(PersonSchema),
  warrants: z.array(WarrantSchema),
})
export type RequestConcerns = z.infer<typeof RequestConcernsSchema>

/** `read()`'s record, or null when the reader may not see it (not found and not visible alike). */
async function visibleOrNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read()
  } catch (error) {
    if (error instanceof AppError && error.code === 'RECORD_NOT_FOUND') return null
    throw error
  }
}

const seen = <T>(items: (T | null)[]) => items.filter((item): item is T => item !== null)

export async function getRequestConcerns(ctx: Ctx, id: string): Promise<RequestConcerns> {
  const row = await repo.findVisibleRequest(ctx.db, ctx.actor, id)
  if (!row) throw new AppError('RECORD_NOT_FOUND', `No request ${id}`)
  const persons = []
  for (const personId of await records.listRequestPersonIds(ctx.db, id))
    persons.push(await visibleOrNull(() => getPerson(ctx, personId)))
  const warrants = []
  for (const warrantId of await records.listRequestWarrantIds(ctx.db, id))
    warrants.push(await visibleOrNull(() => getWarrant(ctx, warrantId)))
  return {
    situation: row.situation_id ? await visibleOrNull(() => getSituation(ctx, row.situation_id as string)) : null,
    case: row.case_id ? await visibleOrNull(() => getCase(ctx, row.case_id as string)) : null,
    persons: seen(persons),
    warrants: seen(warrants),
  }
}
