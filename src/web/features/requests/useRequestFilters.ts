import { useSearchParams } from 'react-router'
import type { RequestFilters } from './requests.api.ts'

const KEYS = [
  'addressee',
  'type',
  'organ',
  'situation',
  'case',
  'classification',
  'personId',
  'warrantId',
  'overdue',
  'deadlineFrom',
  'deadlineTo',
  'q',
  'sort',
] as const
export type FilterKey = (typeof KEYS)[number]

/** The workload filters live in the URL: a view can be bookmarked, shared and reloaded. */
export function useRequestFilters() {
  const [params, setParams] = useSearchParams()
  const filters: RequestFilters = {}
  for (const key of KEYS) {
    const value = params.get(key)
    if (value) filters[key] = value
  }
  const status = params.getAll('status')
  if (status.length) filters.status = status
  const set = (key: FilterKey | 'status', value: string | string[] | null) => {
    // From the address itself: the hook's copy may lag behind a change made in the same tick.
    const next = new URLSearchParams(window.location.search)
    next.delete(key)
    if (Array.isArray(value)) for (const v of value) next.append(key, v)
    else if (value) next.set(key, value)
    setParams(next, { replace: true })
  }
  const clear = () => setParams(new URLSearchParams(), { replace: true })
  /** Every filter at once, as a saved view holds them (unknown keys are left out). */
  const replace = (saved: Record<string, string | string[]>) => {
    const next = new URLSearchParams()
    for (const [key, value] of Object.entries(saved))
      if ((KEYS as readonly string[]).includes(key) || key === 'status')
        for (const v of [value].flat()) next.append(key, v)
    setParams(next, { replace: true })
  }
  return { filters, set, clear, replace }
}

/** A calendar date (yyyy-mm-dd) as the API's timestamp: the start, or the end, of that day in UTC. */
export function dateToTimestamp(date: string, end: boolean) {
  return end ? `${date}T23:59:59.999Z` : `${date}T00:00:00.000Z`
}
export function timestampToDate(value: string | undefined) {
  return value ? value.slice(0, 10) : ''
}
