// A calendar day between the text a person types and the YYYY-MM-DD the API takes.

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/
const WRITTEN = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/

/**
 * The day `text` names, as YYYY-MM-DD: dd/mm/yyyy (also with . or -, and one-digit day or month)
 * or yyyy-mm-dd. '' for empty text; null for text that is not a day (31/02/2027, 2027-13-01).
 */
export function parseDay(text: string): string | null {
  const trimmed = text.trim()
  if (trimmed === '') return ''
  const iso = ISO.exec(trimmed)
  const written = iso ? null : WRITTEN.exec(trimmed)
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : written
      ? [written[3], written[2], written[1]]
      : [undefined, undefined, undefined]
  if (!year || !month || !day) return null
  const y = Number(year)
  const m = Number(month)
  const d = Number(day)
  if (y < 1900 || y > 2999) return null
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** YYYY-MM-DD as dd/mm/yyyy; '' stays ''. */
export function showDay(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  return match ? `${match[3]}/${match[2]}/${match[1]}` : ''
}

const TIME = /^(\d{1,2})[:h.](\d{2})$/

/**
 * A time of day as HH:MM on a 24-hour clock: 9:05, 09:05, 9h05 (as written in French) or 9.05.
 * '' for empty text; null for text that is not a time (24:00, 9:5, 9 am).
 */
export function parseTime(text: string): string | null {
  const trimmed = text.trim().toLowerCase()
  if (trimmed === '') return ''
  const match = TIME.exec(trimmed)
  if (!match) return null
  const [h, m] = [Number(match[1]), Number(match[2])]
  if (h > 23 || m > 59) return null
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`
}

/**
 * The instant a day and a time of day name on this browser's clock, as ISO 8601 (UTC); without a
 * time, the start of the day, or its last minute's end for the end of a period (`until`).
 */
export function localInstant(day: string, time: string, end: 'from' | 'until'): string {
  const at = time || (end === 'from' ? '00:00' : '23:59')
  const date = new Date(`${day}T${at}:${end === 'until' && !time ? '59.999' : '00.000'}`)
  return date.toISOString()
}
