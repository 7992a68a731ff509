import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorResponse } from '../http/error-schema.ts'
import { createCheckpoint, findLatestCheckpoint, verifyAuditTrailWithKey } from './audit.checkpoints.service.ts'
import {
  AuditCheckpointSchema,
  AuditEventPage,
  CreateCheckpointBody,
  LatestCheckpointSchema,
  ListAuditEventsQuery,
  VerifyReportSchema,
} from './audit.schemas.ts'
import { listAuditEvents } from './audit.service.ts'
import { auditSignerFromSeed } from './audit.signing.ts'

// `config.policy` names the permission each route needs; the access-control plugin enforces it
// (auditors only). The routes themselves stay thin.
export const auditRoutes =
  (auditSigningKey: string): FastifyPluginAsyncZod =>
  async (app) => {
    const signer = auditSignerFromSeed(auditSigningKey)

    app.get(
      '/audit/events',
      {
        config: { policy: 'audit.read' },
        schema: {
          tags: ['audit'],
          summary: 'Audit trail entries, oldest first (filters, keyset pagination)',
          querystring: ListAuditEventsQuery,
          response: { 200: AuditEventPage, 400: ErrorResponse },
        },
      },
      async (req) => listAuditEvents(req.ctx, req.query),
    )

    app.post(
      '/audit/checkpoints',
      {
        config: { policy: 'audit.checkpoint' },
        schema: {
          tags: ['audit'],
          summary: 'Sign a checkpoint of the audit trail now (after verifying what was written since the last one)',
          body: CreateCheckpointBody,
          response: { 201: AuditCheckpointSchema, 400: ErrorResponse },
        },
      },
      async (req, reply) => {
        reply.code(201)
        return createCheckpoint(req.ctx, signer, { reason: req.body.reason })
      },
    )

    app.get(
      '/audit/checkpoints/latest',
      {
        config: { policy: 'audit.read' },
        schema: {
          tags: ['audit'],
          summary: 'The latest signed checkpoint of the audit trail (null when none was signed yet)',
          response: { 200: LatestCheckpointSchema },
        },
      },
      async (req) => ({ checkpoint: await findLatestCheckpoint(req.ctx) }),
    )

    app.get(
      '/audit/verify',
      {
        config: { policy: 'audit.read' },
        schema: {
          tags: ['audit'],
          summary: 'Recompute the hash chain and check it against every signed checkpoint',
          response: { 200: VerifyReportSchema },
        },
      },
      async (req) => verifyAuditTrailWithKey(req.ctx, signer),
    )
  }
