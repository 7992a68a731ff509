import { Anchor, AppShell, Box, Burger, Container, Drawer, Group, Stack, Text, UnstyledButton } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, Outlet } from 'react-router'
import { useActiveUser } from '../features/auth/auth.api.ts'
import { UserMenu } from '../features/auth/UserMenu.tsx'
import { DemoBanner } from '../features/meta/DemoBanner.tsx'
import classes from './AppLayout.module.css'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { NAV_ITEMS } from './navigation.ts'

/**
 * Whether the main navigation fits on one line in the room the header leaves it, measured as the
 * window, the language or the entries change: which roles see how many entries, and how long
 * their labels are in each language, is not known to a stylesheet.
 */
function useInlineNavFits() {
  const slotRef = useRef<HTMLDivElement>(null)
  const navRef = useRef<HTMLElement>(null)
  const [fits, setFits] = useState(true)
  useLayoutEffect(() => {
    const slot = slotRef.current
    const nav = navRef.current
    if (!slot || !nav) return
    const measure = () => setFits(nav.offsetWidth <= slot.clientWidth)
    const observer = new ResizeObserver(measure)
    observer.observe(slot)
    observer.observe(nav)
    measure()
    return () => observer.disconnect()
  }, [])
  return { slotRef, navRef, fits }
}

export function AppLayout() {
  const { t } = useTranslation()
  const user = useActiveUser()
  const [menuOpened, menu] = useDisclosure(false)
  const nav = useInlineNavFits()
  // Widened until the entries fit: the menu has nothing left to show.
  useEffect(() => {
    if (nav.fits) menu.close()
  }, [nav.fits, menu.close])
  const items = NAV_ITEMS.filter((item) => item.visible(user))
  const links = (onNavigate?: () => void) =>
    items.map((item) => (
      <NavLink key={item.to} to={item.to} className={classes.navLink} onClick={onNavigate}>
        {t(item.labelKey)}
      </NavLink>
    ))
  return (
    <AppShell header={{ height: 64 }} padding={0}>
      <a className={classes.skipLink} href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header className={classes.header}>
        <Container fluid h="100%">
          <Group h="100%" gap="xs" wrap="nowrap">
            {/* Where the entries do not fit on one line (a phone, long French labels): a menu. */}
            {!nav.fits && (
              <Burger
                opened={menuOpened}
                onClick={menu.toggle}
                color="white"
                size="sm"
                aria-label={t('app.mainNavigation')}
                aria-expanded={menuOpened}
                data-testid="nav-burger"
              />
            )}
            <UnstyledButton component={Link} to="/states" className={classes.brand}>
              <Text component="span" className={classes.brandName}>
                {t('app.name')}
              </Text>
              <Text component="span" className={classes.tagline}>
                {t('app.tagline')}
              </Text>
            </UnstyledButton>
            <div ref={nav.slotRef} className={classes.navSlot}>
              <nav
                ref={nav.navRef}
                aria-label={t('app.mainNavigation')}
                className={classes.inlineNav}
                data-collapsed={!nav.fits || undefined}
                data-testid="nav-inline"
              >
                <Group gap={4} wrap="nowrap">
                  {links()}
                </Group>
              </nav>
            </div>
            <Group gap="sm" wrap="nowrap" className={classes.account}>
              <UserMenu />
              <LanguageSwitch />
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <Drawer
        closeButtonProps={{ 'aria-label': t('app.close') }}
        opened={menuOpened}
        onClose={menu.close}
        size="xs"
        title={t('app.name')}
        data-testid="nav-drawer"
      >
        <nav aria-label={t('app.mainNavigation')}>
          <Stack gap={4} className={classes.drawerNav}>
            {links(menu.close)}
          </Stack>
        </nav>
      </Drawer>
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
