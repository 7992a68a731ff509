import type { Actor } from '../context.ts'
import type { Db } from '../db/database.ts'
import { fromBool } from '../db/values.ts'
import * as repo from './requests.repository.ts'

// For features whose records rest on a request (an asset's freezing rests on a 93(1)(k)
// request): the request as they may show it, read through the same visibility rule, so a
// request the caller cannot see is simply not found. These reads are part of the caller's read
// of their own record, which audits it.

export type LinkedRequest = {
  id: string
  reference: string
  requestType: string
  addressee: string
  status: string
  caseId: string | null
}

function toLinkedRequest(row: {
  id: string
  reference: string
  request_type: string
  addressee: string
  status: string
  case_id: string | null
}): LinkedRequest {
  return {
    id: row.id,
    reference: row.reference,
    requestType: row.request_type,
    addressee: row.addressee,
    status: row.status,
    caseId: row.case_id,
  }
}

export async function findVisibleRequestForLink(db: Db, actor: Actor, id: string): Promise<LinkedRequest | undefined> {
  const row = await repo.findVisibleRequest(db, actor, id)
  return row ? toLinkedRequest(row) : undefined
}

export async function listVisibleRequestsForLink(db: Db, actor: Actor, ids: readonly string[]) {
  const found: LinkedRequest[] = []
  for (const id of new Set(ids)) {
    const row = await findVisibleRequestForLink(db, actor, id)
    if (row) found.push(row)
  }
  return found
}

/** The fictional demo's transmitted requests of these types (the assets demo rests its steps on them). */
export function listDemoRequestsOfTypes(db: Db, types: readonly string[]) {
  return db
    .selectFrom('requests')
    .select(['id', 'reference', 'request_type', 'addressee', 'case_id', 'compartment_code'])
    .where('is_demo', '=', fromBool(true))
    .where('request_type', 'in', [...types])
    .where('transmitted_at', 'is not', null)
    .orderBy('reference')
    .execute()
}
