import { createHash } from 'node:crypto'

// The hash chain of the audit trail (docs/audit.md). The migration that chained the rows written
// before it carries its own frozen copy of these rules: change them only with a new chain version.

/** prev_hash of the first entry of the chain. */
export const GENESIS_HASH = '0'.repeat(64)

/** What each entry's hash covers. `details` is the parsed JSON value, never the stored text. */
export type ChainedEntry = {
  id: number
  occurredAt: string
  actor: string
  actorOrg: string | null
  action: string
  recordType: string | null
  recordId: string | null
  classification: string | null
  details: unknown
  requestId: string | null
}

/**
 * JSON with object keys sorted (by UTF-16 code units, as Array#sort does), no whitespace, numbers
 * and strings as JSON.stringify writes them: RFC 8785 (JCS) for the values we store. It does not
 * depend on how a driver returns JSON: PostgreSQL's jsonb reorders keys, SQLite keeps the text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`
  const object = value as Record<string, unknown>
  const parts: string[] = []
  for (const key of Object.keys(object).sort()) {
    if (object[key] !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(object[key])}`)
  }
  return `{${parts.join(',')}}`
}

/** The entry's canonical JSON; keys in sorted order, written out by hand because it runs per row. */
export function canonicalEntry(e: ChainedEntry): string {
  const s = JSON.stringify
  return (
    `{"action":${s(e.action)},"actor":${s(e.actor)},"actorOrg":${s(e.actorOrg)},` +
    `"classification":${s(e.classification)},"details":${canonicalJson(e.details)},"id":${s(e.id)},` +
    `"occurredAt":${s(e.occurredAt)},"recordId":${s(e.recordId)},"recordType":${s(e.recordType)},` +
    `"requestId":${s(e.requestId)}}`
  )
}

/** hash = SHA-256(prev_hash as hex text ‖ canonical JSON of the entry, UTF-8), lowercase hex. */
export function hashEntry(prevHash: string, entry: ChainedEntry): string {
  return createHash('sha256').update(prevHash).update(canonicalEntry(entry), 'utf8').digest('hex')
}
