/**
 * The window's frame around the pages: the skip link, the header (burger under the
 * drawer breakpoint, name, search, shortcuts, language) and the sidebar of real links.
 */
import { ActionIcon, AppShell, Burger, Group, Kbd, NavLink, Text, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'
import { focusMain, MAIN_ID } from './focusTitle.ts'
import { ReadOnlyBadge, RegisterPlace } from './session.tsx'

export type NavItem = { to: string; key: string; exact?: boolean } | { section: string }

/** Below this width (CSS px: a 1400 px window at 200 %) the sidebar is a drawer behind a burger. */
export const DRAWER_BELOW = '56.25em'

export function SkipLink() {
  const { t } = useTranslation()
  return (
    <a
      className="skip-link"
      href={`#${MAIN_ID}`}
      data-testid="skip-link"
      onClick={(e) => {
        // The router owns the address's hash: move the focus without navigating.
        e.preventDefault()
        focusMain()
      }}
    >
      {t('a11y.skip')}
    </a>
  )
}

export function AppHeader({ navOpen, toggleNav, openSearch, openShortcuts }: { navOpen: boolean; toggleNav: () => void; openSearch: () => void; openShortcuts: () => void }) {
  const { t } = useTranslation()
  return (
    <AppShell.Header>
      <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          <Burger
            opened={navOpen}
            onClick={toggleNav}
            size="sm"
            className="nav-burger"
            aria-label={navOpen ? t('a11y.closeNav') : t('a11y.openNav')}
            aria-expanded={navOpen}
            aria-controls="main-nav"
            data-testid="nav-burger"
          />
          <Text fw={750} size="lg" c="indigo.8">
            {t('app.name')}
          </Text>
          <Text c="dimmed" size="sm" visibleFrom="lg">
            {t('app.tagline')}
          </Text>
        </Group>
        {/* Its name is what it shows ("Tìm kiếm… Ctrl K"), so speech control finds it by its words. */}
        <UnstyledButton onClick={openSearch} aria-keyshortcuts="Control+K" data-testid="open-search" className="search-button">
          <Group gap="xs" px="sm" py={6} wrap="nowrap">
            <Text c="dimmed" size="sm" style={{ flex: 1 }} truncate>
              {t('nav.search')}…
            </Text>
            <Kbd size="xs">Ctrl</Kbd>
            <Kbd size="xs">K</Kbd>
          </Group>
        </UnstyledButton>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          <ReadOnlyBadge />
          <ActionIcon variant="default" size="lg" onClick={openShortcuts} aria-label={t('shortcuts.title')} aria-keyshortcuts="?" data-testid="open-shortcuts">
            ?
          </ActionIcon>
          <LanguageSwitch size="xs" aria-label={t('a11y.language')} />
        </Group>
      </Group>
    </AppShell.Header>
  )
}

export function Sidebar({ items, onNavigate }: { items: readonly NavItem[]; onNavigate: () => void }) {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  return (
    // The list scrolls when the window is short (a small screen, or zoomed to 200 %).
    <AppShell.Navbar p="xs" style={{ overflowY: 'auto' }} id="main-nav" aria-label={t('a11y.mainNav')}>
      {items.map((item, i) =>
        'section' in item ? (
          <Text key={i} size="xs" c="dimmed" fw={700} tt="uppercase" mt="md" mb={4} px="sm" aria-hidden={item.section ? undefined : true}>
            {item.section ? t(item.section) : ''}
          </Text>
        ) : (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.key)}
            active={item.exact ? pathname === item.to : pathname.startsWith(item.to)}
            aria-current={(item.exact ? pathname === item.to : pathname.startsWith(item.to)) ? 'page' : undefined}
            onClick={onNavigate}
            data-testid={`nav-${item.to.slice(1) || 'home'}`}
          />
        ),
      )}
      <RegisterPlace />
    </AppShell.Navbar>
  )
}
