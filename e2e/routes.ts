/**
 * Every route of the register, with the sample data loaded: the lists and one record of
 * each kind (the ones the README's screenshots show). Shared by the axe and zoom specs.
 */
import { expect, type Page } from '@playwright/test'
import type { AppPage } from './pages/app-page.ts'

export interface Route {
  name: string
  path: string
}

/** The demo trip (Thanh Hóa to Yamanashi), fixed in the sample data. */
export const DEMO_TRIP = '01936d00-0000-7000-8000-000700000001'

/** Loads the sample data and lists every route, records resolved through the core. */
export async function demoRoutes(app: AppPage): Promise<Route[]> {
  await app.loadDemo()
  const localities = await app.call('localities.list', { country: 'JP' })
  const yamanashi = localities.find((l) => l.nameVi === 'Yamanashi')!
  const organization = (await app.call('organizations.list'))[0]!
  const person = (await app.call('people.list'))[0]!
  const agreement = (await app.call('agreements.list', { limit: 10 })).rows.find((a) => a.titleVi.includes('Gunma'))!
  const engagement = (await app.call('engagements.list')).find((e) => e.title.includes('Diễn đàn'))!
  return [
    { name: 'home', path: '/' },
    { name: 'calendar', path: '/calendar' },
    { name: 'localities', path: '/localities' },
    { name: 'locality', path: `/localities/${yamanashi.id}` },
    { name: 'organizations', path: '/organizations' },
    { name: 'organization', path: `/organizations/${organization.id}` },
    { name: 'people', path: '/people' },
    { name: 'person', path: `/people/${person.id}` },
    { name: 'agreements', path: '/agreements' },
    { name: 'agreement', path: `/agreements/${agreement.id}` },
    { name: 'commitments', path: '/commitments' },
    { name: 'engagements', path: '/engagements' },
    { name: 'engagement', path: `/engagements/${engagement.id}` },
    { name: 'trips', path: '/trips' },
    { name: 'trip', path: `/trips/${DEMO_TRIP}` },
    { name: 'brief', path: `/trips/${DEMO_TRIP}/brief` },
    { name: 'report', path: `/trips/${DEMO_TRIP}/report` },
    { name: 'approval', path: `/trips/${DEMO_TRIP}/approval` },
    { name: 'snippets', path: '/snippets' },
    { name: 'import', path: '/import' },
    { name: 'settings', path: '/settings' },
  ]
}

/** Opens a route through the address (the hash router) and waits until its page has loaded. */
export async function openRoute(page: Page, path: string) {
  // (Strings: the e2e project is typed without the DOM.)
  await page.evaluate(`location.hash = ${JSON.stringify(path)}`)
  await expect(page).toHaveURL(new RegExp(`#${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`))
  const main = page.locator('main')
  await expect(main.locator('h1, h2').first()).toBeVisible()
  await expect(main.getByText(/^(Đang tải…|Loading…)$/)).toHaveCount(0)
  // Fonts and the virtual tables' measurements settle.
  await page.evaluate('document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))')
}
