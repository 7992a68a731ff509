import { useQuery } from '@tanstack/react-query'
import type { RequestConcerns } from '../../../server/requests/requests.concerns.ts'
import { getJson } from '../../http.ts'

export type RequestLinks = RequestConcerns

/**
 * The situation, case, persons and warrants a request is linked to, as far as the reader may see
 * them (GET /requests/{id}/concerns: each read through its own need-to-know, one not visible left
 * out). Read again when the request changes (its `updatedAt`).
 */
export function useRequestLinks(request: { id: string; updatedAt: string }, userId: string | null) {
  return useQuery({
    queryKey: ['request-links', userId, request.id, request.updatedAt],
    queryFn: ({ signal }) => getJson<RequestLinks>(`/requests/${encodeURIComponent(request.id)}/concerns`, signal),
  })
}
