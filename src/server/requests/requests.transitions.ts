import { randomUUID } from 'node:crypto'
import { recordAuditEvent } from '../audit/audit.service.ts'
import { auditSignerFromSeed } from '../audit/audit.signing.ts'
import { actorLabel, actorOrg, type Ctx } from '../context.ts'
import type { Db } from '../db/database.ts'
import { toJson } from '../db/values.ts'
import { documentsForStep, listRequestDocumentHashes } from '../documents/documents.service.ts'
import { AppError } from '../errors.ts'
import { addDays, deadlineDefaults } from './requests.deadlines.ts'
import { isFinal, keepsDeadlines, TRANSITIONS, type TransitionAction, transitionRefusal } from './requests.lifecycle.ts'
import { tellTheOtherSide, tellTheRegistry } from './requests.notify.ts'
import { evaluateRequest, getRequest, linkCounts, stepsFor, subjectOf } from './requests.page.ts'
import {
  publicKeyPem,
  RECEIPT_OF_STEP,
  type Receipt,
  type ReceiptEvent,
  type ReceiptKind,
  type ReceiptStatement,
  receiptFor,
} from './requests.receipts.ts'
import * as records from './requests.records.repository.ts'
import * as repo from './requests.repository.ts'
import type { DeadlineChangeBody, RequestDetail, TransitionBody } from './requests.schemas.ts'
import type { RequestRow, RequestUpdate } from './requests.table.ts'
import { fallenWarrant, fallenWarrantMessage, nameAddresseeOnWarrants } from './requests.warrant-links.ts'

// Steps of the life cycle (requests.lifecycle.ts decides which are allowed), deadline changes and
// receipts. Each step writes its request_event and its audit event in the transaction that moves
// the request, and the move only happens if nobody moved the request first.

export async function listAllowedSteps(ctx: Ctx, id: string) {
  const row = await repo.findVisibleRequest(ctx.db, ctx.actor, id)
  if (!row) throw new AppError('RECORD_NOT_FOUND', `No request ${id}`)
  const links = await linkCounts(ctx.db, id)
  const subject = await subjectOf(ctx.db, ctx.actor, row)
  let items = stepsFor(ctx.actor, subject, evaluateRequest(row, links).missing.length === 0)
  // Read now, not kept with the page: a warrant that no longer stands holds the request back.
  const leaving = (a: string) => a === 'approve' || a === 'transmit'
  const heldBack: { action: TransitionAction; warrantId: string; warrantStatus: string | null }[] = []
  const fallen =
    links.warrantCount > 0 && items.some((s) => leaving(s.action)) && (await fallenWarrant(ctx.db, ctx.actor, id))
  if (fallen) {
    for (const s of items) if (leaving(s.action)) heldBack.push({ action: s.action, ...fallen })
    items = items.filter((s) => !leaving(s.action))
  }
  return { status: subject.status as RequestDetail['status'], items, heldBack }
}

function statusDetailFor(input: TransitionBody): Record<string, unknown> | null {
  switch (input.action) {
    case 'raise_consultation':
      return { issue: input.issue, legalBasis: '97' }
    case 'postpone':
      return {
        basis: input.basis,
        postponedUntil: input.postponedUntil ? new Date(input.postponedUntil).toISOString() : null,
      }
    case 'report_not_executed':
      return { ground: input.ground }
    default:
      return null
  }
}

export async function transitionRequest(ctx: Ctx, id: string, input: TransitionBody): Promise<RequestDetail> {
  const actor = ctx.actor
  const now = ctx.now()
  const nowIso = now.toISOString()
  if (input.action === 'postpone' && input.basis === '94' && !input.postponedUntil)
    throw new AppError(
      'RECORD_INVALID',
      'A postponement under article 94 is for a period agreed with the Court: give postponedUntil',
    )
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findVisibleRequest(trx, actor, id)
    if (!row) throw new AppError('RECORD_NOT_FOUND', `No request ${id}`)
    const subject = await subjectOf(trx, actor, row)
    const { missing } = evaluateRequest(row, await linkCounts(trx, id))
    const refusal = transitionRefusal(actor, input.action, subject)
    if (refusal) {
      throw new AppError('TRANSITION_NOT_ALLOWED', `Not allowed: ${refusal}`, {
        status: row.status,
        action: input.action,
        allowed: stepsFor(actor, subject, missing.length === 0).map((s) => s.action),
      })
    }
    if (input.action === 'approve' && missing.length > 0) {
      throw new AppError('REQUEST_INCOMPLETE', 'Required elements of the request are missing', {
        missing: missing.map((m) => ({ ref: m.ref, label: m.label, missing: m.missing, reasons: m.reasons })),
      })
    }
    if (input.action === 'approve' || input.action === 'transmit') {
      const fallen = await fallenWarrant(trx, actor, id)
      if (fallen)
        throw new AppError('TRANSITION_NOT_ALLOWED', `Not allowed: ${fallenWarrantMessage(fallen)}`, {
          status: row.status,
          action: input.action,
          allowed: stepsFor(actor, subject, missing.length === 0)
            .map((s) => s.action)
            .filter((a) => a !== input.action),
        })
    }
    // Before anything is written: a document that is not this request's changes nothing.
    const documents = await documentsForStep(trx, id, input.documentIds ?? [])
    const to = TRANSITIONS[input.action].to
    const set: RequestUpdate = { status: to, updated_at: nowIso, status_detail: toJson(statusDetailFor(input)) }
    if (input.action === 'approve' && actor.kind === 'user') set.approved_by = actor.userId
    if (input.action === 'transmit') {
      const defaults = deadlineDefaults(row.request_type, row.urgency)
      set.transmitted_at = nowIso
      set.acknowledgement_deadline = addDays(nowIso, defaults.acknowledgementDays)
      set.response_deadline = row.response_deadline ?? addDays(nowIso, defaults.responseDays)
      if (input.channel) set.channel = input.channel
    }
    if (input.action === 'acknowledge') set.acknowledged_at = nowIso
    if (isFinal(to)) set.closed_at = nowIso
    if (!(await records.updateRequestIfStatus(trx, id, row.status, set))) {
      throw new AppError('TRANSITION_NOT_ALLOWED', 'The request was moved by someone else meanwhile', {
        status: row.status,
        action: input.action,
        allowed: [],
      })
    }
    if (input.action === 'transmit') {
      // From now on the addressee knows: transmitted_at makes the request visible to its focal
      // point through visibleTo. Under seal only *named* organisations see a record, so the
      // addressee is named as well.
      if (row.classification === 'under_seal')
        await records.insertRecipients(trx, [{ recordId: id, kind: 'named', orgCode: row.addressee }])
      // And it learns of the sealed or confidential warrants it is asked to carry out.
      await nameAddresseeOnWarrants(ctx, trx, id, row.addressee)
    }
    const event = {
      id: randomUUID(),
      request_id: id,
      seq: await records.nextEventSeq(trx, id),
      occurred_at: nowIso,
      actor: actorLabel(actor),
      actor_org: actorOrg(actor),
      action: input.action,
      from_status: row.status,
      to_status: to,
      note: input.note ?? null,
      payload: toJson({
        ...statusDetailFor(input),
        ...(input.action === 'transmit' ? { channel: set.channel ?? row.channel } : {}),
        ...(documents.length > 0 ? { documents } : {}),
      }),
    }
    await records.insertRequestEvents(trx, [event])
    await recordAuditEvent(ctx, trx, {
      action: `request.${input.action}`,
      recordType: repo.REQUEST_RECORD,
      recordId: id,
      classification: row.classification,
      details: {
        reference: row.reference,
        from: row.status,
        to,
        eventId: event.id,
        ...(documents.length > 0 ? { documentIds: documents.map((d) => d.id) } : {}),
      },
    })
    const receipt = RECEIPT_OF_STEP[input.action]
    if (receipt) await issueReceipt(ctx, trx, { ...row, ...set } as RequestRow, event, receipt)
    if (input.action === 'approve') await tellTheRegistry(ctx, trx, id)
    else await tellTheOtherSide(ctx, trx, id, input.action === 'transmit' ? 'transmitted' : 'step')
  })
  return getRequest(ctx, id)
}

async function issueReceipt(ctx: Ctx, trx: Db, row: RequestRow, event: ReceiptEvent, kind: ReceiptKind) {
  const signer = auditSignerFromSeed(ctx.secrets.auditSigningKey)
  const documents = await listRequestDocumentHashes(trx, row.id)
  await records.insertReceipts(trx, [receiptFor(signer, row, event, kind, documents)])
}

export async function listRequestReceipts(ctx: Ctx, id: string) {
  const row = await repo.findVisibleRequest(ctx.db, ctx.actor, id)
  if (!row) throw new AppError('RECORD_NOT_FOUND', `No request ${id}`)
  const signer = auditSignerFromSeed(ctx.secrets.auditSigningKey)
  const receipts = await records.listReceipts(ctx.db, id)
  return {
    publicKeyPem: publicKeyPem(signer.publicKey),
    keyId: signer.keyId,
    items: receipts.map((r) => {
      const statement = JSON.parse(r.statement) as ReceiptStatement
      const receipt: Receipt & { statementText: string } = {
        id: r.id,
        kind: r.kind,
        algorithm: 'Ed25519',
        keyId: r.key_id,
        statement,
        signature: r.signature,
        statementText: r.statement,
      }
      return receipt
    }),
  }
}

export async function changeDeadline(ctx: Ctx, id: string, input: DeadlineChangeBody): Promise<RequestDetail> {
  const nowIso = ctx.now().toISOString()
  const to = new Date(input.to).toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findVisibleRequest(trx, ctx.actor, id)
    if (!row) throw new AppError('RECORD_NOT_FOUND', `No request ${id}`)
    if (!keepsDeadlines(ctx.actor, await subjectOf(trx, ctx.actor, row)))
      throw new AppError('FORBIDDEN', 'Only the Court side of a request changes its deadlines')
    if (isFinal(row.status)) throw new AppError('DEADLINE_INVALID', `The request is ${row.status}`)
    const column = input.deadline === 'response' ? 'response_deadline' : 'acknowledgement_deadline'
    if (input.deadline === 'acknowledgement' && !row.transmitted_at)
      throw new AppError('DEADLINE_INVALID', 'The acknowledgement deadline is set at transmission')
    const from = row[column]
    if (from === to) throw new AppError('DEADLINE_INVALID', 'The deadline already has this value')
    // A deadline cannot precede the moment the addressee received (or will receive) the request.
    if (to <= (row.transmitted_at ?? row.created_at))
      throw new AppError('DEADLINE_INVALID', 'The deadline is before the request was transmitted')
    await records.updateRequest(trx, id, { [column]: to, updated_at: nowIso })
    const changedBy = actorLabel(ctx.actor)
    await records.insertDeadlineChanges(trx, [
      {
        id: randomUUID(),
        request_id: id,
        deadline: input.deadline,
        from_value: from,
        to_value: to,
        reason: input.reason,
        changed_by: changedBy,
        changed_at: nowIso,
      },
    ])
    await records.insertRequestEvents(trx, [
      {
        id: randomUUID(),
        request_id: id,
        seq: await records.nextEventSeq(trx, id),
        occurred_at: nowIso,
        actor: changedBy,
        actor_org: actorOrg(ctx.actor),
        action: 'deadline_changed',
        from_status: row.status,
        to_status: row.status,
        note: input.reason,
        payload: toJson({ deadline: input.deadline, from, to }),
      },
    ])
    await recordAuditEvent(ctx, trx, {
      action: 'request.deadline_changed',
      recordType: repo.REQUEST_RECORD,
      recordId: id,
      classification: row.classification,
      details: { deadline: input.deadline, from, to, reason: input.reason },
    })
    await tellTheOtherSide(ctx, trx, id, 'deadline')
  })
  return getRequest(ctx, id)
}
