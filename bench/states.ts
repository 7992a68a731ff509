// npm run bench: load on loopback against the real server on a fresh embedded database.
// Every figure is reported as a ratio against a floor measured in the same run (/healthz, which
// touches no database), so a slower or busier machine does not change what the numbers mean.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'

// The server runs in its own process (as in production), so the load generator does not share
// its event loop; both still share the machine's two cores, as the floor does.
const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const dir = mkdtempSync(path.join(tmpdir(), 'partnine-bench-'))
const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const a = probe.address()
    probe.close(() => resolve(typeof a === 'object' && a ? a.port : 0))
  })
})
const server = spawn(path.resolve(import.meta.dirname, '../bin/partnine'), ['serve'], {
  env: { ...process.env, PARTNINE_DATA_DIR: dir, PARTNINE_PORT: String(port), PARTNINE_LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'inherit', 'inherit'],
})
const base = `http://127.0.0.1:${port}`
for (let i = 0; ; i++) {
  if (i > 300) throw new Error('server did not become ready in 30 s')
  const ready = await fetch(`${base}/readyz`).then(
    (r) => r.ok,
    () => false,
  )
  if (ready) break
  await new Promise((r) => setTimeout(r, 100))
}

const targets = [
  { name: 'floor: GET /healthz', path: '/healthz' },
  { name: 'GET /api/v1/states?party=true (page of 50)', path: '/api/v1/states?party=true' },
  { name: 'GET /api/v1/states?q=pays&lang=fr', path: '/api/v1/states?q=pays&lang=fr' },
  { name: 'GET /api/v1/states/NLD (detail with sources)', path: '/api/v1/states/NLD' },
  { name: 'GET /api/v1/states/statuses (map)', path: '/api/v1/states/statuses' },
]

const results: { name: string; rps: number; p99: number; errors: number }[] = []
for (const target of targets) {
  const r = await autocannon({ url: base + target.path, connections: 16, duration: seconds, pipelining: 1 })
  results.push({ name: target.name, rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx })
}
server.kill('SIGTERM')
await new Promise((r) => server.once('exit', r))
rmSync(dir, { recursive: true, force: true })

const floor = results[0]?.rps ?? 1
process.stdout.write(
  `Part IX bench — ${seconds}s per target, 16 connections, one process, server process on SQLite (embedded)\n`,
)
for (const r of results) {
  process.stdout.write(
    `${r.name.padEnd(48)} ${Math.round(r.rps).toString().padStart(7)} req/s  ${(r.rps / floor).toFixed(2)}× floor  p99 ${r.p99} ms  errors ${r.errors}\n`,
  )
}
if (results.some((r) => r.errors > 0)) process.exitCode = 1
