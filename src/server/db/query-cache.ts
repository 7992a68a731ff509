import type { Compilable, CompiledQuery } from 'kysely'
import type { Db } from './database.ts'

// Compiled queries, kept. Building and compiling the visibility rule's query with Kysely costs
// more CPU than SQLite takes to run it (a profile of the request counts: about a fifth of the
// server's time), and the SQL is the same for the same caller and filters: only the clock and
// the record id change. Those are compiled as stand-in values and filled in per execution; other
// hot statements (the audit chain's) name their own stand-ins with placeholder().
// The key must hold everything else the query depends on — callers pass the whole actor, never
// a selection of its fields, so that a change to the visibility rule cannot make two callers
// share a query.

const PREFIX = '\u0000partnine:'
const SUFFIX = '\u0000'

/** Stands for `values[name]` in a cached query (a text no caller can send: it holds U+0000). */
export function placeholder(name: string): string {
  return `${PREFIX}${name}${SUFFIX}`
}
/** Stands for the request's clock (ISO-8601) in a cached query. */
export const NOW_VALUE = placeholder('now')
/** Stands for the record id in a cached query. */
export const ID_VALUE = placeholder('id')

const MAX_ENTRIES = 1000

/** One `T` per database (its adapter): each test's database, and SQLite and PostgreSQL, apart. */
export function perDatabase<T>(make: () => T): (db: Db) => T {
  const made = new WeakMap<object, T>()
  return (db) => {
    const adapter = db.getExecutor().adapter
    let value = made.get(adapter)
    if (value === undefined) {
      value = make()
      made.set(adapter, value)
    }
    return value
  }
}

// Per database: SQLite and PostgreSQL compile differently.
const cacheOf = perDatabase(() => new Map<string, CompiledQuery<unknown>>())

/**
 * Runs the query `build` makes for `key`, compiling it only the first time. `build` must use
 * NOW_VALUE, ID_VALUE or placeholder(name) for what changes between executions; `values` gives
 * this execution's, by name (`now`, `id`, …).
 */
export async function executeCached<R>(
  db: Db,
  key: unknown[],
  build: () => Compilable<R>,
  values: Readonly<Record<string, unknown>> = {},
): Promise<R[]> {
  const cache = cacheOf(db)
  const text = JSON.stringify(key)
  let compiled = cache.get(text) as CompiledQuery<R> | undefined
  if (compiled) {
    cache.delete(text)
  } else {
    compiled = build().compile()
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string)
  }
  cache.set(text, compiled)
  const parameters = compiled.parameters.map((p) => {
    if (typeof p !== 'string' || !p.startsWith(PREFIX) || !p.endsWith(SUFFIX)) return p
    const name = p.slice(PREFIX.length, -SUFFIX.length)
    const value = values[name]
    if (value === undefined) throw new Error(`executeCached: the query uses "${name}" but no value was given`)
    return value
  })
  const result = await db.executeQuery<R>({ ...compiled, parameters })
  return result.rows
}
