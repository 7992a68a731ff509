import { randomUUID } from 'node:crypto'
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { agreementsRoutes } from './agreements/agreements.routes.ts'
import { arrestRoutes } from './arrest/arrest.routes.ts'
import { assetsRoutes } from './assets/assets.routes.ts'
import { auditRoutes } from './audit/audit.routes.ts'
import { startAuditWriter } from './audit/audit.writer.ts'
import { authRoutes } from './auth/auth.routes.ts'
import { oidcRoutes } from './auth/oidc.routes.ts'
import type { Config } from './config.ts'
import type { Ctx } from './context.ts'
import { createDb, type DbHandle } from './db/database.ts'
import { startWalCheckpointer } from './db/wal-checkpointer.ts'
import { demoRoutes } from './demo/demo.routes.ts'
import { documentsRoutes } from './documents/documents.routes.ts'
import { AppError } from './errors.ts'
import { healthRoutes } from './health/health.routes.ts'
import { identityRoutes } from './identity/identity.routes.ts'
import { messagesRoutes } from './messages/messages.routes.ts'
import { metaRoutes } from './meta/meta.routes.ts'
import { notificationsRoutes } from './notifications/notifications.routes.ts'
import { createNotificationSender } from './notifications/notifications.sender.ts'
import { registerAccessControl } from './plugins/access.ts'
import { registerErrorHandler } from './plugins/error-handler.ts'
import { API_PREFIX, registerOpenApi } from './plugins/openapi.ts'
import { registerSecurityHeaders } from './plugins/security.ts'
import { registerWebApp } from './plugins/web-app.ts'
import { referenceRoutes } from './reference/reference.routes.ts'
import { requestsRoutes } from './requests/requests.routes.ts'
import { situationsRoutes } from './situations/situations.routes.ts'
import { statesRoutes } from './states/states.routes.ts'
import { version } from './version.ts'
import { warrantsRoutes } from './warrants/warrants.routes.ts'

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx
  }
  interface FastifyInstance {
    /** Every route registered, for the authorization-matrix test and `policyFor` checks. */
    routeTable: { method: string; url: string }[]
  }
}

export type BuildOptions = {
  /** An open database to use (tests share one per file); otherwise one is opened from config. */
  db?: DbHandle
  now?: () => Date
  /** Where log lines go (tests capture them); stdout otherwise. */
  logStream?: NodeJS.WritableStream
  /** How often queued notifications are sent when config.mail is set (default 2 s; null: never, tests send). */
  notificationPollMs?: number | null
}

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000')
  if (depth > 20 || value === null || typeof value !== 'object') return false
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1))
}

/** Registers plugins and features. Never listens: main.ts does, tests use inject(). */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const handle = options.db ?? createDb(config)
  const now = options.now ?? (() => new Date())
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // Our own ids only: a client-chosen id could be used to confuse the audit trail.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    routerOptions: { maxParamLength: 200 },
    // Errors the router raises before any route runs (malformed URL, over-long parameter) get
    // the same error shape as everything else.
    frameworkErrors: (error, _req, reply) => {
      const status = (error as { statusCode?: number }).statusCode ?? 400
      void (reply as unknown as FastifyReply)
        .code(status >= 400 && status < 500 ? status : 400)
        .send({ error: { code: status === 414 ? 'URI_TOO_LONG' : 'VALIDATION_FAILED', message: error.message } })
    },
  }).withTypeProvider<ZodTypeProvider>()

  const routeTable: { method: string; url: string }[] = []
  app.decorate('routeTable', routeTable)
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url })
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.decorateRequest('ctx', null as unknown as Ctx)
  app.addHook('onRequest', async (req, reply) => {
    req.ctx = {
      db: handle.db,
      actor: { kind: 'anonymous' },
      log: req.log,
      now,
      requestId: req.id,
      secrets: config.secrets,
      ...(config.mail ? { notifyByMail: true } : {}),
    }
    reply.header('x-request-id', req.id)
  })
  // Audited reads on the embedded database are made durable in a journal, a group at a time, and
  // chained in batches (audit.writer.ts).
  const sqliteFile =
    handle.dialect === 'sqlite' && config.sqlitePath && config.sqlitePath !== ':memory:' ? config.sqlitePath : null
  const auditWriter = sqliteFile
    ? await startAuditWriter(handle.db, sqliteFile, {
        onError: (error) => app.log.error({ err: error }, 'audited reads could not be chained yet'),
      })
    : null
  if (auditWriter) app.addHook('onClose', async () => auditWriter.close())
  // The WAL is copied back into the file by a worker thread, never inside a commit on the event
  // loop (wal-checkpointer.ts).
  const checkpointer = sqliteFile
    ? await startWalCheckpointer(handle.db, sqliteFile, {
        onError: (message) => app.log.error(`WAL checkpoint failed: ${message}`),
      })
    : null
  if (checkpointer) app.addHook('onClose', async () => checkpointer.close())
  // Notifications queued by changes leave by mail from here (notifications.sender.ts).
  if (config.mail) {
    const sender = createNotificationSender({
      db: handle.db,
      mail: config.mail,
      publicUrl: config.publicUrl,
      secrets: config.secrets,
      log: app.log,
      now,
      pollMs: options.notificationPollMs === undefined ? 2000 : options.notificationPollMs,
    })
    app.addHook('onClose', async () => sender.close())
  }
  if (!options.db) app.addHook('onClose', async () => handle.close())

  // PostgreSQL cannot store U+0000 in text; no legitimate input contains it. Refuse it everywhere
  // with a clear error rather than let a driver error become a 500.
  app.addHook('preValidation', async (req) => {
    if (containsNul(req.params) || containsNul(req.query) || containsNul(req.body)) {
      throw new AppError('VALIDATION_FAILED', 'NUL characters (U+0000) are not accepted')
    }
  })
  registerErrorHandler(app)
  await registerSecurityHeaders(app)
  await registerOpenApi(app, version)
  await registerAccessControl(app)
  await app.register(healthRoutes)
  await app.register(metaRoutes(version), { prefix: API_PREFIX })
  await app.register(statesRoutes, { prefix: API_PREFIX })
  await app.register(referenceRoutes, { prefix: API_PREFIX })
  await app.register(authRoutes, { prefix: API_PREFIX })
  await app.register(notificationsRoutes, { prefix: API_PREFIX })
  await app.register(oidcRoutes(config), { prefix: API_PREFIX })
  await app.register(identityRoutes, { prefix: API_PREFIX })
  await app.register(agreementsRoutes, { prefix: API_PREFIX })
  await app.register(situationsRoutes, { prefix: API_PREFIX })
  await app.register(requestsRoutes, { prefix: API_PREFIX })
  await app.register(arrestRoutes, { prefix: API_PREFIX })
  await app.register(assetsRoutes, { prefix: API_PREFIX })
  await app.register(messagesRoutes, { prefix: API_PREFIX })
  await app.register(documentsRoutes(config), { prefix: API_PREFIX })
  await app.register(warrantsRoutes(config), { prefix: API_PREFIX })
  await app.register(demoRoutes, { prefix: API_PREFIX })
  await app.register(auditRoutes(config.secrets.auditSigningKey), { prefix: API_PREFIX })
  await registerWebApp(app, config.webDir)
  return app
}
