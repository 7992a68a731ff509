import { Button, Menu, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import classes from '../../layout/AppLayout.module.css'
import { useLogout, useSession } from './auth.api.ts'

/** The signed-in user (name, organisation, role) with Account and Sign out; "Sign in" otherwise. */
export function UserMenu() {
  const { t } = useTranslation()
  const session = useSession()
  const logout = useLogout()
  const navigate = useNavigate()
  const user = session.data?.state === 'active' ? session.data.user : null

  if (session.isPending) return null
  if (!user) {
    return (
      <Link to="/sign-in" className={classes.navLink} data-testid="sign-in-link">
        {t('nav.signIn')}
      </Link>
    )
  }
  const role = t(`roles.${user.role}`, { defaultValue: user.role })
  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray.0"
          c="white"
          data-testid="user-menu"
          aria-label={t('userMenu.label', { name: user.name, org: user.orgCode, role })}
        >
          <Text component="span" size="sm" fw={600} truncate className={classes.userName}>
            {user.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" data-testid="user-menu-org">
            {user.orgCode} · {role}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account">
          {t('userMenu.account')}
        </Menu.Item>
        <Menu.Item
          onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/sign-in', { replace: true }) })}
        >
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
