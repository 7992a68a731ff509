import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ERROR_RESPONSES } from '../http/error-schema.ts'
import { RequestParams } from '../requests/requests.schemas.ts'
import { MessageListSchema, MessageSchema, PostMessageBody } from './messages.schemas.ts'
import { listMessages, postMessage } from './messages.service.ts'

const errors = ERROR_RESPONSES
const tags = ['messages']

export const messagesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/requests/:id/messages',
    {
      schema: {
        tags,
        summary: 'The thread of a request between the Court and the addressee, oldest first',
        params: RequestParams,
        response: { 200: MessageListSchema, ...errors },
      },
    },
    async (req) => listMessages(req.ctx, req.params.id),
  )
  app.post(
    '/requests/:id/messages',
    {
      schema: {
        tags,
        summary: 'Post a message to the thread, with documents of the request attached',
        params: RequestParams,
        body: PostMessageBody,
        response: { 201: MessageSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await postMessage(req.ctx, req.params.id, req.body)),
  )
}
