import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { AGREEMENT_KINDS, APIC_STATUSES, REGIONAL_GROUPS, ROME_STATUSES, type StateFilters } from './states.api.ts'

const ALLOWED: { [K in Exclude<keyof StateFilters, 'q'>]: readonly string[] } = {
  party: ['true', 'false'],
  status: ROME_STATUSES,
  group: REGIONAL_GROUPS,
  apic: APIC_STATUSES,
  agreement: AGREEMENT_KINDS,
}

/**
 * The States filters live in the URL (?status=party&group=WEOG), so a filtered view can be shared
 * or bookmarked. Values the API would reject (a hand-edited link) are ignored rather than sent.
 */
export function useStateFilters() {
  const [searchParams, setSearchParams] = useSearchParams()

  const filters = useMemo(() => {
    const result: Record<string, string> = {}
    for (const [key, allowed] of Object.entries(ALLOWED)) {
      const value = searchParams.get(key)
      if (value && allowed.includes(value)) result[key] = value
    }
    const q = searchParams.get('q')?.trim()
    if (q) result.q = q.slice(0, 100)
    return result as StateFilters
  }, [searchParams])

  const setFilter = useCallback(
    (key: keyof StateFilters, value: string | null) => {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous)
          if (value) next.set(key, value)
          else next.delete(key)
          return next
        },
        // Typing in the search box should not push one history entry per word.
        { replace: key === 'q' },
      )
    },
    [setSearchParams],
  )

  const clearFilters = useCallback(() => setSearchParams(new URLSearchParams()), [setSearchParams])

  const hasFilters = Object.keys(filters).length > 0
  return { filters, setFilter, clearFilters, hasFilters }
}
