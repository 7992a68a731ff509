import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { SavedViewSchema } from '../../../server/requests/requests.views.ts'
import { getJson } from '../../http.ts'
import { useSend } from '../auth/auth.api.ts'

// The user's saved views of the workload (GET/POST /requests/views, DELETE /requests/views/{id}).

export type SavedView = z.infer<typeof SavedViewSchema>
const VIEWS_KEY = (userId: string | null) => ['requests', userId, 'views']

/** The user's own saved views of the workload (named sets of its filters). */
export function useSavedViews(userId: string | null) {
  return useQuery({
    queryKey: VIEWS_KEY(userId),
    queryFn: ({ signal }) => getJson<{ items: SavedView[] }>('/requests/views', signal),
    enabled: userId !== null,
  })
}

export function useSaveView() {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { name: string; filters: Record<string, string | string[]> }) =>
      send<SavedView>('POST', '/requests/views', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['requests'] }),
  })
}

export function useDeleteView() {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => send<null>('DELETE', `/requests/views/${encodeURIComponent(id)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['requests'] }),
  })
}
