/**
 * The renderer runs under the app's Content-Security-Policy in the tests too: the host
 * sends the very header the app:// handler sends in Electron, Chromium enforces it, and
 * the fixture fails any test during which the page violates it.
 */
import { CONTENT_SECURITY_POLICY } from '../src/main/shell/csp.ts'
import { expect, test, watchCspViolations } from './fixtures.ts'
import { apiInitScript } from './host/server.ts'

test('every renderer response carries the app’s policy', async ({ host, request }) => {
  for (const path of ['/', '/index.html', '/no-such-file.js']) {
    const response = await request.get(host.url + path)
    expect(response.headers()['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY)
  }
  expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'")
  expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';")
})

test('the app starts and works under it', async ({ app, page }) => {
  // The fixture has loaded the page and will fail this test on any violation.
  await expect(app.nav('home')).toBeVisible()
  await app.loadDemo()
  await app.goto('agreements')
  expect(await app.agreementCount()).toBeGreaterThan(0)
  // The page holds the bridge and nothing more: the renderer builds its client itself.
  expect(await page.evaluate(() => Object.keys((globalThis as unknown as { hanhTrang: object }).hanhTrang))).toEqual(['invoke'])
  expect(await page.evaluate(() => 'api' in globalThis)).toBe(false)
})

test('Chromium enforces it: no inline script, no eval, no request off the origin', async ({ host, page }) => {
  await page.addInitScript({ content: apiInitScript() })
  const violations = await watchCspViolations(page)
  const response = await page.goto(host.url)
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
  await expect(page.getByTestId('nav-home')).toBeVisible()
  expect(violations).toEqual([])

  // Run as a string (the e2e project has no DOM types). Code evaluated by Playwright is exempt
  // from the eval rule, so the eval attempt is a string timer, which the page itself runs.
  const outcome = await page.evaluate(`(async () => {
    const script = document.createElement('script')
    script.textContent = 'window.inlineRan = true'
    document.body.append(script)
    setTimeout('window.evalRan = true')
    await new Promise((ok) => setTimeout(ok, 50))
    const fetched = await fetch('http://example.invalid/').then(() => true, () => false)
    return { inlineRan: window.inlineRan === true, evalRan: window.evalRan === true, fetched }
  })()`)
  expect(outcome).toEqual({ inlineRan: false, evalRan: false, fetched: false })
  // Each refusal is reported by the page (and logged by Chromium besides): the fixture sees them.
  const directives = () => violations.filter((v) => v.startsWith('CSP violation: ')).map((v) => v.split(' ')[2]).sort()
  await expect.poll(directives).toEqual(['connect-src', 'script-src', 'script-src-elem'])
})
