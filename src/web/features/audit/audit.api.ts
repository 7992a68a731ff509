import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  AuditCheckpointSchema,
  AuditEventPage,
  LatestCheckpointSchema,
  VerifyReportSchema,
} from '../../../server/audit/audit.schemas.ts'
import { getJson, toQueryString } from '../../http.ts'
import { useSend } from '../auth/auth.api.ts'

export type AuditEvent = AuditEventPage['items'][number]
export type AuditCheckpoint = z.infer<typeof AuditCheckpointSchema>
export type LatestCheckpoint = z.infer<typeof LatestCheckpointSchema>
export type VerifyReport = z.infer<typeof VerifyReportSchema>

/** The filters of GET /audit/events; `from` and `to` are ISO instants. */
export type AuditFilters = {
  actor?: string
  action?: string
  recordType?: string
  recordId?: string
  from?: string
  to?: string
}

const PAGE_SIZE = 50

export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', 'events', filters],
    queryFn: ({ pageParam, signal }) =>
      getJson<AuditEventPage>(
        `/audit/events${toQueryString({ ...filters, limit: PAGE_SIZE, cursor: pageParam })}`,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
}

export function useLatestCheckpoint() {
  return useQuery({
    queryKey: ['audit', 'checkpoint'],
    queryFn: ({ signal }) => getJson<LatestCheckpoint>('/audit/checkpoints/latest', signal),
  })
}

/** Verifying reads the whole chain: it runs when the auditor asks, not on page load. */
export function useVerify() {
  return useMutation({ mutationFn: () => getJson<VerifyReport>('/audit/verify') })
}

export function useCreateCheckpoint() {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (reason: string) => send<AuditCheckpoint>('POST', '/audit/checkpoints', { reason }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['audit'] }),
  })
}
