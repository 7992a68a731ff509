import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  CreatedTokenSchema,
  CreateTokenBody,
  MfaEnrolmentConfirmedSchema,
  MfaEnrolmentSchema,
  SessionListSchema,
  SessionStateSchema,
  TokenSchema,
} from '../../../server/auth/auth.schemas.ts'
import { ApiError, getJson, sendJson } from '../../http.ts'

export type SessionState = SessionStateSchema
export type SessionUser = NonNullable<SessionStateSchema['user']>
export type MfaEnrolment = z.infer<typeof MfaEnrolmentSchema>
export type MfaEnrolmentConfirmed = z.infer<typeof MfaEnrolmentConfirmedSchema>
export type AccountSession = z.infer<typeof SessionListSchema>['items'][number]
export type ApiToken = z.infer<typeof TokenSchema>
export type CreatedToken = z.infer<typeof CreatedTokenSchema>
export type CreateTokenInput = z.input<typeof CreateTokenBody>

export type DemoAccounts = {
  notice: string
  password: string
  totpSecret: string
  currentCode: string
  accounts: { email: string; name: string; orgCode: string; role: string; description: string }[]
}
export type OidcProviders = { items: { id: string; name: string }[] }

export const SESSION_KEY = ['auth', 'session'] as const
const ANONYMOUS: SessionState = { state: 'anonymous', csrfToken: null, expiresAt: null, user: null }

/** The session of this browser: who is signed in, at which step, and the current CSRF token. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => getJson<SessionState>('/auth/session', signal),
    staleTime: 60_000,
  })
}

/** The signed-in user once two-step verification is done, else null. */
export function useActiveUser(): SessionUser | null {
  const session = useSession()
  return session.data?.state === 'active' ? session.data.user : null
}

function currentCsrf(queryClient: QueryClient) {
  return queryClient.getQueryData<SessionState>(SESSION_KEY)?.csrfToken ?? null
}

/**
 * Sends a state-changing request with the session's current CSRF token. When the server says the
 * session is gone (or the token is stale), the cached session is reloaded so the UI follows.
 */
export function useSend() {
  const queryClient = useQueryClient()
  return async <T>(method: 'POST' | 'DELETE' | 'PUT' | 'PATCH', path: string, body?: unknown): Promise<T> => {
    try {
      return await sendJson<T>(method, path, body, currentCsrf(queryClient))
    } catch (error) {
      if (error instanceof ApiError && ['UNAUTHENTICATED', 'CSRF_FAILED', 'MFA_REQUIRED'].includes(error.code)) {
        void queryClient.invalidateQueries({ queryKey: SESSION_KEY })
      }
      throw error
    }
  }
}

/** Every auth answer carries the new session state (and a new CSRF token): keep it in the cache. */
function useSessionMutation<TInput, TOutput extends SessionState>(path: string) {
  const queryClient = useQueryClient()
  const send = useSend()
  return useMutation({
    mutationFn: (input: TInput) => send<TOutput>('POST', path, input),
    onSuccess: (state) => {
      const { state: s, csrfToken, expiresAt, user } = state
      queryClient.setQueryData<SessionState>(SESSION_KEY, { state: s, csrfToken, expiresAt, user })
      if (s === 'active') {
        // What the user may see depends on who they are now.
        void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth' })
      }
    },
  })
}

export function useLogin() {
  return useSessionMutation<{ email: string; password: string }, SessionState>('/auth/login')
}

export function useMfa() {
  return useSessionMutation<{ code: string } | { recoveryCode: string }, SessionState>('/auth/mfa')
}

export function useBeginEnrolment() {
  const send = useSend()
  return useMutation({ mutationFn: () => send<MfaEnrolment>('POST', '/auth/mfa/enrolment') })
}

export function useConfirmEnrolment() {
  return useSessionMutation<{ code: string }, MfaEnrolmentConfirmed>('/auth/mfa/enrolment/confirmation')
}

function useSignedOut() {
  const queryClient = useQueryClient()
  return () => {
    queryClient.setQueryData<SessionState>(SESSION_KEY, ANONYMOUS)
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' && q.queryKey[0] !== 'meta' })
  }
}

export function useLogout() {
  const send = useSend()
  const signedOut = useSignedOut()
  return useMutation({
    mutationFn: () => send<{ ok: true }>('POST', '/auth/logout'),
    onSettled: signedOut,
  })
}

export function useLogoutEverywhere() {
  const send = useSend()
  const signedOut = useSignedOut()
  return useMutation({
    mutationFn: () => send<{ ok: true }>('POST', '/account/logout-everywhere'),
    onSuccess: signedOut,
  })
}

export function useAccountSessions(enabled: boolean) {
  return useQuery({
    queryKey: ['account', 'sessions'],
    queryFn: ({ signal }) => getJson<{ items: AccountSession[] }>('/account/sessions', signal),
    enabled,
  })
}

export function useApiTokens(enabled: boolean) {
  return useQuery({
    queryKey: ['account', 'tokens'],
    queryFn: ({ signal }) => getJson<{ items: ApiToken[] }>('/account/tokens', signal),
    enabled,
  })
}

export function useCreateToken() {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateTokenInput) => send<CreatedToken>('POST', '/account/tokens', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['account', 'tokens'] }),
  })
}

export function useRevokeToken() {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => send<{ ok: true }>('DELETE', `/account/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['account', 'tokens'] }),
  })
}

/** The fictional demo accounts; the API answers 404 when no demo is loaded, which means "none". */
export function useDemoAccounts() {
  return useQuery({
    queryKey: ['auth', 'demo-accounts'],
    queryFn: async ({ signal }) => {
      try {
        return await getJson<DemoAccounts>('/demo/accounts', signal)
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null
        throw error
      }
    },
    // The current code changes every 30 seconds.
    refetchInterval: 10_000,
    staleTime: 5_000,
    retry: false,
  })
}

/** Single sign-on providers; an older server without the route answers 404: no buttons then. */
export function useOidcProviders() {
  return useQuery({
    queryKey: ['auth', 'oidc-providers'],
    queryFn: async ({ signal }) => {
      try {
        return await getJson<OidcProviders>('/auth/oidc/providers', signal)
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return { items: [] }
        throw error
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  })
}
