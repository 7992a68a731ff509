import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorResponse } from '../http/error-schema.ts'
import { NotificationPreferenceBody, NotificationPreferenceSchema } from './notifications.schemas.ts'
import { getNotificationPreference, setNotificationPreference } from './notifications.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse }

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/account/notifications',
    {
      schema: {
        tags: ['account'],
        summary: 'How this account is told by e-mail of what concerns it',
        response: { 200: NotificationPreferenceSchema, ...errors },
      },
    },
    (req) => getNotificationPreference(req.ctx),
  )

  app.put(
    '/account/notifications',
    {
      schema: {
        tags: ['account'],
        summary: 'Choose how this account is told by e-mail: each event, one summary a day, or no mail',
        body: NotificationPreferenceBody,
        response: { 200: NotificationPreferenceSchema, ...errors },
      },
    },
    (req) => setNotificationPreference(req.ctx, req.body.mode),
  )
}
