import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  Case,
  CaseListSchema,
  CreateCaseBody,
  CreatePersonBody,
  CreateSituationBody,
  Person,
  PersonListSchema,
  ReclassificationBody,
  Situation,
  SituationDetail,
  SituationListSchema,
  UpdateCaseBody,
  UpdatePersonBody,
  UpdateSituationBody,
} from '../../../server/situations/situations.schemas.ts'
import type { CreateWarrantBody, Warrant, WarrantListSchema } from '../../../server/warrants/warrants.schemas.ts'
import { getJson, toQueryString } from '../../http.ts'
import { useSend } from '../auth/auth.api.ts'

export type { Case, Person, Situation, SituationDetail }
export type RoleInProceedings = Person['roleInProceedings']
export type ChargeCategory = z.input<typeof CreateWarrantBody>['charges'][number]['category']

export const ROLES_IN_PROCEEDINGS = [
  'suspect',
  'accused',
  'witness',
  'victim',
  'other',
] as const satisfies readonly RoleInProceedings[]
export const CHARGE_CATEGORIES = [
  'genocide',
  'crimes_against_humanity',
  'war_crimes',
  'aggression',
  'article_70_offences',
] as const satisfies readonly ChargeCategory[]

// The query keys are those the request wizard reads too (['situations'], ['cases'], ['persons'],
// ['warrants']), so that a record created here is offered there at once.

/** The situations this user may see, a page at a time (the server applies need-to-know). */
export function useSituationPages(userId: string | null) {
  return useInfiniteQuery({
    queryKey: ['situations', userId, 'pages'],
    queryFn: ({ pageParam, signal }) =>
      getJson<z.infer<typeof SituationListSchema>>(
        `/situations${toQueryString({ limit: 50, cursor: pageParam })}`,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: userId !== null,
    placeholderData: keepPreviousData,
  })
}

export function useSituation(id: string, userId: string | null) {
  return useQuery({
    queryKey: ['situations', userId, 'detail', id],
    queryFn: ({ signal }) => getJson<SituationDetail>(`/situations/${encodeURIComponent(id)}`, signal),
    enabled: userId !== null,
    retry: false,
  })
}

export function useSituationCases(userId: string | null, situationId: string) {
  return useInfiniteQuery({
    queryKey: ['cases', userId, situationId, 'pages'],
    queryFn: ({ pageParam, signal }) =>
      getJson<z.infer<typeof CaseListSchema>>(
        `/cases${toQueryString({ situationId, limit: 100, cursor: pageParam })}`,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: userId !== null,
  })
}

export function useSituationPersons(userId: string | null, situationId: string, role: RoleInProceedings | null) {
  return useInfiniteQuery({
    queryKey: ['persons', userId, situationId, 'pages', role],
    queryFn: ({ pageParam, signal }) =>
      getJson<z.infer<typeof PersonListSchema>>(
        `/persons${toQueryString({ situationId, role, limit: 100, cursor: pageParam })}`,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: userId !== null,
    placeholderData: keepPreviousData,
  })
}

/** Every warrant and summons of the situation's persons that this user may see. */
export function useSituationWarrants(userId: string | null, situationId: string) {
  return useInfiniteQuery({
    queryKey: ['warrants', userId, 'situation', situationId, 'pages'],
    queryFn: ({ pageParam, signal }) =>
      getJson<z.infer<typeof WarrantListSchema>>(
        `/warrants${toQueryString({ situationId, limit: 100, cursor: pageParam })}`,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: userId !== null,
  })
}

/** A record created (POST) or changed (PATCH); the lists that may show it are read again. */
function useSendRecord<Body, Result>(method: 'POST' | 'PATCH', path: string, invalidates: readonly string[]) {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: Body) => send<Result>(method, path, body),
    onSuccess: () => {
      for (const key of invalidates) void queryClient.invalidateQueries({ queryKey: [key] })
    },
  })
}

export const useCreateSituation = () =>
  useSendRecord<z.input<typeof CreateSituationBody>, Situation>('POST', '/situations', ['situations'])
export const useCreateCase = () => useSendRecord<z.input<typeof CreateCaseBody>, Case>('POST', '/cases', ['cases'])
export const useCreatePerson = () =>
  useSendRecord<z.input<typeof CreatePersonBody>, Person>('POST', '/persons', ['persons'])
// A warrant makes its person one sought: the persons-sought lists are read again too.
export const useRecordWarrant = () =>
  useSendRecord<z.input<typeof CreateWarrantBody>, Warrant>('POST', '/warrants', ['warrants', 'persons-sought'])

// Changes, each with its reason (PATCH, audited with every column before and after).
export const useUpdateSituation = (id: string) =>
  useSendRecord<z.input<typeof UpdateSituationBody>, Situation>('PATCH', `/situations/${encodeURIComponent(id)}`, [
    'situations',
  ])
export const useUpdateCase = (id: string) =>
  useSendRecord<z.input<typeof UpdateCaseBody>, Case>('PATCH', `/cases/${encodeURIComponent(id)}`, ['cases'])
export const useUpdatePerson = (id: string) =>
  useSendRecord<z.input<typeof UpdatePersonBody>, Person>('PATCH', `/persons/${encodeURIComponent(id)}`, ['persons'])

export type ReclassifiedKind = 'situation' | 'case' | 'person'
const PLURAL: Record<ReclassifiedKind, string> = { situation: 'situations', case: 'cases', person: 'persons' }
// A classification decides who sees the record, and a person's decides who sees them sought.
export const useReclassify = (kind: ReclassifiedKind, id: string) =>
  useSendRecord<z.input<typeof ReclassificationBody>, unknown>(
    'POST',
    `/${PLURAL[kind]}/${encodeURIComponent(id)}/reclassification`,
    [PLURAL[kind], 'persons-sought'],
  )
