/** The page to return to after sign-in: a path of this site only (never `//host` or a URL). */
export function safeNext(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/sign-in')) return '/account'
  return value
}
