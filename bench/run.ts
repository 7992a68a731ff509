// npm run bench: requests for cooperation at scale, through the real server.
// For each dataset size: generate (or reuse) a database, start `partnine serve` on a copy of it,
// create a Court officer and a State focal point with API tokens through the CLI, then load the
// API on loopback with autocannon, authenticated and through the visibility filter. In the same
// run a floor process (bench/floor-server.ts) serves a constant and the same SQL run directly;
// every endpoint is reported as a ratio of its own floor, so a busy machine does not change what
// the figures mean. `npm run bench:states` is the States directory bench.
//
//   npm run bench [-- --requests 10000,200000] [--fresh] [--only TEXT]
//   BENCH_SECONDS=5 BENCH_CONNECTIONS=10 BENCH_WARMUP_SECONDS=1
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import type { UserActor } from '../src/server/context.ts'
import { createDb } from '../src/server/db/database.ts'
import { isSchemaCurrent, migrateToLatest } from '../src/server/db/migrate.ts'
import { migrationProvider } from '../src/server/db/migrations/index.ts'
import type { FloorPlan } from './floor-server.ts'
import { BENCH_COMPARTMENTS, DATASET_VERSION, generateRequests, HOST_STATE } from './generate-requests.ts'

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000,200000' },
    fresh: { type: 'boolean', default: false },
    // Only the targets whose name contains one of these texts (and their floors), e.g. --only "list,one request";
    // a text ending in '$' must end the name ("one request$": without its no-cache and 30-connection twins).
    only: { type: 'string' },
  },
})
const sizes = values.requests.split(',').map(Number)
const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)
// One request is also loaded with this many connections, its floor too.
const MORE_CONNECTIONS = 3 * connections
// The one request's ceiling: the floor's SQL with a durable group write before each answer (floor-server.ts).
const CEILING = "one request's ceiling (floor SQL, durable write)"
// Every target, floors included, is loaded this long before sampling starts: the first second of
// a fresh route is V8 compiling it and the page cache filling, which is not what a p99 should show.
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 1)
const root = path.resolve(import.meta.dirname, '..')
const node = existsSync(path.join(root, 'node_modules/.bin/node')) ? path.join(root, 'node_modules/.bin/node') : 'node'
const cacheDir = path.join(tmpdir(), 'partnine-bench')
const STATE = HOST_STATE
const LIST_STATUSES = ['transmitted', 'acknowledged', 'in_execution']

type Result = {
  size: number
  name: string
  floor: string | null
  rps: number
  p50: number
  p99: number
  errors: number
  /** CPU time of the answering process's main thread (its event loop) per answer, in µs. */
  cpuPerCall: number | null
  /** What one answer holds: a page's items, the requests counted, or 1 (a single request). */
  rows: number | null
}
const results: Result[] = []
const notes: string[] = []

function freePort() {
  return new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const a = probe.address()
      probe.close(() => resolve(typeof a === 'object' && a ? a.port : 0))
    })
  })
}

async function waitFor(url: string) {
  for (let i = 0; i < 1200; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${url} did not answer in 120 s`)
}

/** Until `url` answers within 50 ms three times in a row (its process has no queued work). */
async function waitUntilIdle(url: string) {
  let prompt = 0
  const until = Date.now() + 300_000
  while (prompt < 3) {
    if (Date.now() > until) throw new Error(`${url} stayed busy for 5 minutes`)
    const started = performance.now()
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    )
    prompt = ok && performance.now() - started < 50 ? prompt + 1 : 0
    if (prompt < 3) await new Promise((r) => setTimeout(r, 100))
  }
}

function stop(child: ChildProcess) {
  if (child.exitCode !== null) return Promise.resolve()
  child.kill('SIGTERM')
  return new Promise((r) => child.once('exit', r))
}

// Clock ticks per second of /proc's CPU times (USER_HZ): 100 on every Linux we run on.
const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

/**
 * CPU time so far of a process's main thread, in µs (Linux /proc); null elsewhere. The event loop
 * is where an endpoint's cost shows: per answer it does not depend on how autocannon, sharing the
 * machine, lets the process run, as req/s does.
 */
function mainThreadCpu(pid: number | undefined): number | null {
  if (!pid) return null
  try {
    const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8')
    // After "(command) ": state, then utime and stime are the 12th and 13th fields.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / clockTicks
  } catch {
    return null
  }
}

async function load(
  url: string,
  token: string | null,
  pid: number | undefined,
  extra: Record<string, string> = {},
  clients = connections,
) {
  const headers = { ...extra, ...(token ? { authorization: `Bearer ${token}` } : {}) }
  if (warmupSeconds > 0) await autocannon({ url, connections: clients, duration: warmupSeconds, headers })
  const before = mainThreadCpu(pid)
  const r = await autocannon({ url, connections: clients, duration: seconds, headers })
  const after = mainThreadCpu(pid)
  const answered = r.requests.total
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
    cpuPerCall: before !== null && after !== null && answered > 0 ? (after - before) / answered : null,
  }
}

/**
 * How much one answer of the API holds, so sizes compare like with like: at 10,000 requests the
 * State has fewer open requests than a page, and a shorter page is cheaper to send.
 */
async function rowsOf(url: string, token: string | null): Promise<number | null> {
  if (!token) return null
  const body = (await fetch(url, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json())) as {
    items?: unknown[]
    total?: number
    id?: string
  }
  return body.items?.length ?? body.total ?? (body.id ? 1 : null)
}

// The text each migration had when a cached dataset ran it, by name, in a file beside it. A
// migration whose text changed afterwards (under the same name, so never run again) leaves the
// dataset unlike any database the code makes: the 1,000,000 dataset once lacked a column of
// migration 1000 that way, and the server ran without its read journal, unnoticed.
async function migrationTexts(): Promise<Record<string, string>> {
  const texts: Record<string, string> = {}
  for (const name of Object.keys(await migrationProvider.getMigrations())) {
    const text = readFileSync(path.join(root, 'src/server/db/migrations', `${name}.ts`))
    texts[name] = createHash('sha256').update(text).digest('hex')
  }
  return texts
}

const migrationRecordOf = (dataset: string) => `${dataset}.migrations.json`

/** Throws if a migration the cached dataset ran has changed since (one cached before the record is taken as it is). */
async function checkMigrationTexts(dataset: string) {
  const record = migrationRecordOf(dataset)
  if (!existsSync(record)) return
  const now = await migrationTexts()
  const ran = JSON.parse(readFileSync(record, 'utf8')) as Record<string, string>
  const changed = Object.keys(ran).filter((name) => now[name] !== ran[name])
  if (changed.length > 0)
    throw new Error(
      `${dataset} ran ${changed.join(', ')} as they were before their text changed; regenerate it with -- --fresh`,
    )
}

async function isCurrent(file: string) {
  const handle = createDb({ dialect: 'sqlite', sqlitePath: file, databaseUrl: `sqlite:${file}` })
  try {
    return await isSchemaCurrent(handle.db)
  } finally {
    await handle.close()
  }
}

async function benchSize(size: number) {
  mkdirSync(cacheDir, { recursive: true })
  const dataset = path.join(cacheDir, `requests-${size}.v${DATASET_VERSION}.db`)
  const cached = !values.fresh && existsSync(dataset)
  if (cached) await checkMigrationTexts(dataset)
  else {
    process.stderr.write(`Generating ${size.toLocaleString('en')} requests into ${dataset}\n`)
    // Written under another name and renamed once whole: a run stopped halfway leaves no dataset
    // that the next run would take for a finished one.
    const partial = `${dataset}.partial`
    const generated = await generateRequests({ file: partial, requests: size, seed: 1 })
    renameSync(partial, dataset)
    notes.push(`${size.toLocaleString('en')} requests generated in ${generated.seconds.toFixed(0)} s`)
  }
  // A dataset cached by an earlier version gets this version's migrations once, here, rather than
  // in every copy the server starts on (an index rebuild at 1,000,000 requests takes minutes).
  if (!(await isCurrent(dataset))) {
    process.stderr.write(`Migrating the cached ${dataset} to the current schema\n`)
    const handle = createDb({ dialect: 'sqlite', sqlitePath: dataset, databaseUrl: `sqlite:${dataset}` })
    try {
      await migrateToLatest(handle.db)
    } finally {
      await handle.close()
    }
  }
  writeFileSync(migrationRecordOf(dataset), `${JSON.stringify(await migrationTexts(), null, 2)}\n`)
  const dir = mkdtempSync(path.join(tmpdir(), 'partnine-bench-'))
  copyFileSync(dataset, path.join(dir, 'partnine.db'))
  const port = await freePort()
  const env = {
    ...process.env,
    PARTNINE_DATA_DIR: dir,
    PARTNINE_PORT: String(port),
    PARTNINE_DEMO: '0',
    PARTNINE_LOG_LEVEL: 'warn',
  }
  const server = spawn(path.join(root, 'bin/partnine'), ['serve'], { env, stdio: ['ignore', 'inherit', 'inherit'] })
  const floorPort = await freePort()
  let floor: ChildProcess | null = null
  try {
    const base = `http://127.0.0.1:${port}`
    await waitFor(`${base}/readyz`)
    // What is measured is the server as it runs in production: on a file, its audited reads go
    // through the read journal (docs/audit.md). A cached dataset migrated by an earlier text of a
    // migration once left the server without it, unnoticed: such a run measures something else.
    if (!existsSync(path.join(dir, 'partnine.db-audit-journal')))
      throw new Error(`the server on ${dataset} does not journal its audited reads; regenerate it with -- --fresh`)
    const cli = (...args: string[]) =>
      execFileSync(path.join(root, 'bin/partnine'), args, {
        env,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim()
    const people = {
      officer: {
        email: 'officer@bench.invalid',
        org: 'ICC-OTP',
        kind: 'court_organ',
        role: 'officer',
        compartments: BENCH_COMPARTMENTS.slice(0, 2),
      },
      'focal-point': {
        email: 'focal-point@bench.invalid',
        org: STATE,
        kind: 'state',
        role: 'focal-point',
        compartments: [],
      },
    } as const
    const actors: Record<string, UserActor> = {}
    const tokens: Record<string, string> = {}
    for (const [name, p] of Object.entries(people)) {
      const compartments = p.compartments.flatMap((c) => ['--compartment', c])
      const userId = cli(
        'user',
        'create',
        '--email',
        p.email,
        '--name',
        `Bench ${name}`,
        '--org',
        p.org,
        '--role',
        p.role,
        ...compartments,
        '--token-only',
      )
      tokens[name] = cli('token', 'create', '--email', p.email, '--days', '1', '--read-only')
      actors[name] = {
        kind: 'user',
        userId,
        email: p.email,
        name: `Bench ${name}`,
        orgCode: p.org,
        orgKind: p.kind,
        role: p.role,
        compartments: [...p.compartments],
        via: 'token',
        sessionId: null,
        scopes: ['read'],
      }
    }
    const listQuery = `addressee=${STATE}&${LIST_STATUSES.map((s) => `status=${s}`).join('&')}&sort=deadline&limit=50`
    // One request both may read: a confidential one addressed to the State, in the officer's compartment.
    const first = (await fetch(`${base}/api/v1/requests?${listQuery}`, {
      headers: { authorization: `Bearer ${tokens['focal-point']}` },
    }).then((r) => r.json())) as {
      items: { id: string; classification: string; compartment: string }[]
    }
    const one = first.items.find(
      (i) => i.classification === 'confidential' && actors.officer?.compartments.includes(i.compartment),
    )
    if (!one) throw new Error('no request visible to both actors in the first page')
    const searchQuery = `q=vessel&addressee=${STATE}&limit=50`
    const searchProbe = await fetch(`${base}/api/v1/requests?${searchQuery}`, {
      headers: { authorization: `Bearer ${tokens.officer}` },
    })
    const hasSearch = searchProbe.ok
    if (!hasSearch && size === sizes[0])
      notes.push(`full-text search skipped: GET /api/v1/requests?q= answered ${searchProbe.status}`)
    const plan: FloorPlan = {
      search: hasSearch ? { q: 'vessel', filters: { addressee: STATE } } : null,
      actors,
      filters: { addressee: STATE, status: LIST_STATUSES },
      countFilters: { addressee: STATE },
      requestId: one.id,
    }
    floor = spawn(node, ['--disable-warning=ExperimentalWarning', path.join(root, 'bench/floor-server.ts')], {
      env: {
        ...process.env,
        BENCH_FLOOR_FILE: path.join(dir, 'partnine.db'),
        BENCH_FLOOR_PORT: String(floorPort),
        BENCH_FLOOR_PLAN: JSON.stringify(plan),
        BENCH_FLOOR_JOURNAL: path.join(dir, 'floor-journal'),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    const floorBase = `http://127.0.0.1:${floorPort}`
    await waitFor(`${floorBase}/constant`)
    const targets: {
      name: string
      url: string
      token: string | null
      floor: string | null
      headers?: Record<string, string>
      /** Concurrent connections, when not BENCH_CONNECTIONS. */
      connections?: number
    }[] = [
      { name: 'floor: bare Fastify constant', url: `${floorBase}/constant`, token: null, floor: null },
      // The server's own constant route: framework and plugins, no authentication, no database.
      { name: 'server: GET /healthz', url: `${base}/healthz`, token: null, floor: 'floor: bare Fastify constant' },
      // The same with a caller's token: what authentication adds to every API call, whatever it asks.
      {
        name: 'server: GET /healthz with a token',
        url: `${base}/healthz`,
        token: tokens.officer ?? null,
        floor: 'floor: bare Fastify constant',
      },
    ]
    for (const name of Object.keys(people)) {
      const token = tokens[name] ?? null
      targets.push(
        { name: `${name}: floor list SQL`, url: `${floorBase}/list/${name}`, token: null, floor: null },
        // As an inbox asks for it: kept while no request of the State changes (requests.kept.ts).
        {
          name: `${name}: list ${STATE} open by deadline`,
          url: `${base}/api/v1/requests?${listQuery}`,
          token,
          floor: `${name}: floor list SQL`,
        },
        // Read anew on every call: what the first visit after a change costs.
        {
          name: `${name}: list ${STATE} open by deadline, no-cache`,
          url: `${base}/api/v1/requests?${listQuery}`,
          token,
          floor: `${name}: floor list SQL`,
          headers: { 'cache-control': 'no-cache' },
        },
        { name: `${name}: floor counts SQL`, url: `${floorBase}/counts/${name}`, token: null, floor: null },
        // As an inbox asks for them: kept while no request of the State changes (requests.kept.ts).
        {
          name: `${name}: counts by status ${STATE}`,
          url: `${base}/api/v1/requests/counts?addressee=${STATE}`,
          token,
          floor: `${name}: floor counts SQL`,
        },
        // Counted anew on every call: what the first visit after a change costs.
        {
          name: `${name}: counts by status ${STATE}, no-cache`,
          url: `${base}/api/v1/requests/counts?addressee=${STATE}`,
          token,
          floor: `${name}: floor counts SQL`,
          headers: { 'cache-control': 'no-cache' },
        },
        { name: `${name}: floor request SQL`, url: `${floorBase}/request/${name}`, token: null, floor: null },
        // Not a target: the floor's SQL with a durable group write before each answer (floor-server.ts),
        // the most an audited read can reach here.
        {
          name: `${name}: ${CEILING}`,
          url: `${floorBase}/durable/request/${name}`,
          token: null,
          floor: `${name}: floor request SQL`,
        },
        // As a page is visited again: kept while no request of its addressee changes (requests.kept.ts).
        {
          name: `${name}: one request`,
          url: `${base}/api/v1/requests/${one.id}`,
          token,
          floor: `${name}: floor request SQL`,
        },
        {
          name: `${name}: one request, no-cache`,
          url: `${base}/api/v1/requests/${one.id}`,
          token,
          floor: `${name}: floor request SQL`,
          headers: { 'cache-control': 'no-cache' },
        },
        // Each audited read waits for its group's fdatasync: with few connections the server sits
        // idle meanwhile, and the groups stay small (docs/audit.md). The same pair under more load.
        {
          name: `${name}: floor request SQL, ${MORE_CONNECTIONS} conn.`,
          url: `${floorBase}/request/${name}`,
          token: null,
          floor: null,
          connections: MORE_CONNECTIONS,
        },
        {
          name: `${name}: one request, ${MORE_CONNECTIONS} conn.`,
          url: `${base}/api/v1/requests/${one.id}`,
          token,
          floor: `${name}: floor request SQL, ${MORE_CONNECTIONS} conn.`,
          connections: MORE_CONNECTIONS,
        },
      )
      if (hasSearch)
        targets.push(
          { name: `${name}: floor search SQL`, url: `${floorBase}/search/${name}`, token: null, floor: null },
          // As a search is asked again: kept while no request changes (requests.kept.ts).
          {
            name: `${name}: search "vessel" in ${STATE}`,
            url: `${base}/api/v1/requests?${searchQuery}`,
            token,
            floor: `${name}: floor search SQL`,
          },
          {
            name: `${name}: search "vessel" in ${STATE}, no-cache`,
            url: `${base}/api/v1/requests?${searchQuery}`,
            token,
            floor: `${name}: floor search SQL`,
            headers: { 'cache-control': 'no-cache' },
          },
        )
    }
    const only = values.only?.split(',')
    // A text ending in '$' matches the end of a name: "one request$" is the kept one request alone.
    const wanted = (name: string) =>
      !only || only.some((text) => (text.endsWith('$') ? name.endsWith(text.slice(0, -1)) : name.includes(text)))
    const chosen = targets.filter((t) => wanted(t.name) || targets.some((d) => d.floor === t.name && wanted(d.name)))
    for (const t of chosen) {
      process.stderr.write(`  ${size.toLocaleString('en')} · ${t.name}…\n`)
      const rows = await rowsOf(t.url, t.token)
      const pid = t.url.startsWith(floorBase) ? floor.pid : server.pid
      results.push({
        size,
        name: t.name,
        floor: t.floor,
        rows,
        ...(await load(t.url, t.token, pid, t.headers, t.connections)),
      })
      // Requests still queued when the load stops (a slow search) would eat into the next target:
      // wait until both processes answer their constant promptly three times running.
      await Promise.all([waitUntilIdle(`${base}/healthz`), waitUntilIdle(`${floorBase}/constant`)])
    }
  } finally {
    if (floor) await stop(floor)
    await stop(server)
    rmSync(dir, { recursive: true, force: true })
  }
}

const load0 = loadavg()[0]?.toFixed(2)
for (const size of sizes) await benchSize(size)

const out = process.stdout
out.write(
  `\nPart IX requests bench — ${seconds}s per target after ${warmupSeconds}s of warm-up, ${connections} connections, autocannon in this process, ` +
    `server and floor on SQLite, ${cpus().length} cores, load average ${load0} before / ${loadavg()[0]?.toFixed(2)} after\n`,
)
const width = Math.max(44, ...results.map((r) => r.name.length))
out.write(
  `${'requests'.padStart(9)}  ${'target'.padEnd(width)} ${'req/s'.padStart(7)} ${'p50'.padStart(5)} ${'p99'.padStart(5)}  ratio  ${'µs/call'.padStart(7)}  ${'rows'.padStart(5)}  errors\n`,
)
for (const r of results) {
  const f = r.floor ? results.find((x) => x.size === r.size && x.name === r.floor) : null
  const ratio = f ? (r.rps / f.rps).toFixed(2) : '   —'
  out.write(
    `${r.size.toLocaleString('en').padStart(9)}  ${r.name.padEnd(width)} ${Math.round(r.rps).toString().padStart(7)} ${String(r.p50).padStart(5)} ${String(r.p99).padStart(5)}  ${ratio.padStart(5)}  ${(r.cpuPerCall === null ? '—' : Math.round(r.cpuPerCall).toString()).padStart(7)}  ${String(r.rows ?? '').padStart(5)}  ${r.errors}\n`,
  )
}
// The one request against the most an audited read reaches here (floor-server.ts): steadier than
// against the bare floor, since both wait for the same kind of durable write.
for (const r of results.filter((x) => x.name.endsWith(': one request'))) {
  const ceiling = results.find((x) => x.size === r.size && x.name === r.name.replace(/one request$/, CEILING))
  if (ceiling)
    out.write(`${r.size.toLocaleString('en')} · ${r.name} against its ceiling: ${(r.rps / ceiling.rps).toFixed(2)}\n`)
}
for (const note of notes) out.write(`note: ${note}\n`)
out.write('rows: items in a page, requests counted, or 1 (one request), as the API answered before the load.\n')
out.write("µs/call: CPU time of the answering process's main thread per answer, while sampled (Linux /proc).\n")
out.write(
  'Targets (issue 4): ratio ≥ 0.8 list, search, counts; ≥ 0.5 one request; p99 ≤ 20 ms at 1,000,000; list flat 10k → 1M.\n',
)
if (results.some((r) => r.errors > 0)) process.exitCode = 1
