import { Anchor, AppShell, Box, Container, Group, Text, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, Outlet } from 'react-router'
import { useActiveUser } from '../features/auth/auth.api.ts'
import { UserMenu } from '../features/auth/UserMenu.tsx'
import { DemoBanner } from '../features/meta/DemoBanner.tsx'
import classes from './AppLayout.module.css'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { NAV_ITEMS } from './navigation.ts'

export function AppLayout() {
  const { t } = useTranslation()
  const user = useActiveUser()
  return (
    <AppShell header={{ height: 64 }} padding={0}>
      <a className={classes.skipLink} href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header className={classes.header}>
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="md" wrap="nowrap">
              <UnstyledButton component={Link} to="/states" className={classes.brand}>
                <Text component="span" className={classes.brandName}>
                  {t('app.name')}
                </Text>
                <Text component="span" className={classes.tagline} visibleFrom="sm">
                  {t('app.tagline')}
                </Text>
              </UnstyledButton>
              <nav aria-label={t('app.mainNavigation')}>
                <Group gap="xs">
                  {NAV_ITEMS.filter((item) => item.visible(user)).map((item) => (
                    <NavLink key={item.to} to={item.to} className={classes.navLink}>
                      {t(item.labelKey)}
                    </NavLink>
                  ))}
                </Group>
              </nav>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <UserMenu />
              <LanguageSwitch />
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main className={classes.main}>
        <DemoBanner />
        <Container size="xl" py="lg" id="main" tabIndex={-1} className={classes.content}>
          <Outlet />
        </Container>
        <Box component="footer" className={classes.footer}>
          <Container size="xl">
            <Text size="sm" c="dimmed">
              {t('app.footer')}{' '}
              <Anchor href="/api/docs" size="sm" underline="always">
                API
              </Anchor>
            </Text>
          </Container>
        </Box>
      </AppShell.Main>
    </AppShell>
  )
}
