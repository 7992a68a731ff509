import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ERROR_RESPONSES } from '../http/error-schema.ts'
import * as changes from './situations.changes.ts'
import {
  CaseDetailSchema,
  CaseListSchema,
  CreateCaseBody,
  CreatePersonBody,
  CreateSituationBody,
  ListCasesQuery,
  ListPersonsQuery,
  ListSituationsQuery,
  PersonDetailSchema,
  PersonListSchema,
  ReclassificationBody,
  RecordParams,
  SituationDetailSchema,
  SituationListSchema,
  UpdateCaseBody,
  UpdatePersonBody,
  UpdateSituationBody,
} from './situations.schemas.ts'
import * as service from './situations.service.ts'

const errors = ERROR_RESPONSES
const tags = ['situations']

export const situationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/situations',
    {
      schema: {
        tags,
        summary: 'Situations the caller may know about',
        querystring: ListSituationsQuery,
        response: { 200: SituationListSchema, ...errors },
      },
    },
    async (req) => service.listSituations(req.ctx, req.query),
  )
  app.post(
    '/situations',
    {
      schema: {
        tags,
        summary: 'Open a situation (Court staff)',
        body: CreateSituationBody,
        response: { 201: SituationDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createSituation(req.ctx, req.body)),
  )
  app.get(
    '/situations/:id',
    {
      schema: {
        tags,
        summary: 'One situation',
        params: RecordParams,
        response: { 200: SituationDetailSchema, ...errors },
      },
    },
    async (req) => service.getSituation(req.ctx, req.params.id),
  )
  app.patch(
    '/situations/:id',
    {
      schema: {
        tags,
        summary: "Correct a situation's name or description, with the reason (Court staff)",
        params: RecordParams,
        body: UpdateSituationBody,
        response: { 200: SituationDetailSchema, ...errors },
      },
    },
    async (req) => changes.updateSituation(req.ctx, req.params.id, req.body),
  )
  app.get(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Cases the caller may know about',
        querystring: ListCasesQuery,
        response: { 200: CaseListSchema, ...errors },
      },
    },
    async (req) => service.listCases(req.ctx, req.query),
  )
  app.post(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Open a case within a situation (Court staff)',
        body: CreateCaseBody,
        response: { 201: CaseDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createCase(req.ctx, req.body)),
  )
  app.get(
    '/cases/:id',
    { schema: { tags, summary: 'One case', params: RecordParams, response: { 200: CaseDetailSchema, ...errors } } },
    async (req) => service.getCase(req.ctx, req.params.id),
  )
  app.patch(
    '/cases/:id',
    {
      schema: {
        tags,
        summary: "Correct a case's name, or appoint, replace or remove its Defence team, with the reason (Court staff)",
        description:
          'The new Defence team is named on the case (it then sees the case and may draft requests for it); ' +
          'the former one no longer is.',
        params: RecordParams,
        body: UpdateCaseBody,
        response: { 200: CaseDetailSchema, ...errors },
      },
    },
    async (req) => changes.updateCase(req.ctx, req.params.id, req.body),
  )
  app.get(
    '/persons',
    {
      schema: {
        tags,
        summary: 'Persons concerned (suspects, accused, witnesses, victims) the caller may know about',
        querystring: ListPersonsQuery,
        response: { 200: PersonListSchema, ...errors },
      },
    },
    async (req) => service.listPersons(req.ctx, req.query),
  )
  app.post(
    '/persons',
    {
      schema: {
        tags,
        summary: 'Record a person concerned by a situation or case (Court staff)',
        body: CreatePersonBody,
        response: { 201: PersonDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createPerson(req.ctx, req.body)),
  )
  app.get(
    '/persons/:id',
    { schema: { tags, summary: 'One person', params: RecordParams, response: { 200: PersonDetailSchema, ...errors } } },
    async (req) => service.getPerson(req.ctx, req.params.id),
  )
  app.patch(
    '/persons/:id',
    {
      schema: {
        tags,
        summary: "Change a person's role, case, name or description, with the reason (Court staff)",
        description:
          'A suspect becomes accused once the charges are confirmed (article 61(7)); a person joins a case. ' +
          'The audit entry names each field before and after, and the reason.',
        params: RecordParams,
        body: UpdatePersonBody,
        response: { 200: PersonDetailSchema, ...errors },
      },
    },
    async (req) => changes.updatePerson(req.ctx, req.params.id, req.body),
  )
  // A decision on a record's classification, the same for the three (situations.changes.ts).
  for (const [kind, plural, schema] of [
    ['situation', 'situations', SituationDetailSchema],
    ['case', 'cases', CaseDetailSchema],
    ['person', 'persons', PersonDetailSchema],
  ] as const) {
    app.post(
      `/${plural}/:id/reclassification`,
      {
        schema: {
          tags,
          summary: `Lift the seal of a ${kind}, or seal it, on a decision (approvers of its compartment)`,
          description:
            'The decision is the legal basis, kept in the record’s classification history and the audit trail. ' +
            'Ex parte records are not reclassified this way.',
          params: RecordParams,
          body: ReclassificationBody,
          response: { 200: schema, ...errors },
        },
      },
      async (req) => changes.reclassify(req.ctx, kind, req.params.id, req.body),
    )
  }
}
