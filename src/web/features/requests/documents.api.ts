import { useMutation, useQueryClient } from '@tanstack/react-query'
import { toBase64 } from '../../files.ts'
import { useSend } from '../auth/auth.api.ts'
import type { RequestDocument } from './requests.api.ts'

/** Uploads a document to the request (a new version of one, or its redacted public version). */
export function useUploadDocument(id: string) {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (input: { file: File; supersedesDocumentId: string | null; redactsDocumentId: string | null }) =>
      send<RequestDocument>('POST', `/requests/${encodeURIComponent(id)}/documents`, {
        filename: input.file.name,
        contentBase64: await toBase64(input.file),
        ...(input.supersedesDocumentId ? { supersedesDocumentId: input.supersedesDocumentId } : {}),
        ...(input.redactsDocumentId ? { redactsDocumentId: input.redactsDocumentId } : {}),
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['requests'] }),
  })
}
