import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import type { StateDetailSchema, StateListSchema, StateStatusesSchema } from '../../../server/states/states.schemas.ts'
import { getJson, toQueryString } from '../../http.ts'
import type { UiLanguage } from '../../i18n/i18n.ts'

export type StateList = StateListSchema
export type StateSummary = StateListSchema['items'][number]
export type StateDetail = StateDetailSchema
export type StateFact = StateDetailSchema['facts'][number]
export type StateAgreement = StateDetailSchema['agreements'][number]
export type StateSource = StateDetailSchema['sources'][number]
export type CooperationProfile = NonNullable<StateDetailSchema['cooperationProfile']>
export type StateStatuses = StateStatusesSchema
export type RomeStatus = StateSummary['romeStatus']
export type ApicStatus = StateSummary['apicStatus']

// The values the API accepts; kept here so the filter controls list exactly these.
export const ROME_STATUSES = ['party', 'withdrawn', 'signatory', 'non_party'] as const satisfies readonly RomeStatus[]
export const APIC_STATUSES = ['party', 'signatory', 'none'] as const satisfies readonly ApicStatus[]
export const REGIONAL_GROUPS = ['African', 'Asia-Pacific', 'Eastern European', 'GRULAC', 'WEOG'] as const
export const AGREEMENT_KINDS = [
  'enforcement_of_sentences',
  'enforcement_of_sentences_ad_hoc',
  'interim_release',
  'release_of_persons',
  'headquarters_agreement',
] as const

/** The filters of GET /states, as they appear in the page's URL. */
export type StateFilters = {
  party?: 'true' | 'false'
  status?: RomeStatus
  group?: (typeof REGIONAL_GROUPS)[number]
  apic?: ApicStatus
  agreement?: (typeof AGREEMENT_KINDS)[number]
  q?: string
}

const PAGE_SIZE = 50

export function useStateList(filters: StateFilters, lang: UiLanguage) {
  return useInfiniteQuery({
    queryKey: ['states', 'list', filters, lang],
    queryFn: ({ pageParam, signal }) =>
      getJson<StateList>(`/states${toQueryString({ ...filters, lang, limit: PAGE_SIZE, cursor: pageParam })}`, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    // Keeps the current rows on screen while a changed filter loads, instead of flashing empty.
    placeholderData: keepPreviousData,
  })
}

export function useStateStatuses() {
  return useQuery({
    queryKey: ['states', 'statuses'],
    queryFn: ({ signal }) => getJson<StateStatuses>('/states/statuses', signal),
    staleTime: 5 * 60_000,
  })
}

/** Names of every State in both languages, for the map's country titles (statuses carry no names). */
export function useAllStateNames() {
  return useQuery({
    queryKey: ['states', 'names'],
    queryFn: ({ signal }) => getJson<StateList>(`/states${toQueryString({ limit: 250 })}`, signal),
    select: (list) => new Map(list.items.map((s) => [s.iso3, { nameEn: s.nameEn, nameFr: s.nameFr }])),
    staleTime: 5 * 60_000,
  })
}

export function useStateDetail(iso3: string) {
  return useQuery({
    queryKey: ['states', 'detail', iso3.toUpperCase()],
    queryFn: ({ signal }) => getJson<StateDetail>(`/states/${encodeURIComponent(iso3.toUpperCase())}`, signal),
    retry: (failureCount, error) =>
      !('status' in error && (error.status === 404 || error.status === 400)) && failureCount < 2,
  })
}
