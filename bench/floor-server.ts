// The floors of `npm run bench`: a tiny Fastify process (same kind as the server: Node, Fastify,
// better-sqlite3) with a route returning a constant and, per measured endpoint, a minimal route
// running the same SQL directly. "The same SQL" is taken, not retyped: the repository functions
// run once through a Kysely whose log captures each compiled query and its parameters, and
// those become better-sqlite3 prepared statements on the same database file. No authentication,
// no visibility resolution in JS, no audit write, no response schema: what is left is the floor.
//
//   BENCH_FLOOR_FILE=… BENCH_FLOOR_PORT=… BENCH_FLOOR_PLAN='{"actors":{…},"addressee":…}' node bench/floor-server.ts
import SqliteDatabase from 'better-sqlite3'
import Fastify from 'fastify'
import { Kysely } from 'kysely'
import type { UserActor } from '../src/server/context.ts'
import { sqliteDialect, tuneSqlite } from '../src/server/db/database.ts'
import type { Database } from '../src/server/db/tables.ts'
import * as counts from '../src/server/requests/requests.counts.ts'
import * as records from '../src/server/requests/requests.records.repository.ts'
import * as repo from '../src/server/requests/requests.repository.ts'
import { listVisibleRequestsByRelevance, withSearch } from '../src/server/requests/requests.search.ts'

export type FloorPlan = {
  actors: Record<string, UserActor>
  filters: repo.RequestFilters
  countFilters: repo.RequestFilters
  requestId: string
  /** Full-text search (q) and its filters, when the server has search. */
  search: { q: string; filters: repo.RequestFilters } | null
}

const file = process.env.BENCH_FLOOR_FILE as string
const plan = JSON.parse(process.env.BENCH_FLOOR_PLAN as string) as FloorPlan
const sqlite = new SqliteDatabase(file, { readonly: true })
sqlite.pragma('busy_timeout = 5000')
tuneSqlite(sqlite)

type Captured = { sql: string; parameters: readonly unknown[] }
let captured: Captured[] = []
const kysely = new Kysely<Database>({
  // The server's own dialect, so the captured SQL is exactly the server's.
  dialect: sqliteDialect(sqlite),
  log: (event) => {
    if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: event.query.parameters })
  },
})

/** Runs `work` once through the repository, returning its queries as prepared statements. */
async function capture(work: () => Promise<unknown>) {
  captured = []
  await work()
  return captured.map((q) => ({ stmt: sqlite.prepare(q.sql), parameters: q.parameters as unknown[] }))
}

const nowIso = new Date().toISOString()
const routes = new Map<string, { stmt: SqliteDatabase.Statement; parameters: unknown[] }[]>()
for (const [name, actor] of Object.entries(plan.actors)) {
  routes.set(
    `list/${name}`,
    await capture(async () => {
      await repo.listVisibleRequests(kysely, actor, {
        filters: plan.filters,
        sort: { key: 'deadline', direction: 'asc' },
        after: null,
        limit: 51,
        nowIso,
      })
    }),
  )
  const search = plan.search
  if (search)
    routes.set(
      `search/${name}`,
      await capture(async () => {
        const { filters, terms } = withSearch(kysely, search.filters, search.q)
        await listVisibleRequestsByRelevance(kysely, actor, { terms, filters, after: null, limit: 51, nowIso })
      }),
    )
  routes.set(
    `counts/${name}`,
    await capture(() => counts.countVisibleRequestsByStatus(kysely, actor, plan.countFilters, nowIso)),
  )
  routes.set(
    `request/${name}`,
    await capture(async () => {
      await repo.findVisibleRequest(kysely, actor, plan.requestId)
      await records.listRequestEvents(kysely, plan.requestId)
      await records.listRequestPersonIds(kysely, plan.requestId)
      await records.listDeadlineChanges(kysely, plan.requestId)
    }),
  )
}

const app = Fastify({ logger: false })
app.get('/constant', async () => ({ ok: true }))
app.get<{ Params: { kind: string; actor: string } }>('/:kind/:actor', async (req, reply) => {
  const queries = routes.get(`${req.params.kind}/${req.params.actor}`)
  if (!queries) return reply.code(404).send({ error: 'no such floor' })
  return queries.map((q) => (q.stmt.reader ? q.stmt.all(...q.parameters) : q.stmt.run(...q.parameters)))
})
await app.listen({ host: '127.0.0.1', port: Number(process.env.BENCH_FLOOR_PORT) })
process.stdout.write('ready\n')
process.on('SIGTERM', () => app.close().then(() => process.exit(0)))
