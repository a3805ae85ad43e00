/**
 * Issue 14 (outcomes, the post-trip report, gifts) on the sample data, on 20/12/2026: the
 * Yamanashi trip came back on 11/12, its report is due on 26/12. The officer records a
 * commitment from a meeting, records the trip in the register (twice: no duplicates),
 * writes the proposals, previews and exports the report, and notes a gift.
 */
import { rmSync } from 'node:fs'
import { expect, test as base } from './fixtures.ts'
import { startHost, type Host } from './host/server.ts'

const TRIP = '01936d00-0000-7000-8000-000700000001'
const test = base.extend<{ host: Host }>({
  host: async ({}, use) => {
    const host = await startHost({ now: () => new Date('2026-12-20T09:00:00Z') })
    await use(host)
    await host.close()
    rmSync(host.dataDir, { recursive: true, force: true })
  },
})
test.describe.configure({ timeout: 180_000 })

const shots = async (page: import('@playwright/test').Page, path: (n: string) => string, name: string) => {
  for (const [size, viewport] of [['1400x900', { width: 1400, height: 900 }], ['200pct', { width: 700, height: 450 }]] as const) {
    await page.setViewportSize(viewport)
    await page.screenshot({ animations: 'disabled', fullPage: true, path: path(`${name}-${size}.png`) })
  }
  await page.setViewportSize({ width: 1400, height: 900 })
}

test('outcomes, the register, the post-trip report and a gift', async ({ app, page, host }, testInfo) => {
  const out = (n: string) => testInfo.outputPath(n)
  await page.setViewportSize({ width: 1400, height: 900 })
  await app.loadDemo()

  // The home page: the report is due in 6 days, and opens its builder.
  await app.goto('home')
  const due = page.getByTestId('attention-trip-reports')
  await expect(due).toContainText('Hạn nộp 26/12/2026: còn 6 ngày (đoàn về ngày 11/12/2026)')
  await shots(page, out, 'home')

  // The meeting's outcomes and what arose from it.
  await page.goto(page.url().replace(/#.*$/, `#/trips/${TRIP}`))
  await page.getByTestId('programme-item').filter({ hasText: 'Làm việc với lãnh đạo tỉnh Yamanashi' }).click()
  await expect(app.dialog.getByTestId('item-outcomes')).toHaveValue(/tiến tới ký kết văn bản hợp tác chính thức/)
  const follow = app.dialog.getByTestId('item-follow-up')
  await expect(follow.getByTestId('item-commitment')).toHaveCount(2)
  await follow.getByTestId('new-commitment-action').fill('Trao đổi danh sách doanh nghiệp quan tâm')
  await follow.getByTestId('new-commitment-owner').fill('Sở Tài chính')
  await follow.getByTestId('new-commitment-due').fill('31/02/2027')
  await follow.getByTestId('add-commitment').click()
  await expect(follow.getByRole('alert')).toBeVisible()
  await expect(follow.getByTestId('item-commitment')).toHaveCount(2)
  await follow.getByTestId('new-commitment-due').fill('28/02/2027')
  await follow.getByTestId('add-commitment').click()
  await expect(follow.getByTestId('item-commitment')).toHaveCount(3)
  await expect(follow).toContainText('28/02/2027')
  await follow.scrollIntoViewIfNeeded()
  await shots(page, out, 'item-follow-up')
  await page.keyboard.press('Escape')
  await expect(app.dialog).toBeHidden()

  // "Ghi nhận vào sổ", twice: four engagements, then none more.
  await page.getByTestId('record-in-register').click()
  await expect(page.getByText('Đã ghi nhận vào sổ: 4 hoạt động mới, 0 đã có.')).toBeVisible()
  await page.getByTestId('record-in-register').click()
  await expect(page.getByText('Đã ghi nhận vào sổ: 0 hoạt động mới, 4 đã có.')).toBeVisible()

  // The builder: proposals, the preview, the export.
  await page.getByTestId('open-report').click()
  await expect(page.locator('main h1')).toHaveText('Báo cáo kết quả chuyến công tác')
  await page.getByTestId('report-proposals-input').fill('Đề nghị UBND tỉnh giao Sở Ngoại vụ chủ trì dự thảo văn bản hợp tác với tỉnh Yamanashi.')
  const preview = page.getByTestId('report-preview')
  await expect(preview.getByTestId('report-proposals')).toContainText('giao Sở Ngoại vụ chủ trì')
  await expect(preview.getByTestId('report-commitments')).toContainText('Trao đổi danh sách doanh nghiệp quan tâm')
  await expect(preview.getByTestId('report-commitments')).toContainText('28/02/2027')
  await expect(page.getByTestId('report-missing')).toContainText('Đã đủ nội dung.')
  await shots(page, out, 'report-builder')
  await page.getByTestId('export-report').click()
  await expect(page.getByTestId('report-exported')).toBeVisible()
  await app.goto('home')
  await expect(due).toContainText('Không có báo cáo nào đến hạn.')

  // A gift on Yamanashi's page.
  const yamanashi = (await host.core.db.selectFrom('locality').select('id').where('refKey', '=', 'jp-pref-19').executeTakeFirstOrThrow()).id
  await page.goto(page.url().replace(/#.*$/, `#/localities/${yamanashi}`))
  await page.getByTestId('add-gift').click()
  await app.field('Ngày').fill('08/12/2026')
  await app.field('Mô tả').fill('Bộ chén sứ Koshu')
  await app.saveAndClose()
  await expect(page.getByTestId('gifts')).toContainText('Bộ chén sứ Koshu')
  await page.getByTestId('gifts').scrollIntoViewIfNeeded()
  await shots(page, out, 'gifts')
})
