import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  CompartmentSchema,
  CreateCompartmentBody,
  CreateUserBody,
  OrganisationSchema,
  UserChangeBody,
  UserSchema,
} from '../../../server/identity/identity.schemas.ts'
import { getJson } from '../../http.ts'
import { useSend } from '../auth/auth.api.ts'

export type Organisation = z.infer<typeof OrganisationSchema>
export type AdminUser = z.infer<typeof UserSchema>
export type Compartment = z.infer<typeof CompartmentSchema>
export type CreateUserInput = z.input<typeof CreateUserBody>
export type UserChange = z.infer<typeof UserChangeBody>
export type CreateCompartmentInput = z.infer<typeof CreateCompartmentBody>

export function useOrganisations() {
  return useQuery({
    queryKey: ['organisations'],
    queryFn: ({ signal }) => getJson<{ items: Organisation[] }>('/organisations', signal),
    staleTime: 5 * 60_000,
  })
}

export function useUsers() {
  return useQuery({
    queryKey: ['admin', 'users'],
    queryFn: ({ signal }) => getJson<{ items: AdminUser[] }>('/admin/users', signal),
  })
}

export function useCompartments() {
  return useQuery({
    queryKey: ['admin', 'compartments'],
    queryFn: ({ signal }) => getJson<{ items: Compartment[] }>('/admin/compartments', signal),
  })
}

export function useCreateUser() {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateUserInput) => send<AdminUser>('POST', '/admin/users', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  })
}

export function useChangeUser() {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: UserChange }) =>
      send<AdminUser>('POST', `/admin/users/${encodeURIComponent(id)}/changes`, change),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  })
}

export function useCreateCompartment() {
  const send = useSend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateCompartmentInput) => send<Compartment>('POST', '/admin/compartments', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['admin', 'compartments'] }),
  })
}
