import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ERROR_RESPONSES, ErrorResponse } from '../http/error-schema.ts'
import { sendKeptAnswer } from '../http/kept-answer.ts'
import { getRequestConcerns, RequestConcernsSchema } from './requests.concerns.ts'
import { DelegateBody, DelegationListSchema, DelegationParams } from './requests.delegations.schemas.ts'
import { delegateRequest, listRequestDelegations, revokeDelegation } from './requests.delegations.ts'
import { createRequests, updateDraft } from './requests.drafting.ts'
import { type ExportFormat, exportRequests, XLSX_MEDIA_TYPE } from './requests.export.ts'
import { getRequestAnswer, getTypeChecklist } from './requests.page.ts'
import { breakdownRequests, countRequests, listRequests } from './requests.read.ts'
import {
  AllowedStepsSchema,
  BreakdownRequestsQuery,
  CountRequestsQuery,
  CreatedRequestsSchema,
  CreateRequestBody,
  DeadlineChangeBody,
  ExportRequestsQuery,
  FreshReadHeaders,
  ListRequestsQuery,
  ReceiptListSchema,
  RequestBreakdownSchema,
  RequestCountsSchema,
  RequestDetailSchema,
  RequestListSchema,
  RequestParams,
  TransitionBody,
  TypeChecklistParams,
  TypeChecklistQuery,
  TypeChecklistSchema,
  UpdateDraftBody,
  wantsFreshRead,
} from './requests.schemas.ts'
import { changeDeadline, listAllowedSteps, listRequestReceipts, transitionRequest } from './requests.transitions.ts'
import {
  deleteView,
  listSavedViews,
  SavedViewListSchema,
  SavedViewSchema,
  SaveViewBody,
  saveView,
  ViewParams,
} from './requests.views.ts'

const errors = ERROR_RESPONSES
const tags = ['requests']

export const requestsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/reference/request-types/:code/checklist',
    {
      schema: {
        tags: ['reference', ...tags],
        summary: 'What a request of this type must contain (articles 89(3), 91, 92, 96), with the Statute text',
        params: TypeChecklistParams,
        querystring: TypeChecklistQuery,
        response: { 200: TypeChecklistSchema, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => getTypeChecklist(req.ctx, req.params.code, req.query.afterConviction ?? false),
  )
  app.get(
    '/requests',
    {
      schema: {
        tags,
        summary: 'Requests for cooperation the caller may know about, filtered, sorted, in keyset pages',
        querystring: ListRequestsQuery,
        headers: FreshReadHeaders,
        response: { 200: RequestListSchema, ...errors },
      },
    },
    async (req, reply) =>
      sendKeptAnswer(reply, await listRequests(req.ctx, req.query, { fresh: wantsFreshRead(req.headers) })),
  )
  app.get(
    '/requests/counts',
    {
      schema: {
        tags,
        summary: 'Counts of visible requests by status, with how many are overdue',
        querystring: CountRequestsQuery,
        headers: FreshReadHeaders,
        response: { 200: RequestCountsSchema, ...errors },
      },
    },
    async (req) => countRequests(req.ctx, req.query, { fresh: wantsFreshRead(req.headers) }),
  )
  app.get(
    '/requests/breakdown',
    {
      schema: {
        tags,
        summary: 'Counts of visible requests by situation, originating organ or addressee, with how many are overdue',
        querystring: BreakdownRequestsQuery,
        headers: FreshReadHeaders,
        response: { 200: RequestBreakdownSchema, ...errors },
      },
    },
    async (req) => breakdownRequests(req.ctx, req.query, { fresh: wantsFreshRead(req.headers) }),
  )
  app.get(
    '/requests/views',
    {
      schema: {
        tags,
        summary: "The caller's saved views (named sets of list filters)",
        response: { 200: SavedViewListSchema, ...errors },
      },
    },
    async (req) => listSavedViews(req.ctx),
  )
  app.post(
    '/requests/views',
    {
      schema: {
        tags,
        summary: 'Save the list filters under a name (the same name again replaces them)',
        body: SaveViewBody,
        response: { 201: SavedViewSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await saveView(req.ctx, req.body)),
  )
  app.delete(
    '/requests/views/:id',
    {
      schema: {
        tags,
        summary: "Delete one of the caller's saved views",
        params: ViewParams,
        response: { 204: z.null().describe('Deleted'), ...errors },
      },
    },
    async (req, reply) => {
      await deleteView(req.ctx, req.params.id)
      return reply.code(204).send(null)
    },
  )
  for (const format of ['csv', 'xlsx'] as const satisfies ExportFormat[]) {
    const mediaType = format === 'csv' ? 'text/csv' : XLSX_MEDIA_TYPE
    app.get(
      `/requests/export.${format}`,
      {
        schema: {
          tags,
          summary: `Every visible request the list's filters and q select, as ${format.toUpperCase()} (audited; at most 50,000)`,
          querystring: ExportRequestsQuery,
          response: {
            200: {
              description: `The list's rows and columns as ${format.toUpperCase()}, served as an attachment`,
              content: { [mediaType]: { schema: z.string().meta({ format: 'binary' }) } },
            },
            ...errors,
          },
        },
      },
      async (req, reply) => {
        const file = await exportRequests(req.ctx, req.query, format)
        return (
          reply
            .type(file.mediaType)
            .header('content-disposition', `attachment; filename="${file.filename}"`)
            .header('x-content-type-options', 'nosniff')
            .header('cache-control', 'no-store')
            .header('x-total-count', String(file.rows))
            // A Buffer is sent as is (Fastify never runs the response serializer on one).
            .send(file.content as unknown as string)
        )
      },
    )
  }
  app.post(
    '/requests',
    {
      schema: {
        tags,
        summary: 'Draft a request; several addressees give one linked request each',
        body: CreateRequestBody,
        response: { 201: CreatedRequestsSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createRequests(req.ctx, req.body)),
  )
  app.get(
    '/requests/:id/concerns',
    {
      schema: {
        tags,
        summary: 'The situation, case, persons and warrants the request names, as far as the caller may see each',
        description:
          'Each record is read through its own need-to-know (and audited as its own read); one the caller ' +
          'may not see is left out.',
        params: RequestParams,
        response: { 200: RequestConcernsSchema, ...errors },
      },
    },
    async (req) => getRequestConcerns(req.ctx, req.params.id),
  )
  app.get(
    '/requests/:id',
    {
      schema: {
        tags,
        summary: 'One request with its timeline, completeness checklist and the steps the caller may take',
        params: RequestParams,
        headers: FreshReadHeaders,
        response: { 200: RequestDetailSchema, ...errors },
      },
    },
    async (req, reply) =>
      sendKeptAnswer(reply, await getRequestAnswer(req.ctx, req.params.id, { fresh: wantsFreshRead(req.headers) })),
  )
  app.patch(
    '/requests/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft (originating organ only, while it is a draft)',
        params: RequestParams,
        body: UpdateDraftBody,
        response: { 200: RequestDetailSchema, ...errors },
      },
    },
    async (req) => updateDraft(req.ctx, req.params.id, req.body),
  )
  app.get(
    '/requests/:id/transitions',
    {
      schema: {
        tags,
        summary: 'The steps of the life cycle the caller may take now',
        params: RequestParams,
        response: { 200: AllowedStepsSchema, ...errors },
      },
    },
    async (req) => listAllowedSteps(req.ctx, req.params.id),
  )
  app.post(
    '/requests/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Take a step of the life cycle (409 TRANSITION_NOT_ALLOWED lists the allowed ones)',
        params: RequestParams,
        body: TransitionBody,
        response: { 200: RequestDetailSchema, ...errors },
      },
    },
    async (req) => transitionRequest(req.ctx, req.params.id, req.body),
  )
  app.get(
    '/requests/:id/receipts',
    {
      schema: {
        tags,
        summary: 'Signed receipts of transmission and acknowledgement, with the public key to verify them',
        params: RequestParams,
        response: { 200: ReceiptListSchema, ...errors },
      },
    },
    async (req) => listRequestReceipts(req.ctx, req.params.id),
  )
  app.get(
    '/requests/:id/delegations',
    {
      schema: {
        tags,
        summary: "The State officers the addressee's focal point delegated the request to (addressee State only)",
        params: RequestParams,
        response: { 200: DelegationListSchema, ...errors },
      },
    },
    async (req) => listRequestDelegations(req.ctx, req.params.id),
  )
  app.post(
    '/requests/:id/delegations',
    {
      schema: {
        tags,
        summary: "Delegate the request to an active officer of the focal point's own State (audited)",
        params: RequestParams,
        body: DelegateBody,
        response: { 200: DelegationListSchema, 201: DelegationListSchema, ...errors },
      },
    },
    async (req, reply) => {
      const { created, list } = await delegateRequest(req.ctx, req.params.id, req.body)
      return reply.code(created ? 201 : 200).send(list)
    },
  )
  app.delete(
    '/requests/:id/delegations/:userId',
    {
      schema: {
        tags,
        summary: 'Revoke a delegation: the officer no longer sees the request (audited); answers the list left',
        params: DelegationParams,
        response: { 200: DelegationListSchema, ...errors },
      },
    },
    async (req) => revokeDelegation(req.ctx, req.params.id, req.params.userId),
  )
  app.post(
    '/requests/:id/deadline-changes',
    {
      schema: {
        tags,
        summary: 'Change a deadline with a reason (the history is kept)',
        params: RequestParams,
        body: DeadlineChangeBody,
        response: { 200: RequestDetailSchema, ...errors },
      },
    },
    async (req) => changeDeadline(req.ctx, req.params.id, req.body),
  )
}
