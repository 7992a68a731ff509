/**
 * The fields of `next` whose value differs from the record's: a change sends only these (the
 * server records each before and after), and nothing to send means nothing to submit. Text is
 * compared trimmed, an empty text as null.
 */
export function changedFields<R extends Record<string, unknown>, K extends keyof R & string>(
  record: R,
  next: Pick<R, K>,
): Partial<Pick<R, K>> {
  const changes: Partial<Pick<R, K>> = {}
  for (const key of Object.keys(next) as K[]) {
    const raw = next[key]
    const value = (typeof raw === 'string' ? raw.trim() || null : raw) as R[K]
    if (value !== record[key]) changes[key] = value
  }
  return changes
}
