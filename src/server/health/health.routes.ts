import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { sql } from 'kysely'
import { z } from 'zod'
import { isSchemaCurrent } from '../db/migrate.ts'

const HealthSchema = z.object({ status: z.enum(['ok', 'unavailable']), reason: z.string().optional() })

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    { schema: { tags: ['meta'], summary: 'Liveness: the process answers', response: { 200: HealthSchema } } },
    async () => ({ status: 'ok' as const }),
  )

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['meta'],
        summary: 'Readiness: the database answers and its schema is at the latest migration',
        response: { 200: HealthSchema, 503: HealthSchema },
      },
    },
    async (req, reply) => {
      try {
        await sql`select 1`.execute(req.ctx.db)
        if (!(await isSchemaCurrent(req.ctx.db))) {
          return reply
            .code(503)
            .send({ status: 'unavailable', reason: 'database schema is not at the latest migration' })
        }
        return { status: 'ok' as const }
      } catch (error) {
        req.log.warn({ err: error }, 'readiness check failed')
        return reply.code(503).send({ status: 'unavailable', reason: 'database unreachable' })
      }
    },
  )
}
