/**
 * Each test gets its own data folder and core (an isolated db), served by the loopback
 * host, and a page given the same bridge as the preload's (`window.hanhTrang.invoke`, here
 * over fetch), on which the renderer builds its own client. The page runs under the app's
 * Content-Security-Policy (the host sends it), and a test fails on any violation of it, as
 * on any error thrown in the page.
 */
import { test as base, expect } from '@playwright/test'
import { rmSync } from 'node:fs'
import { watchCspViolations } from './csp-violations.ts'
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
    const violations = await watchCspViolations(page)
    await page.goto(host.url)
    await use(new AppPage(page))
    expect(errors, 'errors thrown in the page').toEqual([])
    expect(violations, 'Content-Security-Policy violations').toEqual([])
  },
})

export { expect, watchCspViolations }
