import { randomUUID } from 'node:crypto'
import type { Db } from '../db/database.ts'
import { fromBool } from '../db/values.ts'
import { removeDocumentsOfRequests } from '../documents/documents.service.ts'
import { indexRequestDocuments } from '../requests/requests.search-index.ts'
import * as repo from './messages.repository.ts'
import { messageSearchParts } from './messages.service.ts'
import type { RequestMessageTable } from './messages.table.ts'

// Fictional threads on some demo requests that reached their addressee: the Registry's note of
// transmission and, where the addressee has a demo account, its answer (some in French). Indexed
// for full-text search like any posted message, in the demo's transaction.

type DemoRequest = {
  id: string
  addressee: string
  status: string
  transmitted_at?: string | null | undefined
  updated_at: string
}

const FOCAL_POINTS: Record<string, string> = {
  NLD: 'nld.focal-point@demo.invalid',
  KEN: 'ken.focal-point@demo.invalid',
  ARG: 'arg.focal-point@demo.invalid',
  'IO-UN': 'un.focal-point@demo.invalid',
}
const ANSWERED = ['acknowledged', 'in_execution', 'consultation', 'postponed', 'executed', 'partially_executed']
const ANSWERS = [
  'Acknowledged. The competent national authority has been seized of the request (fictional).',
  'Accusé de réception : la demande a été transmise à l’autorité judiciaire compétente (fictif).',
  'Nous sollicitons des précisions sur le lieu de résidence probable de la personne (fictif).',
]

export async function loadDemoMessages(trx: Db, users: Map<string, string>, requests: readonly DemoRequest[]) {
  const registry = users.get('registry.officer@demo.invalid')
  if (!registry) return 0
  const rows: RequestMessageTable[] = []
  for (const [i, r] of requests.entries()) {
    if (!r.transmitted_at || i % 4 !== 0) continue
    rows.push({
      id: randomUUID(),
      request_id: r.id,
      author_user_id: registry,
      author: 'user:registry.officer@demo.invalid',
      author_org: 'ICC-REGISTRY',
      body: 'Transmitted through the channel the State declared under article 87(1); please acknowledge receipt (fictional).',
      created_at: r.transmitted_at,
    })
    const email = FOCAL_POINTS[r.addressee]
    const focalPoint = email ? users.get(email) : undefined
    if (email && focalPoint && ANSWERED.includes(r.status)) {
      rows.push({
        id: randomUUID(),
        request_id: r.id,
        author_user_id: focalPoint,
        author: `user:${email}`,
        author_org: r.addressee,
        body: ANSWERS[i % ANSWERS.length] as string,
        created_at: r.updated_at,
      })
    }
  }
  for (let k = 0; k < rows.length; k += 200) await repo.insertMessages(trx, rows.slice(k, k + 200))
  await indexRequestDocuments(
    trx,
    rows.map((m) => ({ requestId: m.request_id, parts: messageSearchParts(m) })),
  )
  return rows.length
}

/** Threads of demo requests go with them (anyone's messages on a demo request included). */
/** Removes the demo requests' messages and documents, including any a user added to them. */
export async function removeDemoMessages(trx: Db) {
  const demoRequests = trx.selectFrom('requests').select('id').where('is_demo', '=', fromBool(true))
  await removeDocumentsOfRequests(trx, demoRequests)
  await repo.deleteMessagesOfRequests(trx, demoRequests)
}
