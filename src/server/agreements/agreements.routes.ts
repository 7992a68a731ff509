import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorResponse } from '../http/error-schema.ts'
import {
  AgreementDetailSchema,
  AgreementListSchema,
  AgreementParams,
  ListAgreementsQuery,
  ReclassifyBody,
} from './agreements.schemas.ts'
import { getAgreement, listAgreements, reclassifyAgreement } from './agreements.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse }

export const agreementsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/agreements',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Voluntary cooperation agreements the caller may know about (need-to-know applies)',
        querystring: ListAgreementsQuery,
        response: { 200: AgreementListSchema, ...errors },
      },
    },
    async (req) => listAgreements(req.ctx, req.query),
  )
  app.get(
    '/agreements/:id',
    {
      schema: {
        tags: ['agreements'],
        summary: 'One agreement with its classification history',
        params: AgreementParams,
        response: { 200: AgreementDetailSchema, ...errors },
      },
    },
    async (req) => getAgreement(req.ctx, req.params.id),
  )
  app.post(
    '/agreements/:id/reclassification',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Reclassify (e.g. lift a seal) with the legal basis; recorded in the history',
        params: AgreementParams,
        body: ReclassifyBody,
        response: { 200: AgreementDetailSchema, ...errors },
      },
    },
    async (req) => reclassifyAgreement(req.ctx, req.params.id, req.body),
  )
}
