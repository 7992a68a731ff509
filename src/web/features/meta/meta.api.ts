import { useQuery } from '@tanstack/react-query'
import type { PlatformMetaSchema } from '../../../server/meta/meta.routes.ts'
import { getJson } from '../../http.ts'

export type PlatformMeta = PlatformMetaSchema

export function usePlatformMeta() {
  return useQuery({
    queryKey: ['meta'],
    queryFn: ({ signal }) => getJson<PlatformMeta>('/meta', signal),
    staleTime: 60_000,
  })
}
