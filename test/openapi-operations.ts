import type { FastifyInstance } from 'fastify'

/** One operation of the app's OpenAPI document, as the generated-input suites walk them. */
export type OpenApiOperation<Parameter, Schema> = {
  method: string
  path: string
  parameters: Parameter[]
  hasBody: boolean
  /** The JSON request body's schema, if it takes one. */
  body: Schema | null
}

/** Every operation the app documents (test/robustness*.test.ts: so later routes are covered too). */
export async function openApiOperations<Parameter, Schema>(
  app: FastifyInstance,
): Promise<OpenApiOperation<Parameter, Schema>[]> {
  const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json()
  return Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        hasBody: Boolean(op.requestBody),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      })),
  )
}
