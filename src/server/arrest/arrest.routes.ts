import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ERROR_RESPONSES } from '../http/error-schema.ts'
import {
  ArrestOpportunityDetailSchema,
  ArrestOpportunityListSchema,
  ArrestStrategyCountsSchema,
  ArrestStrategyDetailSchema,
  ArrestStrategyListSchema,
  CountArrestStrategiesQuery,
  CreateArrestStrategyBody,
  DraftedRequestSchema,
  DraftRequestBody,
  ExportArrestStrategiesQuery,
  ListArrestOpportunitiesQuery,
  ListArrestStrategiesQuery,
  ProposalSchema,
  RecordOutcomeBody,
  RecordParams,
  ReportArrestOpportunityBody,
  UpdateArrestStrategyBody,
} from './arrest.schemas.ts'
import {
  draftArrestRequest,
  getArrestOpportunity,
  getArrestProposal,
  listArrestOpportunities,
  recordArrestOutcome,
  reportArrestOpportunity,
} from './arrest-opportunities.service.ts'
import {
  countArrestStrategies,
  createArrestStrategy,
  exportArrestStrategies,
  getArrestStrategy,
  listArrestStrategies,
  updateArrestStrategy,
} from './arrest-strategies.service.ts'

const errors = ERROR_RESPONSES
const tags = ['arrest']

export const arrestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/arrest-strategies',
    {
      schema: {
        tags,
        summary: "Arrest strategies of the caller's cells (anyone else gets an empty list)",
        querystring: ListArrestStrategiesQuery,
        response: { 200: ArrestStrategyListSchema, ...errors },
      },
    },
    async (req) => listArrestStrategies(req.ctx, req.query),
  )
  app.get(
    '/arrest-strategies/counts',
    {
      schema: {
        tags,
        summary: "Counts of the caller's visible arrest strategies, by person",
        querystring: CountArrestStrategiesQuery,
        response: { 200: ArrestStrategyCountsSchema, ...errors },
      },
    },
    async (req) => countArrestStrategies(req.ctx, req.query),
  )
  app.get(
    '/arrest-strategies/export.csv',
    {
      schema: {
        tags,
        summary: 'The visible arrest strategies the filters select, as CSV (audited)',
        querystring: ExportArrestStrategiesQuery,
        response: {
          200: {
            description: 'The strategies as CSV, served as an attachment',
            content: { 'text/csv': { schema: z.string().meta({ format: 'binary' }) } },
          },
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const file = await exportArrestStrategies(req.ctx, req.query)
      return (
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-store')
          // A Buffer is sent as is (Fastify never runs the response serializer on one).
          .send(file.content as unknown as string)
      )
    },
  )
  app.post(
    '/arrest-strategies',
    {
      schema: {
        tags,
        summary: 'Write an arrest strategy for a person sought, known to one cell only',
        body: CreateArrestStrategyBody,
        response: { 201: ArrestStrategyDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createArrestStrategy(req.ctx, req.body)),
  )
  app.get(
    '/arrest-strategies/:id',
    {
      schema: {
        tags,
        summary: 'One arrest strategy with its versions',
        params: RecordParams,
        response: { 200: ArrestStrategyDetailSchema, ...errors },
      },
    },
    async (req) => getArrestStrategy(req.ctx, req.params.id),
  )
  app.patch(
    '/arrest-strategies/:id',
    {
      schema: {
        tags,
        summary: 'Change an arrest strategy (a new version; the previous ones are kept)',
        params: RecordParams,
        body: UpdateArrestStrategyBody,
        response: { 200: ArrestStrategyDetailSchema, ...errors },
      },
    },
    async (req) => updateArrestStrategy(req.ctx, req.params.id, req.body),
  )

  app.get(
    '/arrest-opportunities',
    {
      schema: {
        tags,
        summary: 'Arrest opportunities the caller may know about (newest report first)',
        querystring: ListArrestOpportunitiesQuery,
        response: { 200: ArrestOpportunityListSchema, ...errors },
      },
    },
    async (req) => listArrestOpportunities(req.ctx, req.query),
  )
  app.post(
    '/arrest-opportunities',
    {
      schema: {
        tags,
        summary: 'Report the presence or travel of a person sought in a State',
        body: ReportArrestOpportunityBody,
        response: { 201: ArrestOpportunityDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await reportArrestOpportunity(req.ctx, req.body)),
  )
  app.get(
    '/arrest-opportunities/:id',
    {
      schema: {
        tags,
        summary: 'One arrest opportunity with its outcome history',
        params: RecordParams,
        response: { 200: ArrestOpportunityDetailSchema, ...errors },
      },
    },
    async (req) => getArrestOpportunity(req.ctx, req.params.id),
  )
  app.get(
    '/arrest-opportunities/:id/proposal',
    {
      schema: {
        tags,
        summary: 'Whether the State is bound, the pre-filled request and the reminder of its obligations',
        params: RecordParams,
        response: { 200: ProposalSchema, ...errors },
      },
    },
    async (req) => getArrestProposal(req.ctx, req.params.id),
  )
  app.post(
    '/arrest-opportunities/:id/request-draft',
    {
      schema: {
        tags,
        summary: 'Create the proposed request as a draft (it still needs approval)',
        params: RecordParams,
        body: DraftRequestBody,
        response: { 201: DraftedRequestSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await draftArrestRequest(req.ctx, req.params.id, req.body)),
  )
  app.post(
    '/arrest-opportunities/:id/outcome',
    {
      schema: {
        tags,
        summary: 'Record the outcome (appended to the history, with the request it concerns)',
        params: RecordParams,
        body: RecordOutcomeBody,
        response: { 200: ArrestOpportunityDetailSchema, ...errors },
      },
    },
    async (req) => recordArrestOutcome(req.ctx, req.params.id, req.body),
  )
}
