import { randomUUID } from 'node:crypto'
import { recordAuditEvent, recordAuditedRead } from '../audit/audit.service.ts'
import { actorLabel, type Ctx } from '../context.ts'
import { attachDocumentsToMessage, listMessageAttachments } from '../documents/documents.service.ts'
import { AppError } from '../errors.ts'
import { getRequestParticipation, tellTheOtherSide } from '../requests/requests.participation.ts'
import { indexRequestText } from '../requests/requests.search-index.ts'
import * as repo from './messages.repository.ts'
import type { Message, PostMessageBody } from './messages.schemas.ts'

// The thread of a request between the Court and the addressee. Read by whoever may see the
// request (the requests service decides); written by the Court side and, from transmission on,
// the addressee. Posting and reading a non-public thread are audited in their transaction.

const MESSAGE_RECORD = 'request_message'

/** A message's search document in its request's index (requests.search.ts). */
export function messageSearchParts(row: { id: string; body: string }) {
  return { source: `message:${row.id}`, body: [row.body] }
}

export async function listMessages(ctx: Ctx, requestId: string): Promise<{ items: Message[] }> {
  const { request, rows, attachments } = await ctx.db.transaction().execute(async (trx) => {
    const request = await getRequestParticipation(ctx, trx, requestId)
    const rows = await repo.listRequestMessages(trx, requestId)
    const ids = rows.map((r) => r.id)
    return { request, rows, attachments: await listMessageAttachments(trx, request, ids) }
  })
  // Reads are audited by group commit (audit.service.ts): the answer leaves once the entry is durable.
  if (request.classification !== 'public' && rows.length > 0)
    await recordAuditedRead(ctx, {
      action: 'message.listed',
      recordType: 'request',
      recordId: requestId,
      classification: request.classification,
      details: { count: rows.length },
    })
  return {
    items: rows.map((r) => ({
      id: r.id,
      requestId: r.request_id,
      author: r.author,
      authorOrg: r.author_org,
      body: r.body,
      createdAt: r.created_at,
      attachments: attachments.get(r.id) ?? [],
    })),
  }
}

export async function postMessage(ctx: Ctx, requestId: string, input: PostMessageBody): Promise<Message> {
  const actor = ctx.actor
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to post a message')
  const id = await ctx.db.transaction().execute(async (trx) => {
    const request = await getRequestParticipation(ctx, trx, requestId)
    if (!request.mayContribute)
      throw new AppError('FORBIDDEN', 'Only the Court side and, once transmitted, the addressee post messages')
    const row = {
      id: randomUUID(),
      request_id: requestId,
      author_user_id: actor.userId,
      author: actorLabel(actor),
      author_org: actor.orgCode,
      body: input.body,
      created_at: ctx.now().toISOString(),
    }
    await repo.insertMessage(trx, row)
    await attachDocumentsToMessage(trx, requestId, row.id, input.attachmentIds)
    // The request's full-text search covers its thread. Whoever may see the request reads every
    // message of it (there is no per-message audience), so a message's words make the request
    // match exactly for those who could read the message.
    await indexRequestText(trx, requestId, messageSearchParts(row))
    await recordAuditEvent(ctx, trx, {
      action: 'message.posted',
      recordType: MESSAGE_RECORD,
      recordId: row.id,
      classification: request.classification,
      details: { requestId, attachmentIds: input.attachmentIds },
    })
    await tellTheOtherSide(ctx, trx, requestId, 'message')
    return row.id
  })
  const posted = (await listMessages(ctx, requestId)).items.find((m) => m.id === id)
  if (!posted) throw new AppError('INTERNAL', 'The message just posted is missing')
  return posted
}
