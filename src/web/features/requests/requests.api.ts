import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { DocumentListSchema } from '../../../server/documents/documents.schemas.ts'
import type { MessageListSchema } from '../../../server/messages/messages.schemas.ts'
import type { RequestTypeSchema } from '../../../server/reference/reference.schemas.ts'
import type { DelegationList } from '../../../server/requests/requests.delegations.schemas.ts'
import type {
  AllowedStepsSchema,
  BreakdownDimension,
  CreatedRequestsSchema,
  CreateRequestBody,
  DeadlineChangeBody,
  ReceiptListSchema,
  RequestBreakdownSchema,
  RequestCountsSchema,
  RequestDetail,
  RequestListSchema,
  RequestSummary,
  TransitionBody,
  TypeChecklist,
  UpdateDraftBody,
} from '../../../server/requests/requests.schemas.ts'
import type {
  CaseListSchema,
  PersonListSchema,
  SituationListSchema,
} from '../../../server/situations/situations.schemas.ts'
import type { StateListSchema } from '../../../server/states/states.schemas.ts'
import type { WarrantListSchema } from '../../../server/warrants/warrants.schemas.ts'
import { ApiError, getJson, toQueryString } from '../../http.ts'
import { useSend } from '../auth/auth.api.ts'

export type {
  CreateRequestBody,
  DelegationList,
  RequestDetail,
  RequestSummary,
  TransitionBody,
  TypeChecklist,
  UpdateDraftBody,
}
export type RequestList = z.infer<typeof RequestListSchema>
export type RequestCounts = z.infer<typeof RequestCountsSchema>
export type RequestBreakdown = z.infer<typeof RequestBreakdownSchema>
export type AllowedSteps = z.infer<typeof AllowedStepsSchema>
export type AllowedStep = AllowedSteps['items'][number]
export type ReceiptList = z.infer<typeof ReceiptListSchema>
export type CreatedRequests = z.infer<typeof CreatedRequestsSchema>
export type RequestType = z.infer<typeof RequestTypeSchema>
export type RequestStatus = RequestSummary['status']
export type ChecklistItem = RequestDetail['checklist']['items'][number]

export const REQUEST_CLASSIFICATIONS = ['public', 'confidential', 'under_seal'] as const
export const COURT_ORGANS = ['ICC-OTP', 'ICC-REGISTRY', 'ICC-CHAMBERS', 'ICC-PRESIDENCY'] as const

/** The list's filters as the API names them; only set values reach the query string. */
export type RequestFilters = Partial<
  Record<
    | 'addressee'
    | 'type'
    | 'organ'
    | 'situation'
    | 'case'
    | 'classification'
    | 'personId'
    | 'warrantId'
    | 'overdue'
    | 'deadlineFrom'
    | 'deadlineTo'
    | 'q'
    | 'sort',
    string
  >
> & { status?: string[] }

export function filtersToQuery(filters: RequestFilters, extra: Record<string, string | number | undefined> = {}) {
  const { status, ...rest } = filters
  const base = toQueryString({ ...rest, ...extra })
  const statuses = (status ?? []).map((s) => `status=${encodeURIComponent(s)}`).join('&')
  if (!statuses) return base
  return base ? `${base}&${statuses}` : `?${statuses}`
}

export function useRequestList(userId: string | null, filters: RequestFilters, limit = 50) {
  return useInfiniteQuery({
    queryKey: ['requests', userId, 'list', filters, limit],
    queryFn: ({ pageParam, signal }) =>
      getJson<RequestList>(`/requests${filtersToQuery(filters, { limit, cursor: pageParam })}`, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: userId !== null,
  })
}

export function useRequestCounts(userId: string | null, filters: RequestFilters) {
  const { sort: _sort, ...rest } = filters
  return useQuery({
    queryKey: ['requests', userId, 'counts', rest],
    queryFn: ({ signal }) => getJson<RequestCounts>(`/requests/counts${filtersToQuery(rest)}`, signal),
    placeholderData: keepPreviousData,
    enabled: userId !== null,
  })
}

/** The visible requests under `filters`, counted by situation, originating organ or addressee. */
export function useRequestBreakdown(userId: string | null, filters: RequestFilters, by: BreakdownDimension) {
  const { sort: _sort, ...rest } = filters
  return useQuery({
    queryKey: ['requests', userId, 'breakdown', by, rest],
    queryFn: ({ signal }) => getJson<RequestBreakdown>(`/requests/breakdown${filtersToQuery(rest, { by })}`, signal),
    placeholderData: keepPreviousData,
    enabled: userId !== null,
  })
}

export function useRequest(id: string, userId: string | null) {
  return useQuery({
    queryKey: ['requests', userId, 'detail', id],
    queryFn: ({ signal }) => getJson<RequestDetail>(`/requests/${encodeURIComponent(id)}`, signal),
    retry: false,
    enabled: userId !== null,
  })
}

export function useReceipts(id: string, userId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['requests', userId, 'receipts', id],
    queryFn: ({ signal }) => getJson<ReceiptList>(`/requests/${encodeURIComponent(id)}/receipts`, signal),
    retry: false,
    enabled: userId !== null && enabled,
  })
}

/** Messages and documents arrive with another change: while their routes answer 404, the sections hide. */
export function useOptionalRequestList(id: string, userId: string | null, part: 'messages' | 'documents') {
  return useQuery({
    queryKey: ['requests', userId, part, id],
    queryFn: async ({ signal }) => {
      try {
        return await getJson<{ items: Record<string, unknown>[] }>(
          `/requests/${encodeURIComponent(id)}/${part}`,
          signal,
        )
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return null
        throw error
      }
    },
    retry: false,
    enabled: userId !== null,
  })
}

export function useTransition(id: string) {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: TransitionBody) =>
      send<RequestDetail>('POST', `/requests/${encodeURIComponent(id)}/transitions`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['requests'] }),
  })
}

export function useChangeDeadline(id: string) {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: DeadlineChangeBody) =>
      send<RequestDetail>('POST', `/requests/${encodeURIComponent(id)}/deadline-changes`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['requests'] }),
  })
}

/** The address of the list's export with these filters, in the list's order. */
export function exportHref(filters: RequestFilters, format: 'csv' | 'xlsx') {
  return `/api/v1/requests/export.${format}${filtersToQuery(filters)}`
}

export function useCreateRequests() {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateRequestBody) => send<CreatedRequests>('POST', '/requests', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['requests'] }),
  })
}

export function useRequestTypes() {
  return useQuery({
    queryKey: ['reference', 'request-types'],
    queryFn: ({ signal }) => getJson<{ items: RequestType[] }>('/reference/request-types', signal),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** What a type of request must contain (public reference data), before any draft exists. */
export function useTypeChecklist(code: string | null, afterConviction: boolean) {
  return useQuery({
    queryKey: ['reference', 'request-type-checklist', code, afterConviction],
    queryFn: ({ signal }) =>
      getJson<TypeChecklist>(
        `/reference/request-types/${encodeURIComponent(code ?? '')}/checklist${afterConviction ? '?afterConviction=true' : ''}`,
        signal,
      ),
    enabled: code !== null,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** Delegations within the addressee State (its focal point and officers only; others get null). */
export function useDelegations(id: string, userId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['requests', userId, 'delegations', id],
    queryFn: async ({ signal }) => {
      try {
        return await getJson<DelegationList>(`/requests/${encodeURIComponent(id)}/delegations`, signal)
      } catch (error) {
        if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null
        throw error
      }
    },
    retry: false,
    enabled: userId !== null && enabled,
  })
}

export function useDelegate(id: string) {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (userId: string) =>
      send<DelegationList>('POST', `/requests/${encodeURIComponent(id)}/delegations`, { userId }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['requests'] }),
  })
}

export function useRevokeDelegation(id: string) {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (userId: string) =>
      send<DelegationList>('DELETE', `/requests/${encodeURIComponent(id)}/delegations/${encodeURIComponent(userId)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['requests'] }),
  })
}

/** Every State (non-parties included, 87(5)), in the UI language's order. */
export function useAllStates(language: string) {
  return useQuery({
    queryKey: ['states', 'all', language],
    queryFn: async ({ signal }) => {
      const items: z.infer<typeof StateListSchema>['items'] = []
      let cursor: string | undefined
      do {
        const page = await getJson<z.infer<typeof StateListSchema>>(
          `/states${toQueryString({ lang: language === 'fr' ? 'fr' : 'en', limit: 250, cursor })}`,
          signal,
        )
        items.push(...page.items)
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      return items
    },
    staleTime: 10 * 60_000,
  })
}

export function useStateProfile(iso3: string | null) {
  return useQuery({
    queryKey: ['states', 'profile', iso3],
    queryFn: async ({ signal }) => {
      try {
        const state = await getJson<{ cooperationProfile: { channel: string; languages: string[] } | null }>(
          `/states/${encodeURIComponent(iso3 ?? '')}`,
          signal,
        )
        return state.cooperationProfile
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null
        throw error
      }
    },
    enabled: iso3 !== null && /^[A-Z]{3}$/.test(iso3),
    retry: false,
  })
}

export function useSituations(userId: string | null) {
  return useQuery({
    queryKey: ['situations', userId],
    queryFn: ({ signal }) => getJson<z.infer<typeof SituationListSchema>>('/situations?limit=100', signal),
    enabled: userId !== null,
  })
}

export function useCases(userId: string | null, situationId: string | null) {
  return useQuery({
    queryKey: ['cases', userId, situationId],
    queryFn: ({ signal }) =>
      getJson<z.infer<typeof CaseListSchema>>(`/cases${toQueryString({ situationId, limit: 100 })}`, signal),
    enabled: userId !== null,
  })
}

/** Warrants of arrest of a situation's persons the drafter may see, for a request to carry out. */
export function useSituationArrestWarrants(userId: string | null, situationId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['warrants', userId, 'situation', situationId],
    queryFn: ({ signal }) =>
      getJson<z.infer<typeof WarrantListSchema>>(
        `/warrants${toQueryString({ situationId, kind: 'arrest_warrant', limit: 200 })}`,
        signal,
      ),
    enabled: enabled && userId !== null && situationId !== null,
  })
}

export function usePersons(userId: string | null, situationId: string | null) {
  return useQuery({
    queryKey: ['persons', userId, situationId],
    queryFn: ({ signal }) =>
      getJson<z.infer<typeof PersonListSchema>>(`/persons${toQueryString({ situationId, limit: 100 })}`, signal),
    enabled: userId !== null && situationId !== null,
  })
}

/** Court staff draft and follow; States and organisations answer. */
export function isCourtUser(user: { orgKind: string; role: string } | null): boolean {
  return (
    !!user &&
    ((user.orgKind === 'court_organ' && (user.role === 'officer' || user.role === 'approver')) ||
      user.orgKind === 'defence')
  )
}
export function isAddresseeUser(user: { orgKind: string } | null): boolean {
  return !!user && (user.orgKind === 'state' || user.orgKind === 'io')
}

export function useAllowedSteps(id: string, userId: string | null) {
  return useQuery({
    queryKey: ['requests', userId, 'transitions', id],
    queryFn: ({ signal }) => getJson<AllowedSteps>(`/requests/${encodeURIComponent(id)}/transitions`, signal),
    retry: false,
    enabled: userId !== null,
  })
}

export function useUpdateDrafts() {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ ids, body }: { ids: string[]; body: UpdateDraftBody }) =>
      Promise.all(ids.map((id) => send<RequestDetail>('PATCH', `/requests/${encodeURIComponent(id)}`, body))),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['requests'] }),
  })
}

export type RequestMessage = z.infer<typeof MessageListSchema>['items'][number]
export type RequestDocument = z.infer<typeof DocumentListSchema>['items'][number]

export function usePostMessage(id: string) {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { body: string; attachmentIds: string[] }) =>
      send<RequestMessage>('POST', `/requests/${encodeURIComponent(id)}/messages`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['requests'] }),
  })
}
