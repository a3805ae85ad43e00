/** Catching Content-Security-Policy violations, for the Chromium fixture and the Electron spec alike. */
import type { Page } from '@playwright/test'

/**
 * Collects the page's Content-Security-Policy violations in every document it loads after
 * this call: each one the page reports (a `securitypolicyviolation` event, relayed to the
 * console by an init script, which CSP does not govern) and each "… violates the following
 * Content Security Policy directive …" line Chromium logs.
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
