/**
 * 200 % zoom: a 1400×900 window shows 700×450 CSS px. On every route nothing makes the
 * page scroll sideways (tables scroll inside themselves), the sidebar is a drawer behind
 * a burger, and a page's title keeps its width when the header's buttons wrap.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { demoRoutes, openRoute } from './routes.ts'

test.use({ viewport: { width: 700, height: 450 }, deviceScaleFactor: 2 })
test.describe.configure({ timeout: 180_000 })

/** How far the page scrolls sideways, in CSS px (0: it does not). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate('(() => { const e = document.scrollingElement; return e.scrollWidth - e.clientWidth })()') as Promise<number>

/** Width of the page's title, CSS px. */
const titleWidth = (page: Page) => page.locator('main h1').evaluate((h: { getBoundingClientRect(): { width: number } }) => h.getBoundingClientRect().width)

test('at 200 % no route scrolls sideways and every title keeps its line', async ({ app, page }) => {
  const routes = await demoRoutes(app)
  const wide: string[] = []
  const narrowTitles: string[] = []
  for (const route of routes) {
    await openRoute(page, route.path)
    const overflow = await sidewaysOverflow(page)
    if (overflow > 0) wide.push(`${route.name} (${route.path}): ${overflow} px`)
    // "A word per line" was a title squeezed to ~100 px beside its buttons.
    const width = await titleWidth(page)
    if (width < 250) narrowTitles.push(`${route.name}: ${Math.round(width)} px`)
  }
  expect(wide, 'routes that scroll sideways').toEqual([])
  expect(narrowTitles, 'titles squeezed beside their buttons').toEqual([])
})

test('at 200 % the sidebar is a drawer behind the burger', async ({ app, page }) => {
  await app.loadDemo()
  const burger = page.getByTestId('nav-burger')
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' })
  await expect(burger).toBeVisible()
  await expect(burger).toHaveAttribute('aria-expanded', 'false')
  await expect(nav).not.toBeInViewport()

  await burger.click()
  await expect(burger).toHaveAttribute('aria-expanded', 'true')
  await expect(nav).toBeInViewport()
  await nav.getByRole('link', { name: 'Văn kiện', exact: true }).click()
  // Choosing a page closes the drawer and shows the page, its rows scrolling inside their table.
  await expect(page).toHaveURL(/#\/agreements$/)
  await expect(nav).not.toBeInViewport()
  await expect(page.locator('main h1')).toHaveText('Sổ văn kiện')
  const table = page.getByTestId('agreements-table')
  const [scrollWidth, clientWidth] = await table.evaluate((t: { scrollWidth: number; clientWidth: number }) => [t.scrollWidth, t.clientWidth])
  expect(scrollWidth).toBeGreaterThan(clientWidth)
  expect(await sidewaysOverflow(page)).toBe(0)
})

test('at full size the sidebar stays and there is no burger', async ({ app, page }) => {
  await page.setViewportSize({ width: 1400, height: 900 })
  await app.loadDemo()
  await expect(page.getByTestId('nav-burger')).toBeHidden()
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeInViewport()
})
