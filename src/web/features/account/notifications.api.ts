import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { NotificationPreferenceSchema } from '../../../server/notifications/notifications.schemas.ts'
import type { NotificationMode } from '../../../server/notifications/notifications.table.ts'
import { getJson } from '../../http.ts'
import { useSend } from '../auth/auth.api.ts'

export type NotificationPreference = z.infer<typeof NotificationPreferenceSchema>
export type { NotificationMode }

const KEY = ['account', 'notifications']

export function useNotificationPreference(enabled: boolean) {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => getJson<NotificationPreference>('/account/notifications', signal),
    enabled,
  })
}

export function useChooseNotificationMode() {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (mode: NotificationMode) => send<NotificationPreference>('PUT', '/account/notifications', { mode }),
    onSuccess: (preference) => queryClient.setQueryData(KEY, preference),
  })
}
