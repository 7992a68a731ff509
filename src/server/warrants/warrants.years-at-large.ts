import { NO_LONGER_AT_LARGE } from './warrants.lifecycle.ts'

// THE computation of "years at large", used by every answer that shows it (list, person page,
// API and web alike: the web shows what the API computed).
//
// A person is at large from the earliest date of an arrest warrant against them (summonses do
// not count: a summoned person is not sought by arrest) until the first date on which no warrant
// of theirs is still at large — arrested, surrendered, deceased, withdrawn or terminated — or
// today while one still is. Where the source gives only a year ("2005 (July 2005 per
// Channel 4)"), the year's first day is used and `isApproximate` says so; a date we do not know at
// all gives no figure (null) rather than a guess.

export type DatedStatus = { status: string; occurredOn: string | null; occurredText: string | null }
export type WarrantForYears = {
  kind: string
  status: string
  issuedOn: string | null
  issuedText: string | null
  history: DatedStatus[]
}

export type YearsAtLarge = {
  /** Whole and tenths of years (rounded down), or null when the start is unknown. */
  years: number | null
  /** The start used: ISO date (a year's 1 January when only the year is known). */
  since: string | null
  /** The end used; null while still at large. */
  until: string | null
  isAtLarge: boolean
  /** False when the person is sought by summonses only: there are no years at large to count. */
  isApplicable: boolean
  /** True when a date was only known to the year (its 1 January was used). */
  isApproximate: boolean
}

const DAY_MS = 86_400_000
const YEAR_DAYS = 365.2425

/** An ISO date from a precise date, else the first day of the first four-digit year in the text. */
export function approximateDate(
  iso: string | null,
  text: string | null,
): { date: string; isApproximate: boolean } | null {
  if (iso && /^\d{4}-\d{2}-\d{2}/.test(iso)) return { date: iso.slice(0, 10), isApproximate: false }
  const year = text?.match(/\b(1[89]\d\d|20\d\d)\b/)?.[1]
  return year ? { date: `${year}-01-01`, isApproximate: true } : null
}

export function computeYearsAtLarge(warrants: readonly WarrantForYears[], today: Date): YearsAtLarge {
  const arrestWarrants = warrants.filter((w) => w.kind === 'arrest_warrant')
  const isAtLarge = arrestWarrants.some((w) => w.status === 'at_large')
  const none: YearsAtLarge = {
    years: null,
    since: null,
    until: null,
    isAtLarge,
    isApplicable: arrestWarrants.length > 0,
    isApproximate: false,
  }
  const starts = arrestWarrants.map((w) => approximateDate(w.issuedOn, w.issuedText))
  const known = starts.filter((s) => s !== null).sort((a, b) => a.date.localeCompare(b.date))
  const start = known[0]
  if (!start) return none
  let approximate = start.isApproximate
  let end: string | null = null
  if (!isAtLarge) {
    // Each warrant stopped being "at large" at its first move out of at_large after it was last at
    // large (the arrest, not the later surrender); the person, when the last of them did.
    const ends: string[] = []
    for (const w of arrestWarrants) {
      let out: DatedStatus | undefined
      for (const h of w.history) {
        if (h.status === 'at_large') out = undefined
        else if (!out && NO_LONGER_AT_LARGE.includes(h.status as never)) out = h
      }
      const when = out ? approximateDate(out.occurredOn, out.occurredText) : null
      if (!when) return { ...none, since: start.date, isApproximate: approximate }
      approximate ||= when.isApproximate
      ends.push(when.date)
    }
    end = ends.sort().at(-1) ?? null
  }
  const endMs = end ? Date.parse(`${end}T00:00:00Z`) : today.getTime()
  const days = Math.max(0, (endMs - Date.parse(`${start.date}T00:00:00Z`)) / DAY_MS)
  return {
    years: Math.floor((days / YEAR_DAYS) * 10) / 10,
    since: start.date,
    until: end,
    isAtLarge,
    isApplicable: true,
    isApproximate: approximate,
  }
}
