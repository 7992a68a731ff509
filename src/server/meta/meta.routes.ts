import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { getPlatformMeta } from './meta.service.ts'

export const PlatformMetaSchema = z.object({
  name: z.string(),
  version: z.string(),
  demoLoadedAt: z.string().nullable().describe('when fictional demo data was loaded; null if none is'),
  referenceLoadedAt: z.string().nullable(),
  notificationsByMail: z
    .boolean()
    .describe('whether the platform tells its users by e-mail of what concerns them (docs/notifications.md)'),
})
export type PlatformMetaSchema = z.infer<typeof PlatformMetaSchema>

export const metaRoutes =
  (version: string): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/meta',
      {
        schema: {
          tags: ['meta'],
          summary: 'Platform version, whether fictional demo data is loaded, whether notifications go by e-mail',
          response: { 200: PlatformMetaSchema },
        },
      },
      async (req) => getPlatformMeta(req.ctx, version),
    )
  }
