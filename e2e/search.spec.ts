import type { Page } from '@playwright/test'
import { apiInitScript, type Host } from './host/server.ts'
import { expect, test, watchCspViolations } from './fixtures.ts'
import { AppPage } from './pages/app-page.ts'

/**
 * Search finds everything an officer names (issue 12): trips, programme items and talking
 * points; Yamanashi in katakana, full- or half-width; the governor's name with or without
 * the space. Each hit opens where its record is kept.
 */

const TRIP = 'Đoàn xúc tiến thương mại lụa tại Yamanashi'
const ITEM = 'Thăm trang trại wasabi'
const SNIPPET = 'Chè Shan tuyết Thanh Hóa'
const GOVERNOR = 'NAGASAKI Kotaro (長崎 幸太郎)'

/** The sample data, the governor of Yamanashi, and a trip with a programme item and a talking point. */
async function seed(host: Host, page: Page): Promise<{ trip: string }> {
  const call = async (m: string, i: unknown) => {
    const r = (await host.session.dispatch(m, i)) as { ok: boolean; value: { id: string }; error?: unknown }
    if (!r.ok) throw new Error(`${m}: ${JSON.stringify(r.error)}`)
    return r.value.id
  }
  await call('demo.load', undefined)
  const yamanashi = (await host.core.db.selectFrom('locality').select('id').where('refKey', '=', 'jp-pref-19').executeTakeFirstOrThrow()).id
  const governor = await call('people.create', { familyName: 'Nagasaki', givenName: 'Kotaro', familyNameNative: '長崎', givenNameNative: '幸太郎', nameKana: 'ナガサキ コウタロウ', nameOrder: 'family_first', country: 'JP', title: 'Thống đốc tỉnh Yamanashi', localityId: yamanashi })
  const trip = await call('trips.create', { title: TRIP, startDate: '2027-03-01', endDate: '2027-03-05', objectives: 'Giới thiệu sản phẩm quế hữu cơ', destinationIds: [yamanashi] })
  await call('itinerary.create', { tripId: trip, kind: 'site_visit', title: ITEM, start: '2027-03-02T09:30', place: 'Hokuto', counterparts: [{ personId: governor }], talkingPoints: 'Đề nghị hợp tác nuôi nghêu' })
  await call('snippets.create', { title: SNIPPET, text: 'Giới thiệu chiếu cói Nga Sơn, chè Shan tuyết.', sectors: [], localityId: yamanashi })
  await page.reload()
  return { trip }
}

/** The first hit for a query, once the palette shows this query's answer (it keeps the last one until then). */
async function firstHit(app: AppPage, q: string, title: string) {
  const hit = (await app.search(q)).first()
  await expect(app.page.getByTestId('search-results'), q).toHaveAttribute('aria-busy', 'false')
  await expect(hit, q).toContainText(title)
  return hit
}

// Three pages with the sample data each, on a machine that may be busy.
test.describe.configure({ timeout: 180_000 })

test('the palette finds trips, programme items and talking points, kana and names however typed', async ({ app, page, host }) => {
  await seed(host, page)
  // Six words, two in each record, found as typed (with or without the marks).
  for (const [q, kind, title] of [
    ['lụa', 'trip', TRIP],
    ['que huu co', 'trip', TRIP],
    ['wasabi', 'itineraryItem', ITEM],
    ['nghêu', 'itineraryItem', ITEM],
    ['tuyet', 'snippet', SNIPPET],
    ['cói', 'snippet', SNIPPET],
    ['ヤマナシ', 'locality', 'Yamanashi'],
    ['ﾔﾏﾅｼ', 'locality', 'Yamanashi'],
    ['やまなし', 'locality', 'Yamanashi'],
    ['長崎幸太郎', 'person', GOVERNOR],
    ['長崎 幸太郎', 'person', GOVERNOR],
  ] as const) {
    const hit = await firstHit(app, q, title)
    await expect(hit, q).toHaveAttribute('data-kind', kind)
    await app.closeSearch()
  }
})

test('a trip opens its page, a programme item within its trip, a talking point in the library', async ({ app, page, host }) => {
  const { trip } = await seed(host, page)
  // Enter at once, before the answer comes: it opens this query's first hit, not the last one's.
  await firstHit(app, 'yamanashi', 'Yamanashi')
  await app.closeSearch()
  await app.search('lua')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`#/trips/${trip}$`))
  await expect(page.getByTestId('trip-title')).toHaveText(TRIP)

  await app.goto('home')
  await (await firstHit(app, 'nghêu', ITEM)).click()
  await expect(page).toHaveURL(new RegExp(`#/trips/${trip}$`))
  await expect(page.getByTestId('trip-title')).toBeVisible()
  // The palette fades out as the item's dialog opens: for a moment both are on screen.
  await expect(page.getByTestId('search-input')).toBeHidden()
  await expect(app.dialog).toBeVisible()
  await expect(app.field('Nội dung')).toHaveValue(ITEM)
  await expect(app.dialog.getByTestId('talking-points')).toHaveValue('Đề nghị hợp tác nuôi nghêu')
  await page.keyboard.press('Escape')
  await expect(app.dialog).toBeHidden()
  // Closed, it stays closed: the address no longer names the item.
  await expect(page.getByTestId('programme-item').filter({ hasText: ITEM })).toBeVisible()
  await expect(app.dialog).toBeHidden()

  await (await firstHit(app, 'tuyet', SNIPPET)).click()
  await expect(page).toHaveURL(/#\/snippets$/)
  await expect(page.getByTestId('search-input')).toBeHidden()
  await expect(app.dialog).toBeVisible()
  await expect(app.field('Tiêu đề')).toHaveValue(SNIPPET)
  await page.keyboard.press('Escape')
  await expect(app.dialog).toBeHidden()
})

test('the palette names the new kinds in either language, at 1400×900 and at 200%', async ({ app, page, host, browser }, testInfo) => {
  await seed(host, page)
  await page.setViewportSize({ width: 1400, height: 900 })
  await firstHit(app, 'yamanashi', 'Yamanashi')
  const results = page.getByTestId('search-results')
  for (const label of ['Đoàn công tác', 'Mục chương trình', 'Luận điểm']) await expect(results.getByText(label, { exact: true })).toBeVisible()
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('search-1400x900.png') })
  await app.closeSearch()

  // 200% zoom: a 1400×900 window showing 700×450 CSS px.
  const zoomed = await browser.newContext({ viewport: { width: 700, height: 450 }, deviceScaleFactor: 2, locale: 'vi-VN' })
  const small = await zoomed.newPage()
  await small.addInitScript({ content: apiInitScript() })
  const errors: string[] = []
  small.on('pageerror', (e) => errors.push(e.message))
  const violations = await watchCspViolations(small)
  await small.goto(host.url)
  // A first start of the whole bundle in a fresh context: slower than a reload.
  await expect(small.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 })
  const smallApp = new AppPage(small)
  await firstHit(smallApp, 'yamanashi', 'Yamanashi')
  await expect(small.getByTestId('search-results').getByText('Mục chương trình', { exact: true })).toBeVisible()
  expect(await small.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth'), 'no sideways scroll').toBe(true)
  await small.screenshot({ animations: 'disabled', path: testInfo.outputPath('search-200pct.png') })
  expect(errors, 'errors thrown in the page').toEqual([])
  expect(violations, 'Content-Security-Policy violations').toEqual([])
  await zoomed.close()

  await page.evaluate(() => localStorage.setItem('lang', 'en'))
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview')
  await firstHit(app, 'yamanashi', 'Yamanashi')
  for (const label of ['Delegations', 'Programme items', 'Talking points']) await expect(results.getByText(label, { exact: true })).toBeVisible()
})
