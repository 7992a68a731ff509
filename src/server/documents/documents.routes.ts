import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Config } from '../config.ts'
import { ERROR_RESPONSES, ErrorResponse } from '../http/error-schema.ts'
import { RequestParams } from '../requests/requests.schemas.ts'
import { contentDisposition } from './documents.content.ts'
import { DocumentListSchema, DocumentParams, DocumentSchema, UploadDocumentBody } from './documents.schemas.ts'
import { downloadDocument, listDocuments, uploadDocument } from './documents.service.ts'

const errors = { ...ERROR_RESPONSES, 413: ErrorResponse, 415: ErrorResponse }
const tags = ['documents']

export const documentsRoutes =
  (config: Pick<Config, 'documentMaxBytes'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/requests/:id/documents',
      {
        // Base64 makes a file a third larger; JSON and the other fields need a little room. This
        // route alone accepts bodies larger than PARTNINE_BODY_LIMIT.
        bodyLimit: Math.ceil((config.documentMaxBytes * 4) / 3) + 64 * 1024,
        schema: {
          tags,
          summary: 'Upload a document, a new version of one, or a redacted public version (JSON, base64 content)',
          params: RequestParams,
          body: UploadDocumentBody,
          response: { 201: DocumentSchema, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await uploadDocument(req.ctx, req.params.id, req.body, config.documentMaxBytes)),
    )
    app.get(
      '/requests/:id/documents',
      {
        schema: {
          tags,
          summary: "The request's documents with their SHA-256 (only redacted public versions for other callers)",
          params: RequestParams,
          response: { 200: DocumentListSchema, ...errors },
        },
      },
      async (req) => listDocuments(req.ctx, req.params.id),
    )
    app.get(
      '/documents/:id/content',
      {
        schema: {
          tags,
          summary: 'Download a document (decrypted and integrity-checked; every download is audited)',
          params: DocumentParams,
          response: {
            200: z.string().describe('The file itself, served as an attachment with its detected media type'),
            ...errors,
            500: ErrorResponse.describe('DOCUMENT_INTEGRITY_FAILED: the stored document was altered; never served'),
          },
        },
      },
      async (req, reply) => {
        const doc = await downloadDocument(req.ctx, req.params.id)
        return (
          reply
            .type(doc.mediaType)
            .header('content-disposition', contentDisposition(doc.filename))
            .header('x-content-type-options', 'nosniff')
            .header('cache-control', 'no-store')
            // A Buffer is sent as is (Fastify never runs the response serializer on one).
            .send(doc.content as unknown as string)
        )
      },
    )
  }
