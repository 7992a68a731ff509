import { useQuery } from '@tanstack/react-query'
import type { Case, Person, Situation } from '../../../server/situations/situations.schemas.ts'
import type { Warrant } from '../../../server/warrants/warrants.schemas.ts'
import { ApiError, getJson } from '../../http.ts'

export type RequestLinks = { situation: Situation | null; case: Case | null; persons: Person[]; warrants: Warrant[] }

/** A linked record through its own route, so its own need-to-know and audit: null when not visible. */
async function visibleOrNull<T>(path: string, signal: AbortSignal): Promise<T | null> {
  try {
    return await getJson<T>(path, signal)
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null
    throw error
  }
}

const one = (collection: string, id: string) => `/${collection}/${encodeURIComponent(id)}`

/**
 * The situation, case, persons and warrants a request is linked to, as far as the reader may see
 * them: the request names them by id; each is read where it lives. Read again when the request
 * changes (its `updatedAt`).
 */
export function useRequestLinks(
  request: {
    id: string
    updatedAt: string
    situationId: string | null
    caseId: string | null
    personIds: string[]
    warrantIds: string[]
  },
  userId: string | null,
) {
  return useQuery({
    queryKey: ['request-links', userId, request.id, request.updatedAt],
    queryFn: async ({ signal }): Promise<RequestLinks> => {
      const [situation, inCase, persons, warrants] = await Promise.all([
        request.situationId ? visibleOrNull<Situation>(one('situations', request.situationId), signal) : null,
        request.caseId ? visibleOrNull<Case>(one('cases', request.caseId), signal) : null,
        Promise.all(request.personIds.map((id) => visibleOrNull<Person>(one('persons', id), signal))),
        Promise.all(request.warrantIds.map((id) => visibleOrNull<Warrant>(one('warrants', id), signal))),
      ])
      return {
        situation,
        case: inCase,
        persons: persons.filter((p): p is Person => p !== null),
        warrants: warrants.filter((w): w is Warrant => w !== null),
      }
    },
  })
}
