import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  ArrestOpportunity,
  ArrestOpportunityDetail,
  ArrestOpportunityListSchema,
  ArrestStrategy,
  ArrestStrategyDetail,
  ArrestStrategyListSchema,
  CreateArrestStrategyBody,
  DraftedRequestSchema,
  Proposal,
  RecordOutcomeBody,
  ReportArrestOpportunityBody,
  UpdateArrestStrategyBody,
} from '../../../server/arrest/arrest.schemas.ts'
import type { PersonListSchema } from '../../../server/situations/situations.schemas.ts'
import { getJson, toQueryString } from '../../http.ts'
import { useSend } from '../auth/auth.api.ts'

export type { ArrestOpportunity, ArrestOpportunityDetail, ArrestStrategy, Proposal, ReportArrestOpportunityBody }
export type ArrestOutcome = ArrestOpportunity['outcome']
export type DraftedRequest = z.infer<typeof DraftedRequestSchema>

export const OUTCOMES = [
  'pending',
  'arrested',
  'request_refused',
  'person_left',
  'no_response',
] as const satisfies readonly ArrestOutcome[]
export const RECORDED_OUTCOMES = OUTCOMES.filter((o) => o !== 'pending')
export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const
export const CREDIBILITY = ['1', '2', '3', '4', '5', '6'] as const

/** Court officers and approvers: who report opportunities and draft requests from them. */
export { isCourtStaff } from '../../layout/navigation.ts'

export type OpportunityFilters = { personId?: string; iso3?: string; pending?: 'true' }

export function useOpportunities(userId: string | null, filters: OpportunityFilters) {
  return useQuery({
    queryKey: ['arrest', userId, 'opportunities', filters],
    queryFn: ({ signal }) =>
      getJson<z.infer<typeof ArrestOpportunityListSchema>>(
        `/arrest-opportunities${toQueryString({ ...filters, limit: 200 })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
    enabled: userId !== null,
  })
}

export function useOpportunity(id: string, userId: string | null) {
  return useQuery({
    queryKey: ['arrest', userId, 'opportunity', id],
    queryFn: ({ signal }) =>
      getJson<ArrestOpportunityDetail>(`/arrest-opportunities/${encodeURIComponent(id)}`, signal),
    retry: false,
    enabled: userId !== null,
  })
}

export function useProposal(id: string, userId: string | null) {
  return useQuery({
    queryKey: ['arrest', userId, 'proposal', id],
    queryFn: ({ signal }) => getJson<Proposal>(`/arrest-opportunities/${encodeURIComponent(id)}/proposal`, signal),
    retry: false,
    enabled: userId !== null,
  })
}

export function useReportOpportunity() {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ReportArrestOpportunityBody) =>
      send<ArrestOpportunityDetail>('POST', '/arrest-opportunities', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['arrest'] }),
  })
}

export function useDraftRequest(id: string) {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => send<DraftedRequest>('POST', `/arrest-opportunities/${encodeURIComponent(id)}/request-draft`, {}),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['arrest'] })
      void queryClient.invalidateQueries({ queryKey: ['requests'] })
    },
  })
}

export function useRecordOutcome(id: string) {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: RecordOutcomeBody) =>
      send<ArrestOpportunityDetail>('POST', `/arrest-opportunities/${encodeURIComponent(id)}/outcome`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['arrest'] }),
  })
}

/** The strategies of a person that the caller's cells hold: empty for everyone else. */
export function usePersonStrategies(personId: string, userId: string | null) {
  return useQuery({
    queryKey: ['arrest', userId, 'strategies', personId],
    queryFn: ({ signal }) =>
      getJson<z.infer<typeof ArrestStrategyListSchema>>(
        `/arrest-strategies${toQueryString({ personId, limit: 20 })}`,
        signal,
      ),
    enabled: userId !== null,
  })
}

/** Persons the caller may see, suspects and accused first: the persons an opportunity can concern. */
export function useSoughtPersons(userId: string | null) {
  return useQuery({
    queryKey: ['persons', userId, 'sought'],
    queryFn: async ({ signal }) => {
      const [suspects, accused] = await Promise.all(
        (['suspect', 'accused'] as const).map((role) =>
          getJson<z.infer<typeof PersonListSchema>>(`/persons${toQueryString({ role, limit: 200 })}`, signal),
        ),
      )
      return [...(suspects?.items ?? []), ...(accused?.items ?? [])]
    },
    enabled: userId !== null,
  })
}

/** A new version of a strategy (the server refuses a stale version with 409). */
export function useReviseStrategy(id: string) {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: UpdateArrestStrategyBody) =>
      send<ArrestStrategyDetail>('PATCH', `/arrest-strategies/${encodeURIComponent(id)}`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['arrest'] }),
  })
}

export function useWriteStrategy() {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateArrestStrategyBody) => send<ArrestStrategyDetail>('POST', '/arrest-strategies', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['arrest'] }),
  })
}
