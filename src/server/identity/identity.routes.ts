import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ERROR_RESPONSES } from '../http/error-schema.ts'
import {
  CompartmentSchema,
  CreateCompartmentBody,
  CreateUserBody,
  OrganisationSchema,
  UserChangeBody,
  UserParams,
  UserSchema,
} from './identity.schemas.ts'
import * as identity from './identity.service.ts'

const errors = ERROR_RESPONSES

export const identityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/organisations',
    {
      schema: {
        tags: ['administration'],
        summary: 'Organisation codes and the roles each can give',
        response: { 200: z.object({ items: z.array(OrganisationSchema) }), ...errors },
      },
    },
    async (req) => ({ items: (await identity.listOrganisations(req.ctx)).map((o) => ({ ...o, roles: [...o.roles] })) }),
  )

  app.get(
    '/admin/users',
    {
      schema: {
        tags: ['administration'],
        summary: 'Every account',
        response: { 200: z.object({ items: z.array(UserSchema) }), ...errors },
      },
    },
    async (req) => ({ items: await identity.listUsers(req.ctx) }),
  )

  app.post(
    '/admin/users',
    {
      schema: {
        tags: ['administration'],
        summary: 'Invite a user: organisation, role, compartments; two-step verification at first sign-in',
        body: CreateUserBody,
        response: { 201: UserSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await identity.createUser(req.ctx, req.body)),
  )

  app.post(
    '/admin/users/:id/changes',
    {
      schema: {
        tags: ['administration'],
        summary: 'Disable, enable, reset two-step verification, set the role or the compartments of a user',
        params: UserParams,
        body: UserChangeBody,
        response: { 200: UserSchema, ...errors },
      },
    },
    async (req) => identity.changeUser(req.ctx, req.params.id, req.body),
  )

  app.get(
    '/admin/compartments',
    {
      schema: {
        tags: ['administration'],
        summary: 'Compartments (situations, cases, units)',
        response: { 200: z.object({ items: z.array(CompartmentSchema) }), ...errors },
      },
    },
    async (req) => ({ items: await identity.listCompartments(req.ctx) }),
  )

  app.post(
    '/admin/compartments',
    {
      schema: {
        tags: ['administration'],
        summary: 'Create a compartment',
        body: CreateCompartmentBody,
        response: { 201: z.object({ code: z.string(), name: z.string() }), ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await identity.createCompartment(req.ctx, req.body)),
  )
}
