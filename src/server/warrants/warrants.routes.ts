import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Config } from '../config.ts'
import { contentDisposition } from '../documents/documents.content.ts'
import { ERROR_RESPONSES, ErrorResponse } from '../http/error-schema.ts'
import {
  downloadPhoto,
  getPersonSought,
  listPersonsSought,
  saveDetails,
  uploadPhoto,
} from './persons-sought.service.ts'
import {
  CreateWarrantBody,
  DetailsBody,
  ListPersonsSoughtQuery,
  ListWarrantsQuery,
  PersonParams,
  PersonSoughtDetailSchema,
  PersonSoughtListSchema,
  PhotoParams,
  PhotoSchema,
  StatusChangeBody,
  UnsealingBody,
  UploadPhotoBody,
  WarrantListSchema,
  WarrantParams,
  WarrantSchema,
} from './warrants.schemas.ts'
import { changeWarrantStatus, createWarrant, getWarrant, listWarrants, unsealWarrant } from './warrants.service.ts'

const errors = { ...ERROR_RESPONSES, 413: ErrorResponse, 415: ErrorResponse }

export const warrantsRoutes =
  (config: Pick<Config, 'documentMaxBytes'>): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['warrants']
    app.get(
      '/warrants',
      {
        schema: {
          tags,
          summary: 'Warrants of arrest and summonses to appear the caller may know about',
          querystring: ListWarrantsQuery,
          response: { 200: WarrantListSchema, ...errors },
        },
      },
      async (req) => listWarrants(req.ctx, req.query),
    )
    app.post(
      '/warrants',
      {
        schema: {
          tags,
          summary: 'Record a warrant of arrest or a summons to appear (article 58; Court staff)',
          body: CreateWarrantBody,
          response: { 201: WarrantSchema, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await createWarrant(req.ctx, req.body)),
    )
    app.get(
      '/warrants/:id',
      {
        schema: {
          tags,
          summary: 'One warrant with its charges, status history and seal history',
          params: WarrantParams,
          response: { 200: WarrantSchema, ...errors },
        },
      },
      async (req) => getWarrant(req.ctx, req.params.id),
    )
    app.post(
      '/warrants/:id/status-changes',
      {
        schema: {
          tags,
          summary: 'Record a change of status (409 names the allowed ones)',
          params: WarrantParams,
          body: StatusChangeBody,
          response: { 200: WarrantSchema, ...errors },
        },
      },
      async (req) => changeWarrantStatus(req.ctx, req.params.id, req.body),
    )
    app.post(
      '/warrants/:id/unsealing',
      {
        schema: {
          tags,
          summary: "Lift a warrant's seal on a Chamber's decision (approver of the owning compartment)",
          params: WarrantParams,
          body: UnsealingBody,
          response: { 200: WarrantSchema, ...errors },
        },
      },
      async (req) => unsealWarrant(req.ctx, req.params.id, req.body),
    )

    const personTags = ['persons sought']
    app.get(
      '/persons-sought',
      {
        schema: {
          tags: personTags,
          summary: 'Persons sought by a warrant the caller may see, with their years at large',
          querystring: ListPersonsSoughtQuery,
          response: { 200: PersonSoughtListSchema, ...errors },
        },
      },
      async (req) => listPersonsSought(req.ctx, req.query),
    )
    app.get(
      '/persons-sought/:personId',
      {
        schema: {
          tags: personTags,
          summary: 'A person sought: details, warrants, photos',
          params: PersonParams,
          response: { 200: PersonSoughtDetailSchema, ...errors },
        },
      },
      async (req) => getPersonSought(req.ctx, req.params.personId),
    )
    app.post(
      '/persons-sought/:personId/details',
      {
        schema: {
          tags: personTags,
          summary: 'Set aliases, nationalities and physical description (fields given replace the stored ones)',
          params: PersonParams,
          body: DetailsBody,
          response: { 200: PersonSoughtDetailSchema, ...errors },
        },
      },
      async (req) => saveDetails(req.ctx, req.params.personId, req.body),
    )
    app.post(
      '/persons-sought/:personId/photos',
      {
        // Base64 makes a file a third larger: this route alone accepts bodies above PARTNINE_BODY_LIMIT.
        bodyLimit: Math.ceil((config.documentMaxBytes * 4) / 3) + 64 * 1024,
        schema: {
          tags: personTags,
          summary: 'Add a photo (PNG or JPEG, checked on the content, encrypted at rest)',
          params: PersonParams,
          body: UploadPhotoBody,
          response: { 201: PhotoSchema, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await uploadPhoto(req.ctx, req.params.personId, req.body, config.documentMaxBytes)),
    )
    app.get(
      '/persons-sought/:personId/photos/:photoId/content',
      {
        schema: {
          tags: personTags,
          summary: 'Download a photo (same visibility as the person; every download audited)',
          params: PhotoParams,
          response: {
            200: {
              description: 'The image, PNG or JPEG',
              content: {
                'image/png': { schema: z.string().meta({ format: 'binary' }) },
                'image/jpeg': { schema: z.string().meta({ format: 'binary' }) },
              },
            },
            ...errors,
            500: ErrorResponse.describe('DOCUMENT_INTEGRITY_FAILED: the stored photo was altered; never served'),
          },
        },
      },
      async (req, reply) => {
        const photo = await downloadPhoto(req.ctx, req.params.personId, req.params.photoId)
        return reply
          .type(photo.mediaType)
          .header('content-disposition', contentDisposition(photo.filename))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-store')
          .send(photo.content as unknown as string)
      },
    )
  }
