import type { KeyObject } from 'node:crypto'
import type { Db } from '../db/database.ts'
import { parseJson } from '../db/values.ts'
import { type ChainedEntry, GENESIS_HASH, hashEntry, hashEntryWithDetailsText } from './audit.hash.ts'
import { findChainHead, listChainBatch, listCheckpoints } from './audit.repository.ts'
import { isStatementSignedBy, publicKeyFromRaw, toPublicKey } from './audit.signing.ts'
import type { AuditCheckpointRow } from './audit.table.ts'

export type VerifyReport = {
  ok: boolean
  /** Entries whose hash was recomputed and found to follow the previous one. */
  checked: number
  firstBadEventId?: number
  problem?: string
  checkpointsVerified: number
  /** False when no trusted public key was given: signatures were checked against the key stored with each checkpoint. */
  keyTrusted: boolean
  lastEventId: number
  lastHash: string
  /** Entries in the chain up to lastEventId (from the genesis). */
  eventCount: number
}

export type VerifyOptions = {
  /** Keys whose checkpoints are trusted (PEM, raw base64 or KeyObject). A checkpoint signed by any other key is rejected. */
  publicKey?: KeyObject | string | readonly (KeyObject | string)[]
  /** Rows read per query: a few thousand keeps memory flat and the per-query overhead negligible. */
  batchSize?: number
  onProgress?: (checked: number) => void
}

/** Where a walk starts: the genesis, or a verified checkpoint. */
export type ChainPosition = { lastEventId: number; lastHash: string; eventCount: number }

type CheckpointClaim = { label: string } & ChainPosition

const GENESIS: ChainPosition = { lastEventId: 0, lastHash: GENESIS_HASH, eventCount: 0 }

/**
 * Recomputes the whole hash chain in id order and checks it against every signed checkpoint and
 * the chain head. Detects a modified, deleted, inserted or reordered entry anywhere, and a
 * truncated tail up to the latest checkpoint. Ids may have gaps (rolled-back transactions).
 */
export async function verifyAuditTrail(db: Db, options: VerifyOptions = {}): Promise<VerifyReport> {
  const trusted = trustedKeys(options.publicKey)
  const checkpoints = await listCheckpoints(db)
  const claims: CheckpointClaim[] = []
  for (const cp of checkpoints) {
    const problem = checkpointProblem(cp, trusted)
    if (problem) return { ...failed(GENESIS, 0, problem), checkpointsVerified: 0, keyTrusted: trusted !== null }
    claims.push({ label: `checkpoint #${cp.id}`, ...positionOf(cp) })
  }
  const report = await walkChain(db, GENESIS, claims, options)
  return { ...report, checkpointsVerified: report.ok ? claims.length : 0, keyTrusted: trusted !== null }
}

function trustedKeys(option: VerifyOptions['publicKey']): KeyObject[] | null {
  if (option === undefined) return null
  const list = Array.isArray(option) ? option : [option]
  return list.map((k) => toPublicKey(k as KeyObject | string))
}

export function positionOf(cp: Pick<AuditCheckpointRow, 'last_event_id' | 'last_hash' | 'event_count'>): ChainPosition {
  return { lastEventId: Number(cp.last_event_id), lastHash: cp.last_hash, eventCount: Number(cp.event_count) }
}

function checkpointProblem(cp: AuditCheckpointRow, trusted: KeyObject[] | null): string | null {
  const statement = { ...positionOf(cp), createdAt: cp.created_at }
  const signature = Buffer.from(cp.signature, 'base64')
  let keys: KeyObject[]
  try {
    keys = trusted ?? [publicKeyFromRaw(cp.public_key)]
  } catch {
    return `checkpoint #${cp.id}: its public key is not an Ed25519 key`
  }
  if (keys.some((key) => isStatementSignedBy(statement, signature, key))) return null
  return trusted
    ? `checkpoint #${cp.id}: the signature is not by a trusted key (forged or altered checkpoint)`
    : `checkpoint #${cp.id}: the signature does not match the statement (forged or altered checkpoint)`
}

type WalkResult = Omit<VerifyReport, 'checkpointsVerified' | 'keyTrusted'>

function failed(at: ChainPosition, checked: number, problem: string, firstBadEventId?: number): WalkResult {
  return {
    ok: false,
    checked,
    problem,
    lastEventId: at.lastEventId,
    lastHash: at.lastHash,
    eventCount: at.eventCount,
    ...(firstBadEventId !== undefined ? { firstBadEventId } : {}),
  }
}

/**
 * Walks the chain from `start` to its end (or to `untilId`), checking each claim (checkpoint) on
 * the way and the chain head at the end. Everything is synchronous per batch: one await per query.
 */
export async function walkChain(
  db: Db,
  start: ChainPosition,
  claims: readonly CheckpointClaim[],
  options: VerifyOptions & { untilId?: number } = {},
): Promise<WalkResult> {
  const batchSize = options.batchSize ?? 5000
  const pending = claims.filter((c) => c.lastEventId > start.lastEventId).sort((a, b) => a.lastEventId - b.lastEventId)
  let claimIndex = 0
  let prevId = start.lastEventId
  let prevHash = start.lastHash
  let count = start.eventCount
  let checked = 0
  const here = () => ({ lastEventId: prevId, lastHash: prevHash, eventCount: count })
  // Claims at or before the start (a checkpoint of an empty trail) must match the start itself.
  for (const c of claims.filter((c) => c.lastEventId === start.lastEventId)) {
    if (c.lastHash !== start.lastHash || c.eventCount !== start.eventCount)
      return failed(here(), 0, `${c.label} does not match the start of the chain`)
  }

  for (let round = 0; ; round++) {
    for (let isPastEnd = false; !isPastEnd; ) {
      const rows = await listChainBatch(db, prevId, batchSize)
      isPastEnd = rows.length < batchSize
      for (const row of rows) {
        const id = Number(row.id)
        if (options.untilId !== undefined && id > options.untilId) {
          isPastEnd = true
          break
        }
        const claim = pending[claimIndex]
        if (claim && id > claim.lastEventId)
          return failed(here(), checked, `${claim.label} ends at entry ${claim.lastEventId}, which is missing`, id)
        if (row.prev_hash !== prevHash)
          return failed(
            here(),
            checked,
            `entry ${id} does not follow entry ${prevId}: an entry was inserted, deleted or reordered`,
            id,
          )
        const hash = hashOf(row, id, prevHash)
        if (row.hash !== hash) return failed(here(), checked, `entry ${id} was modified after it was written`, id)
        prevId = id
        prevHash = hash
        count++
        checked++
        if (claim && id === claim.lastEventId) {
          if (claim.lastHash !== hash || claim.eventCount !== count)
            return failed(here(), checked, `the chain does not reach ${claim.label} as it was signed`, id)
          claimIndex++
        }
      }
      options.onProgress?.(checked)
    }
    const claim = pending[claimIndex]
    if (options.untilId !== undefined) break
    // Writers may have appended while we read: catch up a few times before judging the head.
    const head = await findChainHead(db)
    if (!head) return failed(here(), checked, 'the chain head row is missing')
    if (Number(head.last_event_id) > prevId && round < 5) continue
    if (claim)
      return failed(
        here(),
        checked,
        `the trail ends at entry ${prevId}, before ${claim.label} (entry ${claim.lastEventId}): truncated`,
      )
    if (Number(head.last_event_id) === prevId && (head.last_hash !== prevHash || Number(head.event_count) !== count))
      return failed(here(), checked, 'the chain head does not match the last entry')
    if (Number(head.last_event_id) < prevId)
      return failed(here(), checked, `entries after ${head.last_event_id} were not written through the chain`)
    if (Number(head.last_event_id) > prevId)
      return failed(
        here(),
        checked,
        `the trail ends at entry ${prevId} but the chain head is at ${head.last_event_id}: truncated`,
      )
    break
  }
  const claim = pending[claimIndex]
  if (claim && options.untilId !== undefined && claim.lastEventId <= options.untilId)
    return failed(here(), checked, `the trail ends at entry ${prevId}, before ${claim.label}: truncated`)
  return { ok: true, checked, ...here() }
}

type ChainRow = Awaited<ReturnType<typeof listChainBatch>>[number]

// Fast path first: the stored text is canonical as written (SQLite keeps it byte for byte), and
// if it hashes to the stored hash it *is* what the writer hashed. Otherwise (jsonb formatting, or
// tampering) parse and canonicalise: the verdict is the same, only slower.
function hashOf(row: ChainRow, id: number, prevHash: string): string {
  const entry = entryOf(row, id)
  const text = row.details === null ? 'null' : typeof row.details === 'string' ? row.details : null
  if (text !== null) {
    const fast = hashEntryWithDetailsText(prevHash, entry, text)
    if (fast === row.hash) return fast
  }
  return hashEntry(prevHash, { ...entry, details: row.details === null ? null : parseJson(row.details) })
}

function entryOf(row: ChainRow, id: number): Omit<ChainedEntry, 'details'> {
  return {
    id,
    occurredAt: row.occurred_at,
    actor: row.actor,
    actorOrg: row.actor_org,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    classification: row.classification,
    requestId: row.request_id,
  }
}
