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
