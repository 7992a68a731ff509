import { hash } from 'node:crypto'

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

// Strings that JSON.stringify would write as `"…"` unchanged (no quote, backslash, control
// character or surrogate to escape) skip it: this runs several times per entry on a million rows.
// biome-ignore lint/suspicious/noControlCharactersInRegex: exactly the characters JSON must escape
const NEEDS_ESCAPING = /["\\\u0000-\u001f\ud800-\udfff]/
function jsonText(value: string | null): string {
  if (value === null) return 'null'
  return NEEDS_ESCAPING.test(value) ? JSON.stringify(value) : `"${value}"`
}

/**
 * The entry's canonical JSON with `detailsJson` (already canonical JSON text) spliced in; keys in
 * sorted order, written out by hand because it runs per row.
 */
export function canonicalEntryWithDetails(e: Omit<ChainedEntry, 'details'>, detailsJson: string): string {
  return (
    `{"action":${jsonText(e.action)},"actor":${jsonText(e.actor)},"actorOrg":${jsonText(e.actorOrg)},` +
    `"classification":${jsonText(e.classification)},"details":${detailsJson},"id":${JSON.stringify(e.id)},` +
    `"occurredAt":${jsonText(e.occurredAt)},"recordId":${jsonText(e.recordId)},"recordType":${jsonText(e.recordType)},` +
    `"requestId":${jsonText(e.requestId)}}`
  )
}

export function canonicalEntry(e: ChainedEntry): string {
  return canonicalEntryWithDetails(e, canonicalJson(e.details))
}

/** hash = SHA-256(prev_hash as hex text ‖ canonical JSON of the entry, UTF-8), lowercase hex. */
export function hashEntry(prevHash: string, entry: ChainedEntry): string {
  return hash('sha256', prevHash + canonicalEntry(entry), 'hex')
}

/**
 * The same hash, taking the details as stored text. Equal to hashEntry exactly when the text is
 * canonical, as the writer stores it; the verifier tries this first and falls back to hashEntry
 * (PostgreSQL's jsonb returns its own formatting, never ours).
 */
export function hashEntryWithDetailsText(
  prevHash: string,
  entry: Omit<ChainedEntry, 'details'>,
  details: string,
): string {
  return hash('sha256', prevHash + canonicalEntryWithDetails(entry, details), 'hex')
}
