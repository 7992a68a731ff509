import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { PublicWarrantSchema, RequestTypeSchema, StatuteArticleSchema } from './reference.schemas.ts'
import { listPublicWarrants, listRequestTypes, listStatuteArticles } from './reference.service.ts'

export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/reference/request-types',
    {
      schema: {
        tags: ['reference'],
        summary: 'The catalogue of request types from the Statute (93(1)(a)–(l) and the other requests)',
        response: { 200: z.object({ items: z.array(RequestTypeSchema) }) },
      },
    },
    async (req) => ({ items: await listRequestTypes(req.ctx) }),
  )
  app.get(
    '/reference/articles',
    {
      schema: {
        tags: ['reference'],
        summary: 'Text of Part IX of the Rome Statute and related articles, by paragraph',
        response: { 200: z.object({ items: z.array(StatuteArticleSchema) }) },
      },
    },
    async (req) => ({ items: await listStatuteArticles(req.ctx) }),
  )
  app.get(
    '/reference/public-warrants',
    {
      schema: {
        tags: ['reference'],
        summary: 'Publicly known warrants of arrest, with their sources',
        response: { 200: z.object({ items: z.array(PublicWarrantSchema) }) },
      },
    },
    async (req) => ({ items: await listPublicWarrants(req.ctx) }),
  )
}
