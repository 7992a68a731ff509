import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'

export const API_PREFIX = '/api/v1'

/** OpenAPI 3.1 from the routes' Zod schemas, at /api/v1/openapi.json and browsable at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, version: string) {
  await app.register(swagger, {
    openapi: {
      // @fastify/swagger defaults to 3.0.3; our Zod schemas produce 3.1 JSON Schema.
      openapi: '3.1.0',
      info: {
        title: 'Part IX — cooperation platform of the Rome Statute system',
        description:
          'API of Part IX. Every response that is an error has the shape { error: { code, message, details? } }.',
        version,
      },
      servers: [{ url: '/' }],
      tags: [
        { name: 'states', description: 'Directory of States and their cooperation profile' },
        { name: 'reference', description: 'Rome Statute text, request types, public warrants' },
        { name: 'meta', description: 'Platform status' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true })
  app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true } }, async () => app.swagger())
}
