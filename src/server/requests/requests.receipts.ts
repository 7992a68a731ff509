import { createHash, createPublicKey, type KeyObject, randomUUID, sign, verify } from 'node:crypto'
import { canonicalJson } from '../audit/audit.hash.ts'
import type { AuditSigner } from '../audit/audit.signing.ts'
import { parseJson } from '../db/values.ts'
import type { RequestReceiptTable, RequestRow } from './requests.table.ts'

// Receipts: on transmission and on acknowledgement the Court signs a statement of the event, the
// request's content and its documents' hashes, so either side can later prove what was sent and
// received. Verification needs only this file's verifyReceipt and the public key (node:crypto,
// no database, no network): see docs/requests.md for the same check with openssl.

export type ReceiptKind = 'transmission' | 'acknowledgement'

/** The steps that issue a receipt, and its kind (the life cycle's steps and the demo's timelines). */
export const RECEIPT_OF_STEP: Readonly<Partial<Record<string, ReceiptKind>>> = {
  transmit: 'transmission',
  acknowledge: 'acknowledgement',
}

export type ReceiptStatement = {
  version: 1
  kind: ReceiptKind
  requestId: string
  reference: string
  originator: string
  routedThrough: string | null
  addressee: string
  requestType: string
  /** SHA-256 (hex) of the canonical JSON of the request's content (see requestContentHash). */
  contentSha256: string
  /** SHA-256 of every document attached to the request at the time (none before documents exist). */
  documents: { id: string; sha256: string }[]
  event: {
    id: string
    action: string
    fromStatus: string | null
    toStatus: string | null
    actor: string
    actorOrg: string | null
    occurredAt: string
    note: string | null
  }
  issuedAt: string
}

export type Receipt = {
  id: string
  kind: ReceiptKind
  algorithm: 'Ed25519'
  keyId: string
  statement: ReceiptStatement
  /** Ed25519 signature of the UTF-8 canonical JSON of `statement`, base64. */
  signature: string
}

export type RequestContent = {
  reference: string
  requestType: string
  legalBasis: string | null
  urgency: string
  language: string
  channel: string
  summary: string
  facts: string | null
  assistanceSought: string | null
  checklist: unknown
  responseDeadline: string | null
}

export function requestContentHash(content: RequestContent): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex')
}

export function statementBytes(statement: ReceiptStatement): Buffer {
  return Buffer.from(canonicalJson(statement), 'utf8')
}

export function signReceiptStatement(signer: AuditSigner, statement: ReceiptStatement) {
  return { signature: sign(null, statementBytes(statement), signer.privateKey).toString('base64'), keyId: signer.keyId }
}

/** The request event a receipt states, as stored (request_events; a column left out is null). */
export type ReceiptEvent = {
  id: string
  action: string
  from_status?: string | null
  to_status?: string | null
  actor: string
  actor_org?: string | null
  occurred_at: string
  note?: string | null
}

/** What of a request its receipt states. */
export type ReceiptRequest = Pick<
  RequestRow,
  | 'id'
  | 'reference'
  | 'originator'
  | 'routed_through'
  | 'addressee'
  | 'request_type'
  | 'legal_basis'
  | 'urgency'
  | 'language'
  | 'channel'
  | 'summary'
  | 'facts'
  | 'assistance_sought'
  | 'checklist'
  | 'response_deadline'
>

/**
 * The signed receipt of `event` on `row` (the request as the event left it), with the hashes of
 * its documents at the time, as stored in request_receipts.
 */
export function receiptFor(
  signer: AuditSigner,
  row: ReceiptRequest,
  event: ReceiptEvent,
  kind: ReceiptKind,
  documents: ReceiptStatement['documents'],
): RequestReceiptTable {
  const statement: ReceiptStatement = {
    version: 1,
    kind,
    requestId: row.id,
    reference: row.reference,
    originator: row.originator,
    routedThrough: row.routed_through,
    addressee: row.addressee,
    requestType: row.request_type,
    contentSha256: requestContentHash({
      reference: row.reference,
      requestType: row.request_type,
      legalBasis: row.legal_basis,
      urgency: row.urgency,
      language: row.language,
      channel: row.channel,
      summary: row.summary,
      facts: row.facts,
      assistanceSought: row.assistance_sought,
      checklist: parseJson(row.checklist),
      responseDeadline: row.response_deadline,
    }),
    documents,
    event: {
      id: event.id,
      action: event.action,
      fromStatus: event.from_status ?? null,
      toStatus: event.to_status ?? null,
      actor: event.actor,
      actorOrg: event.actor_org ?? null,
      occurredAt: event.occurred_at,
      note: event.note ?? null,
    },
    issuedAt: event.occurred_at,
  }
  const { signature, keyId } = signReceiptStatement(signer, statement)
  return {
    id: randomUUID(),
    request_id: row.id,
    event_id: event.id,
    kind,
    statement: statementBytes(statement).toString('utf8'),
    signature,
    key_id: keyId,
    issued_at: event.occurred_at,
  }
}

export function publicKeyPem(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString()
}

/** True when `receipt.signature` is the Court's signature of exactly `receipt.statement`. */
export function verifyReceipt(
  receipt: Pick<Receipt, 'statement' | 'signature'>,
  publicKey: string | KeyObject,
): boolean {
  try {
    const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey
    return verify(null, statementBytes(receipt.statement), key, Buffer.from(receipt.signature, 'base64'))
  } catch {
    return false // a malformed key or signature is not a valid signature
  }
}
