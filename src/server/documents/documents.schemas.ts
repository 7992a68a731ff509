import { z } from 'zod'
import { Classification } from '../access/classification.ts'

const Id = z.string().min(1).max(200)

export const DocumentParams = z.strictObject({ id: Id })

export const UploadDocumentBody = z.strictObject({
  filename: z.string().trim().min(1).max(255).describe('The original file name; sanitised before it is stored'),
  contentBase64: z
    .string()
    .min(1)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be standard base64')
    .describe('The file, base64; its type is detected from its content (PDF, PNG, JPEG, DOCX, XLSX, UTF-8 text)'),
  supersedesDocumentId: Id.optional().describe('Upload a new version of this document (version n+1)'),
  redactsDocumentId: Id.optional().describe(
    'Upload a redacted public version of this document: a separate document, classification public',
  ),
})
export type UploadDocumentBody = z.infer<typeof UploadDocumentBody>

export const DocumentSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  messageId: z.string().nullable(),
  filename: z.string(),
  mediaType: z.string().describe('Detected from the content'),
  sizeBytes: z.number().int(),
  sha256: z.string().describe('SHA-256 of the plaintext, hex'),
  version: z.number().int(),
  supersedes: z.string().nullable(),
  isLatestVersion: z.boolean(),
  isRedactedPublicVersion: z.boolean(),
  redacts: z.string().nullable(),
  classification: Classification.describe("The request's, or public for a redacted public version"),
  uploadedBy: z.string().nullable().describe('Null for callers who only see the public versions'),
  uploadedByOrg: z.string().nullable(),
  createdAt: z.string(),
})
export type Document = z.infer<typeof DocumentSchema>

export const DocumentListSchema = z.object({ items: z.array(DocumentSchema) })
