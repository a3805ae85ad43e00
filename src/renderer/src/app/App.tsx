import { AppShell, Box, Group, Kbd, NavLink, SegmentedControl, Text, UnstyledButton } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Route, Routes, useLocation, useNavigate } from 'react-router'
import { AgreementPage } from '../agreements/AgreementPage.tsx'
import { AgreementsPage } from '../agreements/AgreementsPage.tsx'
import { EngagementPage } from '../engagements/EngagementPage.tsx'
import { EngagementsPage } from '../engagements/EngagementsPage.tsx'
import { HomePage } from '../home/HomePage.tsx'
import { setLanguage, useLabels } from '../i18n/index.ts'
import { LocalitiesPage } from '../partners/LocalitiesPage.tsx'
import { LocalityPage } from '../partners/LocalityPage.tsx'
import { OrganizationPage } from '../partners/OrganizationPage.tsx'
import { OrganizationsPage } from '../partners/OrganizationsPage.tsx'
import { PeoplePage } from '../partners/PeoplePage.tsx'
import { PersonPage } from '../partners/PersonPage.tsx'
import { SearchPalette } from '../search/SearchPalette.tsx'
import { SettingsPage } from '../settings/SettingsPage.tsx'
import { BriefPage } from '../briefs/BriefPage.tsx'
import { ImportPage } from '../import/ImportPage.tsx'
import { SnippetsPage } from '../trips/SnippetsPage.tsx'
import { TripPage } from '../trips/TripPage.tsx'
import { TripsPage } from '../trips/TripsPage.tsx'

const NAV = [
  { to: '/', key: 'nav.home', exact: true },
  { section: 'nav.register' },
  { to: '/localities', key: 'nav.localities' },
  { to: '/organizations', key: 'nav.organizations' },
  { to: '/people', key: 'nav.people' },
  { section: 'nav.records' },
  { to: '/agreements', key: 'nav.agreements' },
  { to: '/engagements', key: 'nav.engagements' },
  { section: 'nav.delegations' },
  { to: '/trips', key: 'nav.trips' },
  { to: '/snippets', key: 'nav.snippets' },
  { section: 'nav.exchange' },
  { to: '/import', key: 'nav.import' },
  { section: '' },
  { to: '/settings', key: 'nav.settings' },
] as const

export function App() {
  const { t } = useTranslation()
  const { lang } = useLabels()
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const [searchOpen, setSearchOpen] = useState(false)
  useHotkeys([
    ['mod+K', () => setSearchOpen(true)],
    ['/', () => setSearchOpen(true)],
  ])

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Text fw={750} size="lg" c="indigo.8">
              {t('app.name')}
            </Text>
            <Text c="dimmed" size="sm" visibleFrom="sm">
              {t('app.tagline')}
            </Text>
          </Group>
          <UnstyledButton onClick={() => setSearchOpen(true)} aria-label={t('nav.search')} data-testid="open-search">
            <Group
              gap="xs"
              px="sm"
              py={6}
              wrap="nowrap"
              style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, minWidth: 320 }}
            >
              <Text c="dimmed" size="sm" style={{ flex: 1 }}>
                {t('nav.search')}…
              </Text>
              <Kbd size="xs">Ctrl</Kbd>
              <Kbd size="xs">K</Kbd>
            </Group>
          </UnstyledButton>
          <SegmentedControl
            size="xs"
            value={lang}
            onChange={(v) => setLanguage(v === 'en' ? 'en' : 'vi')}
            data={[
              { value: 'vi', label: 'Tiếng Việt' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {NAV.map((item, i) =>
          'section' in item ? (
            <Text key={i} size="xs" c="dimmed" fw={700} tt="uppercase" mt="md" mb={4} px="sm">
              {item.section ? t(item.section) : ''}
            </Text>
          ) : (
            <NavLink
              key={item.to}
              label={t(item.key)}
              active={'exact' in item ? pathname === item.to : pathname.startsWith(item.to)}
              onClick={() => navigate(item.to)}
              data-testid={`nav-${item.to.slice(1) || 'home'}`}
            />
          ),
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        <Box maw={1280}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/localities" element={<LocalitiesPage />} />
            <Route path="/localities/:id" element={<LocalityPage />} />
            <Route path="/organizations" element={<OrganizationsPage />} />
            <Route path="/organizations/:id" element={<OrganizationPage />} />
            <Route path="/people" element={<PeoplePage />} />
            <Route path="/people/:id" element={<PersonPage />} />
            <Route path="/agreements" element={<AgreementsPage />} />
            <Route path="/agreements/:id" element={<AgreementPage />} />
            <Route path="/engagements" element={<EngagementsPage />} />
            <Route path="/engagements/:id" element={<EngagementPage />} />
            <Route path="/trips" element={<TripsPage />} />
            <Route path="/trips/:id" element={<TripPage />} />
            <Route path="/trips/:id/brief" element={<BriefPage />} />
            <Route path="/snippets" element={<SnippetsPage />} />
            <Route path="/import" element={<ImportPage />} />
            <Route path="/settings" element={<SettingsPage />} />
          </Routes>
        </Box>
      </AppShell.Main>
      <SearchPalette opened={searchOpen} onClose={() => setSearchOpen(false)} />
    </AppShell>
  )
}
