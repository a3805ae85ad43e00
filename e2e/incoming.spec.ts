/**
 * A delegation received: the trips list and the calendar mark it, its page shows our hosts,
 * and its programme for the other side is previewed in Japanese and exported.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import mammoth from 'mammoth'
import { expect, test } from './fixtures.ts'

const VISIT = '01936d00-0000-7000-8000-000700000002'
const shots = process.env.HANH_TRANG_SHOTS
// The sample data, a build of the page and a .docx on a machine shared with others.
test.describe.configure({ timeout: 180_000 })

test('an officer previews the Japanese programme of the Yamanashi visit and exports it', async ({ app, page, host }) => {
  await app.loadDemo()
  await page.getByTestId('nav-trips').click()
  // Both directions are listed, each marked; the filter keeps the visits received.
  await expect(page.getByTestId('trip-direction-badge')).toHaveText(['Đoàn ra', 'Đoàn vào'])
  await page.getByTestId('trip-direction-filter').getByText('Đoàn vào').click()
  await expect(app.rows('trips-table')).toHaveCount(1)
  if (shots) await page.screenshot({ path: join(shots, 'trips.png') })
  await app.rows('trips-table').first().click()
  await expect(page.getByTestId('trip-title')).toContainText('Đón đoàn công tác tỉnh Yamanashi')
  await expect(page.getByTestId('hosts-table')).toContainText('Cao Văn Cường')
  await expect(page.getByTestId('hosts-table')).toContainText('Chủ trì tiếp đoàn')
  if (shots) await page.screenshot({ path: join(shots, 'trip.png'), fullPage: true })

  await page.getByTestId('open-programme').click()
  const preview = page.getByTestId('programme-preview')
  await expect(preview).toContainText('山梨県代表団 Thanh Hóa省訪問日程')
  await expect(page.getByTestId('programme-day-heading')).toHaveText(['2026年11月26日（木）', '2026年11月27日（金）', '2026年11月28日（土）'])
  await expect(page.getByTestId('programme-warnings')).toContainText('Mọi nội dung đã có bằng ngôn ngữ của tài liệu.')
  if (shots) await page.screenshot({ path: join(shots, 'programme-ja.png'), fullPage: true })
  await page.getByTestId('programme-language').getByText('English').click()
  await expect(preview).toContainText('PROGRAMME OF THE VISIT OF THE DELEGATION OF YAMANASHI PREFECTURE TO THANH HÓA PROVINCE')
  await expect(page.getByTestId('programme-day-heading').first()).toHaveText('Thursday, 26 November 2026')
  await page.getByTestId('programme-language').getByText('日本語').click()
  await page.getByTestId('export-programme').click()
  await expect(page.getByTestId('programme-exported')).toContainText('Programme-Yamanashi-Thanh-Hoa-2026-ja.docx')
  const folder = join(host.dataDir, 'exports')
  expect(readdirSync(folder)).toContain('Programme-Yamanashi-Thanh-Hoa-2026-ja.docx')
  const text = (await mammoth.extractRawText({ path: join(folder, 'Programme-Yamanashi-Thanh-Hoa-2026-ja.docx') })).value
  expect(text).toContain('2026年11月27日（金）')
})

test('the trip form offers both directions and our hosts for a visit in; the calendar marks it', async ({ app, page }) => {
  await app.loadDemo()
  await page.goto(`${page.url().split('#')[0]}#/calendar?month=2026-11`)
  await expect(page.getByTestId('calendar-list')).toContainText('Đoàn công tác · Đoàn vào')
  await page.getByTestId('calendar-direction-filter').getByText('Đoàn ra').click()
  await expect(page.locator('main').getByText('Đón đoàn công tác tỉnh Yamanashi')).toHaveCount(0)
  if (shots) await page.screenshot({ path: join(shots, 'calendar.png'), fullPage: true })

  await page.goto(`${page.url().split('#')[0]}#/trips/${VISIT}`)
  await page.getByRole('button', { name: 'Sửa' }).first().click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByTestId('trip-direction')).toBeVisible()
  await expect(dialog.getByTestId('hosts')).toBeVisible()
  await expect(dialog.getByText('Đoàn đến từ')).toBeVisible()
  if (shots) await page.screenshot({ path: join(shots, 'trip-form.png') })
  // Sent instead: the hosts give way to the delegation's own members.
  await dialog.getByTestId('trip-direction').getByText('Đoàn ra').click()
  await expect(dialog.getByTestId('hosts')).toHaveCount(0)
  await expect(dialog.getByText('Nơi đến', { exact: true })).toBeVisible()
})

test.describe('at 200 %', () => {
  test.use({ viewport: { width: 700, height: 450 }, deviceScaleFactor: 2 })
  test('the programme page and the trips list do not scroll sideways', async ({ app, page }) => {
    await app.loadDemo()
    for (const [path, name] of [[`/trips/${VISIT}/programme`, 'programme-zoom.png'], ['/trips', 'trips-zoom.png'], [`/trips/${VISIT}`, 'trip-zoom.png']] as const) {
      await page.evaluate(`location.hash = ${JSON.stringify(path)}`)
      await expect(page.locator('main h1')).toBeVisible()
      if (path.endsWith('programme')) await expect(page.getByTestId('programme-preview')).toBeVisible()
      const overflow = (await page.evaluate('(() => { const e = document.scrollingElement; return e.scrollWidth - e.clientWidth })()')) as number
      expect(overflow, path).toBe(0)
      if (shots) await page.screenshot({ path: join(shots, name) })
    }
  })
})
