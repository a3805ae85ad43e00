import './zod-no-eval.ts'
import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import './app/app.css'
import './i18n/index.ts'
import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode, useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { createRoot } from 'react-dom/client'
import { HashRouter } from 'react-router'
import { queryClient } from './api.ts'
import { App } from './app/App.tsx'
import { colorSchemeManager } from './app/colorScheme.ts'
import { startChangeFeed } from './app/changeFeed.ts'
import { prefetchFirstScreen } from './app/firstScreen.ts'
import { cssVariablesResolver, localizedTheme } from './app/theme.ts'

/** Mantine with the theme of the UI's language (the close buttons' names) and the chosen colour scheme. */
function Theme({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation()
  const theme = useMemo(() => localizedTheme(t('a11y.close')), [t, i18n.language])
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} colorSchemeManager={colorSchemeManager} defaultColorScheme="light">
      {children}
    </MantineProvider>
  )
}

prefetchFirstScreen()
// The window refreshes what it shows when the register changes, here or elsewhere.
startChangeFeed(queryClient)
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Theme>
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <HashRouter>
          <App />
        </HashRouter>
      </QueryClientProvider>
    </Theme>
  </StrictMode>,
)
