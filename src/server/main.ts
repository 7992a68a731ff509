import { buildApp } from './app.ts'
import { startPeriodicAlertSweeps } from './assets/assets.alerts.ts'
import { startPeriodicCheckpoints } from './audit/audit.checkpoints.service.ts'
import { auditSignerFromSeed } from './audit/audit.signing.ts'
import { prepareDatabase } from './boot/prepare-database.ts'
import type { Config } from './config.ts'
import type { Ctx } from './context.ts'
import { createDb } from './db/database.ts'

const AUDIT_CHECKPOINT_INTERVAL_MS = 15 * 60 * 1000

/** Starts the platform: prepares the database, listens, and shuts down gracefully on signals. */
export async function startServer(config: Config) {
  const started = performance.now()
  const handle = createDb(config)
  const app = await buildApp(config, { db: handle })
  for (const notice of config.notices) app.log.warn(notice)
  const ctx: Ctx = {
    db: handle.db,
    actor: { kind: 'system', name: 'startup' },
    secrets: config.secrets,
    log: app.log,
    now: () => new Date(),
    requestId: null,
  }
  const prepared = await prepareDatabase(ctx, {
    demo: config.demo,
    progress: (step, done, total) => app.log.info(`reference data: ${step} (${done}/${total})`),
  })
  app.log.info(
    { migrations: prepared.migrations.length, reference: prepared.reference, demo: prepared.demo },
    'database ready',
  )
  await app.listen({ host: config.host, port: config.port })
  // Signed checkpoints of the audit trail (docs/audit.md), when entries were written since the last.
  const stopCheckpoints = startPeriodicCheckpoints(
    { ...ctx, actor: { kind: 'system', name: 'audit-checkpoints' } },
    auditSignerFromSeed(config.secrets.auditSigningKey),
    AUDIT_CHECKPOINT_INTERVAL_MS,
  )
  // Expiry alerts of freezing and seizure orders (docs/assets.md): now, then hourly.
  const stopAlertSweeps = startPeriodicAlertSweeps({ ...ctx, actor: { kind: 'system', name: 'asset-alerts' } })
  app.log.info(`Part IX ready at http://${config.host}:${config.port} in ${Math.round(performance.now() - started)} ms`)

  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info(`${signal} received: finishing requests in flight`)
    // Hard stop if a request hangs: an orchestrator will restart us anyway.
    setTimeout(() => process.exit(1), 10_000).unref()
    stopCheckpoints()
    stopAlertSweeps()
    await app.close()
    await handle.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  return app
}
