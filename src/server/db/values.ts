// Normalisers for what the two drivers return differently (see docs/database.md).

/** JSON columns come back as JSON text from both drivers (database.ts sets pg's parsers so). */
export function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T
}

/** Values bound to JSON columns: always text, so pg never turns an array into a PG array. */
export function toJson(value: unknown): string {
  return JSON.stringify(value)
}

/** Booleans: SQLite gives 0/1, PostgreSQL true/false. */
export function toBool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't'
}

/** Booleans to bind: 0/1 work on both drivers (better-sqlite3 refuses true/false). */
export function fromBool(value: boolean): 0 | 1 {
  return value ? 1 : 0
}
