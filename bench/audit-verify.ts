// node --disable-warning=ExperimentalWarning bench/audit-verify.ts [--events 1000000]
// Builds an embedded database holding N chained audit entries, then times verifyAuditTrail over it.
// Target (docs/audit.md): 1,000,000 entries verified in under 10 s on a 2-core machine.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { canonicalJson, hashEntry } from '../src/server/audit/audit.hash.ts'
import { verifyAuditTrail } from '../src/server/audit/audit.verify.ts'
import { createDb, openSqlite } from '../src/server/db/database.ts'
import { migrateToLatest } from '../src/server/db/migrate.ts'

const { values } = parseArgs({ options: { events: { type: 'string', default: '1000000' } } })
const total = Number(values.events)
const dir = mkdtempSync(path.join(tmpdir(), 'partnine-bench-audit-'))
const file = path.join(dir, 'audit.db')

try {
  const handle = createDb({ dialect: 'sqlite', sqlitePath: file, databaseUrl: `sqlite:${file}` })
  await migrateToLatest(handle.db)
  await handle.close()

  // Generation bypasses Kysely (one prepared statement, 50k rows per transaction): it is set-up,
  // not what is measured. Entries look like real ones: a user, an organisation, nested details.
  const started = performance.now()
  const sqlite = openSqlite(file)
  const insert = sqlite.prepare(
    `insert into audit_events (id, occurred_at, actor, actor_org, action, record_type, record_id,
       classification, details, request_id, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const head = sqlite
    .prepare('select last_event_id, last_hash, event_count from audit_chain_head where id = 1')
    .get() as {
    last_event_id: number
    last_hash: string
    event_count: number
  }
  let prevHash = head.last_hash
  let id = head.last_event_id
  const base = Date.parse('2026-01-01T00:00:00.000Z')
  const writeBatch = sqlite.transaction((count: number) => {
    for (let i = 0; i < count; i++) {
      id++
      const entry = {
        id,
        occurredAt: new Date(base + id * 1000).toISOString(),
        actor: `user:${(id % 500).toString().padStart(4, '0')}@example.org`,
        actorOrg: id % 3 === 0 ? 'ICC-OTP' : 'NLD-MOJ',
        action: 'request.status_changed',
        recordType: 'request',
        recordId: `REQ-2026-${id % 10_000}`,
        classification: id % 5 === 0 ? 'confidential' : null,
        details: { from: 'received', to: 'in_execution', note: `step ${id}`, refs: [id % 7, id % 11] },
        requestId: `0b8c${id.toString(16).padStart(28, '0')}`,
      }
      const hash = hashEntry(prevHash, entry)
      insert.run(
        id,
        entry.occurredAt,
        entry.actor,
        entry.actorOrg,
        entry.action,
        entry.recordType,
        entry.recordId,
        entry.classification,
        canonicalJson(entry.details),
        entry.requestId,
        prevHash,
        hash,
      )
      prevHash = hash
    }
  })
  for (let done = 0; done < total; ) {
    const count = Math.min(50_000, total - done)
    writeBatch(count)
    done += count
    process.stderr.write(`\rgenerating: ${done}/${total}`)
  }
  sqlite
    .prepare('update audit_chain_head set last_event_id = ?, last_hash = ?, event_count = ? where id = 1')
    .run(id, prevHash, head.event_count + total)
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  sqlite.close()
  process.stderr.write(`\ngenerated ${total} entries in ${((performance.now() - started) / 1000).toFixed(1)} s\n`)

  const verifying = createDb({ dialect: 'sqlite', sqlitePath: file, databaseUrl: `sqlite:${file}` })
  const t0 = performance.now()
  const report = await verifyAuditTrail(verifying.db, {
    onProgress: (checked) => {
      if (checked % 100_000 < 5000) process.stderr.write(`\rverifying: ${checked}/${total}`)
    },
  })
  const seconds = (performance.now() - t0) / 1000
  await verifying.close()
  process.stderr.write('\n')
  console.log(
    JSON.stringify({
      events: total,
      ok: report.ok,
      checked: report.checked,
      seconds: Number(seconds.toFixed(2)),
      entriesPerSecond: Math.round(report.checked / seconds),
      ...(report.problem ? { problem: report.problem } : {}),
    }),
  )
  if (!report.ok) process.exitCode = 1
} finally {
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true })
  else process.stderr.write(`kept ${file}\n`)
}
