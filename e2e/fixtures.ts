/**
 * Each test gets its own data folder and core (an isolated db), served by the loopback
 * host, and a page whose `window.api` is built by the preload's client factory. The page
 * runs under the app's Content-Security-Policy (the host sends it), and a test fails on any
 * violation of it, as on any error thrown in the page.
 */
import { test as base, expect, type Page } from '@playwright/test'
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
    const violations = await watchCspViolations(page)
    await page.goto(host.url)
    await use(new AppPage(page))
    expect(errors, 'errors thrown in the page').toEqual([])
    expect(violations, 'Content-Security-Policy violations').toEqual([])
  },
})

/**
 * Collects the page's Content-Security-Policy violations from now on: each one the page
 * reports (a `securitypolicyviolation` event, relayed to the console by an init script,
 * which CSP does not govern) and each "Refused to …" line Chromium logs.
 */
export async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) =>
      console.error('CSP violation: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' in ' + e.sourceFile + ':' + e.lineNumber), true);`,
  })
  page.on('console', (m) => {
    if (m.type() === 'error' && /CSP violation|Content Security Policy/.test(m.text())) violations.push(m.text())
  })
  return violations
}

export { expect }
