import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  AlertListSchema,
  AlertSchema,
  AssetDetailSchema,
  AssetListSchema,
  ClaimBody,
  ClaimStatusBody,
  CreateAssetBody,
  ExchangeRateBody,
  ExchangeRateListSchema,
  StepBody,
  TotalsSchema,
  ValuationBody,
} from '../../../server/assets/assets.schemas.ts'
import type { RequestListSchema } from '../../../server/requests/requests.schemas.ts'
import type { CaseListSchema, PersonListSchema } from '../../../server/situations/situations.schemas.ts'
import { getJson, toQueryString } from '../../http.ts'
import { useSend } from '../auth/auth.api.ts'

export type AssetList = z.infer<typeof AssetListSchema>
export type AssetSummary = AssetList['items'][number]
export type AssetDetail = z.infer<typeof AssetDetailSchema>
export type AssetStage = AssetSummary['stage']
export type AssetKind = AssetSummary['kind']
export type Purpose = AssetSummary['purposes'][number]
export type Alert = z.infer<typeof AlertSchema>
export type Totals = z.infer<typeof TotalsSchema>

export const ASSET_STAGES = [
  'identified',
  'traced',
  'frozen',
  'seized',
  'forfeited',
  'released',
] as const satisfies readonly AssetStage[]
export const ASSET_KINDS = [
  'bank_account',
  'real_estate',
  'vehicle',
  'company_share',
  'vessel',
  'aircraft',
  'cash',
  'virtual_asset',
  'other',
] as const satisfies readonly AssetKind[]
export const PURPOSES = ['evidence', 'reparations', 'legal_aid', 'forfeiture'] as const satisfies readonly Purpose[]
/** The currencies offered for conversion in the register (the API accepts its whole allow-list). */
export const TARGET_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF'] as const

export type AssetFilters = {
  caseId?: string | null
  personId?: string | null
  jurisdiction?: string | null
  stage?: AssetStage | null
  kind?: AssetKind | null
  purpose?: Purpose | null
  expiringWithinDays?: number | null
}

export function useAssets(userId: string | null, filters: AssetFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['assets', userId, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      getJson<AssetList>(`/assets${toQueryString({ ...filters, limit: 50, cursor: pageParam })}`, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function useAssetTotals(userId: string | null, filters: AssetFilters, currency: string | null) {
  return useQuery({
    queryKey: ['assets', userId, 'totals', filters, currency],
    queryFn: ({ signal }) => getJson<Totals>(`/assets/totals${toQueryString({ ...filters, currency })}`, signal),
    placeholderData: keepPreviousData,
  })
}

export function useAssetAlerts(userId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['assets', userId, 'alerts'],
    queryFn: ({ signal }) => getJson<z.infer<typeof AlertListSchema>>('/assets/alerts', signal),
    enabled,
  })
}

export function useAsset(id: string, userId: string | null) {
  return useQuery({
    queryKey: ['assets', userId, 'detail', id],
    queryFn: ({ signal }) => getJson<AssetDetail>(`/assets/${encodeURIComponent(id)}`, signal),
    retry: false,
  })
}

export function useExchangeRates(userId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['exchange-rates', userId],
    queryFn: ({ signal }) => getJson<z.infer<typeof ExchangeRateListSchema>>('/exchange-rates', signal),
    enabled,
  })
}

/** The 93(1)(k) (and 109) requests addressed to the asset's State that the user may see. */
export function useRequestsForStep(userId: string | null, addressee: string, types: readonly string[]) {
  return useQuery({
    queryKey: ['requests', userId, 'for-asset-step', addressee, types],
    queryFn: async ({ signal }) => {
      const lists = await Promise.all(
        types.map((type) =>
          getJson<z.infer<typeof RequestListSchema>>(
            `/requests${toQueryString({ addressee, type, limit: 100, sort: 'reference' })}`,
            signal,
          ),
        ),
      )
      return lists.flatMap((l) => l.items).filter((r) => !['draft', 'approved'].includes(r.status))
    },
    enabled: types.length > 0,
  })
}

function useAssetMutation<TInput>(method: 'POST' | 'PATCH', path: (input: TInput) => string) {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: TInput) =>
      send<unknown>(method, path(input), stripPathFields(input as Record<string, unknown>)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['assets'] }),
  })
}

/** Fields used to build the URL are not part of the body (the API refuses unknown fields). */
function stripPathFields(body: Record<string, unknown>) {
  const { claimId: _claim, alertId: _alert, ...rest } = body
  return rest
}

export function useTakeStep(id: string) {
  return useAssetMutation<StepBody>('POST', () => `/assets/${encodeURIComponent(id)}/steps`)
}
export function useAddValuation(id: string) {
  return useAssetMutation<ValuationBody>('POST', () => `/assets/${encodeURIComponent(id)}/valuations`)
}
export function useAddClaim(id: string) {
  return useAssetMutation<ClaimBody>('POST', () => `/assets/${encodeURIComponent(id)}/claims`)
}
export function useSetClaimStatus(id: string) {
  return useAssetMutation<ClaimStatusBody & { claimId: string }>(
    'PATCH',
    (input) => `/assets/${encodeURIComponent(id)}/claims/${encodeURIComponent(input.claimId)}`,
  )
}
export function useResolveAlert() {
  return useAssetMutation<{ alertId: string; resolution: 'acknowledged' | 'dismissed' }>(
    'POST',
    (input) => `/assets/alerts/${encodeURIComponent(input.alertId)}/resolution`,
  )
}

/** Case codes and names the user may see, to label totals and rows. */
export function useCaseNames(userId: string | null) {
  return useQuery({
    queryKey: ['cases', userId, 'names'],
    queryFn: async ({ signal }) => {
      const list = await getJson<z.infer<typeof CaseListSchema>>('/cases?limit=200', signal)
      return new Map(list.items.map((c) => [c.id, `${c.code} — ${c.name}`]))
    },
    staleTime: 5 * 60_000,
  })
}

/** The persons concerned by a case, to link an asset to one. */
export function useCasePersons(userId: string | null, caseId: string | null) {
  return useQuery({
    queryKey: ['persons', userId, 'of-case', caseId],
    queryFn: async ({ signal }) =>
      (await getJson<z.infer<typeof PersonListSchema>>(`/persons${toQueryString({ caseId, limit: 200 })}`, signal))
        .items,
    enabled: caseId !== null,
  })
}

export function useCreateAsset() {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateAssetBody) => send<AssetDetail>('POST', '/assets', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['assets'] }),
  })
}

export function useRecordExchangeRate() {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ExchangeRateBody) => send<unknown>('POST', '/exchange-rates', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['exchange-rates'] })
      void queryClient.invalidateQueries({ queryKey: ['assets'] })
    },
  })
}
