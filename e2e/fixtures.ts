/**
 * Each test gets its own data folder and core (an isolated db), served by the loopback
 * host, and a page whose `window.api` is built by the preload's client factory.
 */
import { test as base, expect } from '@playwright/test'
import { rmSync } from 'node:fs'
import { apiInitScript, startHost, type Host } from './host/server.ts'
import { AppPage } from './pages/app-page.ts'

export const test = base.extend<{ host: Host; app: AppPage }>({
  host: async ({}, use) => {
    const host = await startHost()
    await use(host)
    await host.close()
    rmSync(host.dataDir, { recursive: true, force: true })
  },
  app: async ({ page, host }, use) => {
    await page.addInitScript({ content: apiInitScript() })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(host.url)
    await use(new AppPage(page))
    expect(errors, 'errors thrown in the page').toEqual([])
  },
})

export { expect }
