import { z } from 'zod'
import { DocumentSchema } from '../documents/documents.schemas.ts'

export const PostMessageBody = z.strictObject({
  body: z.string().trim().min(1).max(20_000),
  attachmentIds: z
    .array(z.string().min(1).max(200))
    .max(50)
    .default([])
    .describe('Documents of this request (uploaded first) to attach to the message'),
})
export type PostMessageBody = z.infer<typeof PostMessageBody>

export const MessageSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  author: z.string(),
  authorOrg: z.string(),
  body: z.string(),
  createdAt: z.string(),
  attachments: z.array(DocumentSchema),
})
export type Message = z.infer<typeof MessageSchema>

export const MessageListSchema = z.object({ items: z.array(MessageSchema) })
