/** The API's error shape: `{ error: { code, message, details? } }`. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string

  constructor(status: number, code: string, message: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
  }
}

type QueryValue = string | number | boolean | null | undefined

/** Builds `?a=1&b=2` from the set values only: the API rejects unknown or empty parameters. */
export function toQueryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue
    search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`/api/v1${path}`, { headers: { accept: 'application/json' }, signal })
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null
    throw new ApiError(
      response.status,
      body?.error?.code ?? 'HTTP_ERROR',
      body?.error?.message ?? `${response.status} ${response.statusText}`,
    )
  }
  return (await response.json()) as T
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null
  return new ApiError(
    response.status,
    body?.error?.code ?? 'HTTP_ERROR',
    body?.error?.message ?? `${response.status} ${response.statusText}`,
  )
}

/**
 * A state-changing request. While a session cookie exists the server wants its CSRF token in
 * `x-csrf-token`; the caller reads the current one from the session in the query cache.
 */
export async function sendJson<T>(
  method: 'POST' | 'DELETE' | 'PUT' | 'PATCH',
  path: string,
  body: unknown,
  csrfToken: string | null | undefined,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (csrfToken) headers['x-csrf-token'] = csrfToken
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  })
  if (!response.ok) throw await toApiError(response)
  // 204 No Content (a deletion) has no body to read.
  if (response.status === 204) return null as T
  return (await response.json()) as T
}
