import { AppShell, Box, Button, Center, Loader, Stack, Text, VisuallyHidden } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useState } from 'react'
import { useIsFetching } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Route, Routes } from 'react-router'
import { HomePage } from '../home/HomePage.tsx'
import { SearchPalette } from '../search/SearchPalette.tsx'
import type { HealthResult } from '../../../shared/contract.ts'
import { useApi } from '../api.ts'
import { ErrorAlert } from '../components/ui.tsx'
import { RecoveryPage } from '../recovery/RecoveryPage.tsx'
import { AppHeader, DRAWER_BELOW, Sidebar, SkipLink, type NavItem } from './Chrome.tsx'
import { MAIN_ID, useFocusTitleOnNavigate } from './focusTitle.ts'
import { HealthBanner } from './HealthBanner.tsx'
import { lazyPage } from './lazyPage.tsx'
import { useShortcutKeys } from './shortcuts.ts'
import { ShortcutsDialog } from './ShortcutsDialog.tsx'
import { ServerUnreachable } from './ServerUnreachable.tsx'
import { useSession } from './session.tsx'

// Every page but the home page is a chunk of its own, loaded when first opened (lazyPage.tsx).
const AgreementPage = lazyPage(() => import('../agreements/AgreementPage.tsx'), 'AgreementPage')
const AgreementsPage = lazyPage(() => import('../agreements/AgreementsPage.tsx'), 'AgreementsPage')
const CommitmentsPage = lazyPage(() => import('../agreements/CommitmentsPage.tsx'), 'CommitmentsPage')
const CalendarPage = lazyPage(() => import('../calendar/CalendarPage.tsx'), 'CalendarPage')
const EngagementPage = lazyPage(() => import('../engagements/EngagementPage.tsx'), 'EngagementPage')
const EngagementsPage = lazyPage(() => import('../engagements/EngagementsPage.tsx'), 'EngagementsPage')
const LocalitiesPage = lazyPage(() => import('../partners/LocalitiesPage.tsx'), 'LocalitiesPage')
const LocalityPage = lazyPage(() => import('../partners/LocalityPage.tsx'), 'LocalityPage')
const OrganizationPage = lazyPage(() => import('../partners/OrganizationPage.tsx'), 'OrganizationPage')
const OrganizationsPage = lazyPage(() => import('../partners/OrganizationsPage.tsx'), 'OrganizationsPage')
const PeoplePage = lazyPage(() => import('../partners/PeoplePage.tsx'), 'PeoplePage')
const PersonPage = lazyPage(() => import('../partners/PersonPage.tsx'), 'PersonPage')
const SettingsPage = lazyPage(() => import('../settings/SettingsPage.tsx'), 'SettingsPage')
const BriefPage = lazyPage(() => import('../briefs/BriefPage.tsx'), 'BriefPage')
const ReportPage = lazyPage(() => import('../documents/ReportPage.tsx'), 'ReportPage')
const ApprovalPage = lazyPage(() => import('../documents/approval/ApprovalPage.tsx'), 'ApprovalPage')
const ProgrammePage = lazyPage(() => import('../documents/ProgrammePage.tsx'), 'ProgrammePage')
const ImportPage = lazyPage(() => import('../import/ImportPage.tsx'), 'ImportPage')
const SnippetsPage = lazyPage(() => import('../trips/SnippetsPage.tsx'), 'SnippetsPage')
const TripPage = lazyPage(() => import('../trips/TripPage.tsx'), 'TripPage')
const TripsPage = lazyPage(() => import('../trips/TripsPage.tsx'), 'TripsPage')
import { Welcome } from '../settings/Welcome.tsx'

const NAV: readonly NavItem[] = [
  { to: '/', key: 'nav.home', exact: true },
  { to: '/calendar', key: 'nav.calendar' },
  { section: 'nav.register' },
  { to: '/localities', key: 'nav.localities' },
  { to: '/organizations', key: 'nav.organizations' },
  { to: '/people', key: 'nav.people' },
  { section: 'nav.records' },
  { to: '/agreements', key: 'nav.agreements' },
  { to: '/commitments', key: 'nav.commitments' },
  { to: '/engagements', key: 'nav.engagements' },
  { section: 'nav.delegations' },
  { to: '/trips', key: 'nav.trips' },
  { to: '/snippets', key: 'nav.snippets' },
  { section: 'nav.exchange' },
  { to: '/import', key: 'nav.import' },
  { section: '' },
  { to: '/settings', key: 'nav.settings' },
]

/** How often the window asks again whether the data file is healthy (a background check may have run). */
const STATUS_EVERY_MS = 10 * 60 * 1000

/**
 * The window asks the core first whether the register is ready. While the data file is
 * damaged it shows only the recovery screen: no sidebar, no page that would call a
 * method the core refuses until the file is recovered.
 */
export function App() {
  const status = useApi('app.status', undefined, { refetchInterval: STATUS_EVERY_MS })
  if (status.isPending) return <QuietLoader />
  if (status.isError) return <StatusError error={status.error} retry={() => void status.refetch()} />
  if (status.data.state === 'damaged') return <RecoveryPage status={status.data} />
  if (status.data.state === 'unreachable') return <ServerUnreachable status={status.data} />
  return (
    <FirstStart>
      <Register health={status.data.health} />
    </FirstStart>
  )
}

/** A fresh data folder asks once for the home province and the officer's name (settings/Welcome.tsx). */
function FirstStart({ children }: { children: React.ReactNode }) {
  const settings = useApi('settings.get')
  // Who the window works as is known before any page offers a write (app/session.tsx).
  const session = useSession()
  if (settings.isPending || session.isPending) return <QuietLoader />
  if (settings.data && !settings.data.firstStartDone) return <Welcome settings={settings.data} />
  return children
}

function QuietLoader() {
  const { t } = useTranslation()
  return (
    <Center h="100%" role="status">
      <Loader size="sm" color="gray" type="dots" />
      <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
    </Center>
  )
}

function StatusError({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation()
  return (
    <Center h="100%" p="xl">
      <Stack maw={640} w="100%">
        <Text fw={600}>{t('recovery.statusError')}</Text>
        <ErrorAlert error={error} />
        <Button variant="light" onClick={retry} w="fit-content">
          {t('recovery.retry')}
        </Button>
      </Stack>
    </Center>
  )
}

/** The register: header, sidebar and pages. */
function Register({ health }: { health: HealthResult | null }) {
  const [searchOpen, setSearchOpen] = useState(false)
  // The page says it is still loading (assistive technology; the tests wait on it too).
  const fetching = useIsFetching()
  const [shortcutsOpen, setShortcutsOpen] = useState(false)
  const [navOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false)
  useShortcutKeys({ search: () => setSearchOpen(true), help: () => setShortcutsOpen(true) })
  useFocusTitleOnNavigate()

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: DRAWER_BELOW, collapsed: { mobile: !navOpen } }} padding={{ base: 'sm', sm: 'lg' }}>
      <SkipLink />
      <AppHeader navOpen={navOpen} toggleNav={toggleNav} openSearch={() => setSearchOpen(true)} openShortcuts={() => setShortcutsOpen(true)} />
      <Sidebar items={NAV} onNavigate={closeNav} />
      <AppShell.Main id={MAIN_ID} aria-busy={fetching > 0}>
        <Box maw={1280}>
          <HealthBanner health={health} />
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/calendar" element={<CalendarPage />} />
            <Route path="/localities" element={<LocalitiesPage />} />
            <Route path="/localities/:id" element={<LocalityPage />} />
            <Route path="/organizations" element={<OrganizationsPage />} />
            <Route path="/organizations/:id" element={<OrganizationPage />} />
            <Route path="/people" element={<PeoplePage />} />
            <Route path="/people/:id" element={<PersonPage />} />
            <Route path="/agreements" element={<AgreementsPage />} />
            <Route path="/agreements/:id" element={<AgreementPage />} />
            <Route path="/commitments" element={<CommitmentsPage />} />
            <Route path="/engagements" element={<EngagementsPage />} />
            <Route path="/engagements/:id" element={<EngagementPage />} />
            <Route path="/trips" element={<TripsPage />} />
            <Route path="/trips/:id" element={<TripPage />} />
            <Route path="/trips/:id/brief" element={<BriefPage />} />
            <Route path="/trips/:id/report" element={<ReportPage />} />
            <Route path="/trips/:id/approval" element={<ApprovalPage />} />
            <Route path="/trips/:id/programme" element={<ProgrammePage />} />
            <Route path="/snippets" element={<SnippetsPage />} />
            <Route path="/import" element={<ImportPage />} />
            <Route path="/settings" element={<SettingsPage />} />
          </Routes>
        </Box>
      </AppShell.Main>
      <SearchPalette opened={searchOpen} onClose={() => setSearchOpen(false)} />
      <ShortcutsDialog opened={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </AppShell>
  )
}
