import type { FastifyReply } from 'fastify'

// Answers made of reads kept between calls (requests/requests.kept.ts) are sent as the bytes they
// were encoded to the first time, by the route's own response schema. Mapping, checking and
// stringifying a page of 50 requests costs more CPU than everything else a kept page needs.

/**
 * A service's answer: the body kept for it, or the value to encode, with where to keep the body
 * once encoded (null: nothing is kept).
 */
export type KeptAnswer<T> = { body: Buffer } | { value: T; keep: ((body: Buffer) => void) | null }

const JSON_TYPE = 'application/json; charset=utf-8'

/** Sends `answer`. A value to keep is encoded by the route's response schema, as Fastify would. */
export function sendKeptAnswer<T>(reply: FastifyReply, answer: KeptAnswer<T>): FastifyReply {
  if ('body' in answer) return reply.type(JSON_TYPE).send(answer.body)
  if (!answer.keep) return reply.send(answer.value)
  const encoded = reply.serialize(answer.value)
  const body = typeof encoded === 'string' ? Buffer.from(encoded) : Buffer.from(encoded as ArrayBuffer)
  answer.keep(body)
  return reply.type(JSON_TYPE).send(body)
}
