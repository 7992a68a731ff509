import { Center, Loader } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation } from 'react-router'
import { NotFoundPage } from '../../components/NotFoundPage.tsx'
import { useSession } from './auth.api.ts'

type User = { orgKind: string; role: string }
type RequireAuthProps = {
  roles?: readonly string[]
  allow?: (user: User) => boolean
  /** Where a user this page is not for has their own version of it (a State's inbox for the Court's workload). */
  otherwise?: (user: User) => string | null
  children: ReactNode
}

/**
 * Pages for signed-in users: anyone else goes to the sign-in page, which brings them back here.
 * `roles` (or `allow`) hides a page from other roles (the server refuses them anyway).
 */
export function RequireAuth({ roles, allow, otherwise, children }: RequireAuthProps) {
  const { t } = useTranslation()
  const session = useSession()
  const location = useLocation()
  if (session.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    )
  }
  const user = session.data?.state === 'active' ? session.data.user : null
  if (!user) {
    const next = `${location.pathname}${location.search}`
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />
  }
  if ((roles && !roles.includes(user.role)) || (allow && !allow(user))) {
    const elsewhere = otherwise?.(user)
    if (elsewhere) return <Navigate to={elsewhere} replace />
    return <NotFoundPage title={t('errors.forbiddenTitle')} text={t('errors.FORBIDDEN')} />
  }
  return children
}
