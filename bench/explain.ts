// Query plans and timings of the requests queries the bench measures, on a generated database:
//   node bench/explain.ts /tmp/partnine-bench/requests-200000.db [--sql]
// The SQL is the repository's own (captured through Kysely's log), for a Court officer and a focal point.
import SqliteDatabase from 'better-sqlite3'
import { Kysely } from 'kysely'
import { sqliteDialect } from '../src/server/db/database.ts'
import * as counts from '../src/server/requests/requests.counts.ts'
import * as repo from '../src/server/requests/requests.repository.ts'
import { listVisibleRequestsByRelevance, withSearch } from '../src/server/requests/requests.search.ts'

const sqlite = new SqliteDatabase(process.argv[2], { readonly: true })
const caps: { sql: string; parameters: readonly unknown[] }[] = []
const k = new Kysely<any>({
  // The server's own dialect (parameters written `+?`), so the SQL is exactly the server's.
  dialect: sqliteDialect(sqlite),
  log: (e) => {
    if (e.level === 'query') caps.push(e.query)
  },
})
const base = { kind: 'user', email: 'x', name: 'x', via: 'token', sessionId: null, scopes: ['read'] } as const
const actors = {
  officer: {
    ...base,
    userId: 'u1',
    orgCode: 'ICC-OTP',
    orgKind: 'court_organ',
    role: 'officer',
    compartments: ['SIT-BENCH-1', 'SIT-BENCH-2'],
  },
  fp: { ...base, userId: 'u2', orgCode: 'NLD', orgKind: 'state', role: 'focal-point', compartments: [] },
} as any
const nowIso = new Date().toISOString()
const filters = { addressee: 'NLD', status: ['transmitted', 'acknowledged', 'in_execution'] }
for (const [name, a] of Object.entries(actors)) {
  for (const [label, fn] of [
    [
      'list',
      () =>
        repo.listVisibleRequests(k, a as any, {
          filters,
          sort: { key: 'deadline', direction: 'asc' },
          after: null,
          limit: 51,
          nowIso,
        }),
    ],
    // The whole list (the Court's workload view), soonest deadline first: an index in that order.
    [
      'list all by deadline',
      () =>
        repo.listVisibleRequests(k, a as any, {
          filters: {},
          sort: { key: 'deadline', direction: 'asc' },
          after: null,
          limit: 51,
          nowIso,
        }),
    ],
    ['count', () => counts.countVisibleRequests(k, a as any, filters, nowIso)],
    ['counts', () => counts.countVisibleRequestsByStatus(k, a as any, { addressee: 'NLD' }, nowIso)],
    [
      'search',
      () => {
        const s = withSearch(k, { addressee: 'NLD' }, 'vessel')
        return listVisibleRequestsByRelevance(k, a as any, { ...s, after: null, limit: 51, nowIso })
      },
    ],
  ] as const) {
    caps.length = 0
    await (fn as any)()
    for (const q of caps) {
      const stmt = sqlite.prepare(q.sql)
      const t = performance.now()
      for (let i = 0; i < 20; i++) stmt.all(...(q.parameters as any[]))
      const ms = (performance.now() - t) / 20
      console.log(`== ${name} ${label} ${ms.toFixed(2)} ms`)
      if (process.argv[3]) {
        console.log(q.sql)
      }
      for (const r of sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as any[])) as any[])
        console.log('   ', r.detail)
    }
  }
}
