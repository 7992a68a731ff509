import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { AgreementDetailSchema, AgreementListSchema } from '../../../server/agreements/agreements.schemas.ts'
import { getJson, toQueryString } from '../../http.ts'

export type AgreementList = z.infer<typeof AgreementListSchema>
export type Agreement = AgreementList['items'][number]
export type AgreementDetail = z.infer<typeof AgreementDetailSchema>
export type Classification = Agreement['classification']

export const CLASSIFICATIONS = [
  'public',
  'confidential',
  'under_seal',
  'ex_parte',
] as const satisfies readonly Classification[]

/** The agreements this user may see (the server applies need-to-know); keyed by user. */
export function useAgreements(userId: string | null, classification: Classification | null) {
  return useInfiniteQuery({
    queryKey: ['agreements', userId, classification],
    queryFn: ({ pageParam, signal }) =>
      getJson<AgreementList>(`/agreements${toQueryString({ classification, limit: 50, cursor: pageParam })}`, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  })
}

export function useAgreement(id: string, userId: string | null) {
  return useQuery({
    queryKey: ['agreements', userId, 'detail', id],
    queryFn: ({ signal }) => getJson<AgreementDetail>(`/agreements/${encodeURIComponent(id)}`, signal),
    retry: false,
  })
}
