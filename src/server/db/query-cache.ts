import type { Compilable, CompiledQuery } from 'kysely'
import type { Db } from './database.ts'

// Compiled queries, kept. Building and compiling the visibility rule's query with Kysely costs
// more CPU than SQLite takes to run it (a profile of the request counts: about a fifth of the
// server's time), and the SQL is the same for the same caller and filters: only the clock and
// the record id change. Those two are compiled as stand-in values and filled in per execution.
// The key must hold everything else the query depends on — callers pass the whole actor, never
// a selection of its fields, so that a change to the visibility rule cannot make two callers
// share a query.

/** Stands for the request's clock (ISO-8601) in a cached query. */
export const NOW_VALUE = '\u0000partnine:now\u0000'
/** Stands for the record id in a cached query. */
export const ID_VALUE = '\u0000partnine:id\u0000'

const MAX_ENTRIES = 1000
// Per database (its adapter): SQLite and PostgreSQL compile differently.
const caches = new WeakMap<object, Map<string, CompiledQuery<unknown>>>()

function cacheOf(db: Db) {
  const adapter = db.getExecutor().adapter
  let cache = caches.get(adapter)
  if (!cache) {
    cache = new Map()
    caches.set(adapter, cache)
  }
  return cache
}

/**
 * Runs the query `build` makes for `key`, compiling it only the first time. `build` must use
 * NOW_VALUE and ID_VALUE for the clock and the id; `values` gives this execution's.
 */
export async function executeCached<R>(
  db: Db,
  key: unknown[],
  build: () => Compilable<R>,
  values: { now?: string; id?: string } = {},
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
    if (p === NOW_VALUE) {
      if (values.now === undefined) throw new Error('executeCached: the query uses the clock but none was given')
      return values.now
    }
    if (p === ID_VALUE) {
      if (values.id === undefined) throw new Error('executeCached: the query uses an id but none was given')
      return values.id
    }
    return p
  })
  const result = await db.executeQuery<R>({ ...compiled, parameters })
  return result.rows
}
