/**
 * Each test gets its own data folder and core (an isolated db), served by the loopback
 * host, and a page given the same bridge as the preload's (`window.hanhTrang.invoke`, here
 * over fetch), on which the renderer builds its own client. The page runs under the app's
 * Content-Security-Policy (the host sends it), and a test fails on any violation of it, as
 * on any error thrown in the page.
 *
 * In the `postgres` project (playwright.config.ts) every host's core is on a fresh database
 * of the run's PostgreSQL server instead of a SQLite file in its folder.
 */
import { test as base, expect } from '@playwright/test'
import { rmSync } from 'node:fs'
import { watchCspViolations } from './csp-violations.ts'
import { apiInitScript, hostsOnServer, startHost, type Host } from './host/server.ts'
import { AppPage } from './pages/app-page.ts'
import { loadServer } from './postgres-run.ts'

export interface E2eOptions {
  /** Where the hosts' registers are: a SQLite file each, or a database each on the run's PostgreSQL server. */
  database: 'sqlite' | 'postgres'
}

export const test = base.extend<{ host: Host; app: AppPage }, E2eOptions & { hostDatabase: void }>({
  database: ['sqlite', { scope: 'worker', option: true }],
  // Before any host of the worker starts, including those the specs start themselves.
  hostDatabase: [
    async ({ database }, use) => {
      if (database === 'postgres') {
        const server = loadServer()
        if (!server) throw new Error('the PostgreSQL server of the run is missing (the postgres-setup project did not run)')
        hostsOnServer(server)
      }
      await use()
      hostsOnServer(null)
    },
    { scope: 'worker', auto: true },
  ],
  host: async ({}, use) => {
    const host = await startHost()
    await use(host)
    await host.close()
    rmSync(host.dataDir, { recursive: true, force: true })
  },
  app: async ({ page, host, database }, use) => {
    // The project runs on the database it names, not silently on a file (hosts the specs start included).
    if (host.session.core()) expect(host.core.register.file ? 'sqlite' : 'postgres', 'the host register’s database').toBe(database)
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
