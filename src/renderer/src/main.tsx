import './zod-no-eval.ts'
import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import './app/app.css'
import './i18n/index.ts'
import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { HashRouter } from 'react-router'
import { queryClient } from './api.ts'
import { App } from './app/App.tsx'
import { prefetchFirstScreen } from './app/firstScreen.ts'
import { theme } from './app/theme.ts'
import { colorSchemeManager } from './app/colorScheme.ts'
import { startChangeFeed } from './app/changeFeed.ts'

startChangeFeed(queryClient)

prefetchFirstScreen()
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="light">
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <HashRouter>
          <App />
        </HashRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
)
