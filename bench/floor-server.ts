// The floors of `npm run bench`: a tiny Fastify process (same kind as the server: Node, Fastify,
// better-sqlite3) with a route returning a constant and, per measured endpoint, a minimal route
// running the same SQL directly. "The same SQL" is taken, not retyped: the repository functions
// run once through a Kysely whose log captures each compiled query and its parameters, and
// those become better-sqlite3 prepared statements on the same database file. No authentication,
// no visibility resolution in JS, no audit write, no response schema: what is left is the floor.
//
// One more route, `/durable/request/:actor`, is not a floor but the cost of the one-request target's
// own requirement, alone: the request's SQL, then a line made durable before the answer leaves,
// lines of concurrent calls sharing one write (group commit, one write in flight, as the server's
// read journal does: `O_DSYNC` writes in place over a file of zeros, on libuv's thread pool). Its
// ratio to the request's floor is the most any audited read could reach on this machine.
//
//   BENCH_FLOOR_FILE=… BENCH_FLOOR_PORT=… BENCH_FLOOR_PLAN='{"actors":{…},"addressee":…}' \
//   BENCH_FLOOR_JOURNAL=… node bench/floor-server.ts
import SqliteDatabase from 'better-sqlite3'
import Fastify from 'fastify'
import { Kysely } from 'kysely'
import { openJournal } from '../src/server/audit/audit.journal.ts'
import { JOURNAL_BYTES } from '../src/server/audit/audit.writer.ts'
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

// The server's own kind of file (O_DSYNC) and length for its read journal (audit.journal.ts,
// audit.writer.ts), on a path of its own.
const journal = await openJournal(process.env.BENCH_FLOOR_JOURNAL as string)
await journal.write(Buffer.alloc(JOURNAL_BYTES), 0, JOURNAL_BYTES, 0)
let journalAt = 0
let queued: { line: string; done: () => void }[] = []
let writing = false

/** Resolves once `line` is on disk, written with whatever lines were queued with it. */
function durably(line: string): Promise<void> {
  return new Promise((done) => {
    queued.push({ line, done })
    if (!writing) setImmediate(() => void writeGroup())
  })
}

async function writeGroup() {
  if (writing || queued.length === 0) return
  writing = true
  const group = queued
  queued = []
  const buffer = Buffer.from(group.map((q) => `${q.line}\n`).join(''))
  if (journalAt + buffer.length > JOURNAL_BYTES) journalAt = 0
  await journal.write(buffer, 0, buffer.length, journalAt)
  journalAt += buffer.length
  writing = false
  for (const q of group) q.done()
  // As the server schedules its next group (audit.service.ts): after this turn's I/O callbacks.
  if (queued.length > 0) setImmediate(() => void writeGroup())
}

const app = Fastify({ logger: false })
app.get('/constant', async () => ({ ok: true }))
app.get<{ Params: { kind: string; actor: string } }>('/:kind/:actor', async (req, reply) => {
  const queries = routes.get(`${req.params.kind}/${req.params.actor}`)
  if (!queries) return reply.code(404).send({ error: 'no such floor' })
  return queries.map((q) => (q.stmt.reader ? q.stmt.all(...q.parameters) : q.stmt.run(...q.parameters)))
})
app.get<{ Params: { actor: string } }>('/durable/request/:actor', async (req, reply) => {
  const queries = routes.get(`request/${req.params.actor}`)
  if (!queries) return reply.code(404).send({ error: 'no such floor' })
  const rows = queries.map((q) => q.stmt.all(...q.parameters))
  // About the length of one of the server's journal lines.
  await durably(JSON.stringify({ actor: req.params.actor, at: new Date().toISOString(), pad: 'x'.repeat(300) }))
  return rows
})
await app.listen({ host: '127.0.0.1', port: Number(process.env.BENCH_FLOOR_PORT) })
process.stdout.write('ready\n')
process.on('SIGTERM', () => app.close().then(() => process.exit(0)))
