import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  DetailsBody,
  PersonSoughtDetailSchema,
  PersonSoughtListSchema,
  StatusChangeBody,
  UnsealingBody,
  WarrantSchema,
} from '../../../server/warrants/warrants.schemas.ts'
import { toBase64 } from '../../files.ts'
import { getJson, toQueryString } from '../../http.ts'
import { useSend } from '../auth/auth.api.ts'

export type PersonSoughtList = z.infer<typeof PersonSoughtListSchema>
export type PersonSought = PersonSoughtList['items'][number]
export type PersonSoughtDetail = z.infer<typeof PersonSoughtDetailSchema>
export type Warrant = z.infer<typeof WarrantSchema>
export type WarrantStatus = Warrant['status']
export type YearsAtLarge = PersonSought['yearsAtLarge']

export const WARRANT_STATUSES = [
  'at_large',
  'summoned',
  'appeared',
  'arrested',
  'surrendered',
  'in_custody',
  'deceased',
  'warrant_withdrawn',
  'proceedings_terminated',
] as const satisfies readonly WarrantStatus[]

/**
 * A warrant a request may still carry out: its person at large or arrested. The server holds the
 * same rule (reference.request-rules.ts) and checks it again; the web imports no runtime value of
 * the server's.
 */
export const WARRANT_STATUSES_TO_CARRY_OUT: readonly WarrantStatus[] = ['at_large', 'arrested']

export type PersonsSoughtFilters = { q: string; status: WarrantStatus | null; atLarge: 'true' | 'false' | null }

/** Persons sought this user may see (the server applies need-to-know); keyed by user. */
export function usePersonsSought(userId: string | null, filters: PersonsSoughtFilters) {
  return useInfiniteQuery({
    queryKey: ['persons-sought', userId, filters],
    queryFn: ({ pageParam, signal }) =>
      getJson<PersonSoughtList>(
        `/persons-sought${toQueryString({ q: filters.q.trim(), status: filters.status, atLarge: filters.atLarge, limit: 50, cursor: pageParam })}`,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  })
}

export function usePersonSought(personId: string, userId: string | null) {
  return useQuery({
    queryKey: ['persons-sought', userId, 'detail', personId],
    queryFn: ({ signal }) => getJson<PersonSoughtDetail>(`/persons-sought/${encodeURIComponent(personId)}`, signal),
    retry: false,
  })
}

export function useWarrantStatusChange(warrantId: string) {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: z.input<typeof StatusChangeBody>) =>
      send<Warrant>('POST', `/warrants/${encodeURIComponent(warrantId)}/status-changes`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['persons-sought'] }),
  })
}

export function useWarrantUnsealing(warrantId: string) {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: z.input<typeof UnsealingBody>) =>
      send<Warrant>('POST', `/warrants/${encodeURIComponent(warrantId)}/unsealing`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['persons-sought'] }),
  })
}

export function photoUrl(personId: string, photoId: string) {
  return `/api/v1/persons-sought/${encodeURIComponent(personId)}/photos/${encodeURIComponent(photoId)}/content`
}

export function useSaveDetails(personId: string) {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: z.input<typeof DetailsBody>) =>
      send<PersonSoughtDetail>('POST', `/persons-sought/${encodeURIComponent(personId)}/details`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['persons-sought'] }),
  })
}

export function useUploadPhoto(personId: string) {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (input: { file: File; caption: string | null }) =>
      send('POST', `/persons-sought/${encodeURIComponent(personId)}/photos`, {
        filename: input.file.name,
        contentBase64: await toBase64(input.file),
        caption: input.caption,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['persons-sought'] }),
  })
}
