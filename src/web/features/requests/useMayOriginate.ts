import { useActiveUser } from '../auth/auth.api.ts'
import { useRequestTypes } from './requests.api.ts'

/**
 * Whether the signed-in user's organ originates requests of a type (the catalogue's
 * `originatedBy`, the rule the server applies when drafting): an arrest by the Chambers or the
 * Registry, a preliminary examination by the Prosecutor. False while the catalogue loads.
 */
export function useMayOriginate() {
  const user = useActiveUser()
  const types = useRequestTypes()
  return (code: string | null | undefined) => {
    const organ = user?.originatingOrgan
    const type = types.data?.items.find((item) => item.code === code)
    return !!organ && !!type && (type.originatedBy as string[]).includes(organ)
  }
}
