import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorResponse } from '../http/error-schema.ts'
import {
  ListStatesQuery,
  StateDetailSchema,
  StateListSchema,
  StateParams,
  StateStatusesSchema,
} from './states.schemas.ts'
import { getStateByIso3, listStateStatuses, listStates } from './states.service.ts'

export const statesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/states',
    {
      schema: {
        tags: ['states'],
        summary: 'List States with their Rome Statute status (filters, text search, keyset pagination)',
        querystring: ListStatesQuery,
        response: { 200: StateListSchema, 400: ErrorResponse },
      },
    },
    async (req) => listStates(req.ctx, req.query),
  )

  app.get(
    '/states/statuses',
    {
      schema: {
        tags: ['states'],
        summary: 'Rome Statute status of every State, keyed by ISO codes (for the map)',
        response: { 200: StateStatusesSchema },
      },
    },
    async (req) => ({ items: await listStateStatuses(req.ctx) }),
  )

  app.get(
    '/states/:iso3',
    {
      schema: {
        tags: ['states'],
        summary: 'One State: every fact with its sources and verified flag, agreements, cooperation profile',
        params: StateParams,
        response: { 200: StateDetailSchema, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => getStateByIso3(req.ctx, req.params.iso3),
  )
}
