/**
 * The smaller things an officer notices: the sample data is loaded only after a question
 * and can be taken back out, leaving what the officer typed; the change log names each
 * record, gives dd/MM/yyyy HH:mm, folds a sample load into one line and opens the record
 * of a row; an empty list says so and offers what to do; the brief preview's edit buttons
 * show without hovering.
 *
 * Screenshots at 1400×900 and at 200 % zoom (700×450 CSS px) go to test-results.
 */
import type { Page, TestInfo } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const SIZES = [
  ['1400x900', { width: 1400, height: 900 }],
  ['200pct', { width: 700, height: 450 }],
] as const

/** The page at both sizes, for a look (whether a page scrolls sideways at 200 % is e2e/zoom's question). */
async function shots(page: Page, testInfo: TestInfo, name: string) {
  for (const [size, viewport] of SIZES) {
    await page.setViewportSize(viewport)
    await page.screenshot({ animations: 'disabled', path: testInfo.outputPath(`${name}-${size}.png`) })
  }
  await page.setViewportSize(SIZES[0][1])
}

test('the sample data asks first, shows as one line in the change log, and goes again leaving what the officer typed', async ({ app, page }, testInfo) => {
  testInfo.setTimeout(testInfo.timeout * 3)
  await page.setViewportSize(SIZES[0][1])

  // An empty register says so, with the first record and the sample data on offer.
  await app.goto('agreements')
  const empty = page.getByTestId('empty-state')
  await expect(empty).toContainText('Chưa có văn kiện nào.')
  await expect(empty.getByRole('button', { name: 'Thêm văn kiện' })).toBeVisible()
  await shots(page, testInfo, 'agreements-empty')

  // Loading asks first; "Hủy" loads nothing.
  await empty.getByTestId('load-demo').click()
  await expect(app.dialog).toContainText('Nạp dữ liệu mẫu?')
  await expect(app.dialog).toContainText('Có thể gỡ dữ liệu mẫu sau trong Cài đặt.')
  await shots(page, testInfo, 'load-sample-question')
  await app.dialog.getByRole('button', { name: 'Hủy' }).click()
  await expect(app.dialog).toBeHidden()
  expect(await app.agreementCount()).toBe(0)

  await empty.getByTestId('load-demo').click()
  await app.dialog.getByRole('button', { name: 'Nạp', exact: true }).click()
  await expect(app.rows('agreements-table')).toHaveCount(3)
  const loaded = (await app.call('app.info')).counts

  // The officer's own record.
  await app.goto('organizations')
  await page.getByRole('button', { name: 'Thêm tổ chức' }).first().click()
  await app.field('Tên tiếng Việt').fill('Công ty Cổ phần Sao Việt')
  await app.saveAndClose()

  // The change log: the officer's row names its record and opens it; the load is one line.
  await app.goto('settings')
  const log = page.getByTestId('audit-log')
  const own = log.getByTestId('audit-row').filter({ hasText: 'Công ty Cổ phần Sao Việt' })
  await expect(own).toContainText('Tổ chức: Công ty Cổ phần Sao Việt')
  await expect(own.locator('td').first()).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)
  const load = log.getByTestId('audit-row').filter({ hasText: 'Dữ liệu mẫu:' })
  await expect(load).toHaveCount(1)
  await expect(load).toContainText('Nạp')
  await expect(load).toContainText(/Dữ liệu mẫu: \d+ bản ghi/)
  await expect(log.getByTestId('audit-row')).toHaveCount(2)
  // Unfolded, it lists what the load wrote, each row opening its record.
  await load.getByTestId('audit-sample-toggle').click()
  await expect(load.getByTestId('audit-sample-toggle')).toHaveAttribute('aria-expanded', 'true')
  const sample = log.getByTestId('audit-sample-row')
  await expect(sample.filter({ hasText: 'Văn kiện:' }).first()).toBeVisible()
  expect(await sample.count()).toBeGreaterThan(40)
  await log.scrollIntoViewIfNeeded()
  await shots(page, testInfo, 'audit-log')
  await load.getByTestId('audit-sample-toggle').click()
  await expect(sample).toHaveCount(0)
  await own.click()
  await expect(page.getByRole('heading', { name: 'Công ty Cổ phần Sao Việt' })).toBeVisible()

  // Taking the sample data back out asks too, and leaves the officer's record.
  await app.goto('settings')
  await page.getByTestId('remove-demo').click()
  await expect(app.dialog).toContainText('Gỡ dữ liệu mẫu?')
  await app.dialog.getByRole('button', { name: 'Gỡ', exact: true }).click()
  await expect(app.dialog).toBeHidden()
  await expect(page.getByText(/Đã gỡ dữ liệu mẫu: xóa \d+ bản ghi/)).toBeVisible()
  const after = (await app.call('app.info')).counts
  expect(after).toMatchObject({ agreements: 0, people: 0, engagements: 0 })
  expect(after.organizations).toBeLessThan(loaded.organizations)
  expect((await app.call('organizations.list')).map((o) => o.nameVi)).toContain('Công ty Cổ phần Sao Việt')
  await expect(log.getByTestId('audit-row').filter({ hasText: 'Dữ liệu mẫu:' })).toHaveCount(2)
  await expect(log.getByTestId('audit-row').first()).toContainText('Gỡ')
  // The sample data can be loaded again from Settings.
  await expect(page.getByTestId('load-demo')).toBeVisible()
})

test("the brief preview's edit buttons show without hovering", async ({ app, page }, testInfo) => {
  testInfo.setTimeout(testInfo.timeout * 2)
  await app.loadDemo()
  await app.goto('trips')
  await app.rows('trips-table').first().click()
  await page.getByTestId('open-brief').click()
  const block = page.locator('[data-block$=".talkingPoints"]').first()
  await expect(block).toBeVisible()
  // The pointer is elsewhere: the button is there to see all the same.
  await page.mouse.move(0, 0)
  const edit = block.getByRole('button', { name: /Sửa đoạn này/ })
  await expect(edit).toBeVisible()
  await expect(block.locator('.brief-block-tools')).toHaveCSS('opacity', '1')
  await block.scrollIntoViewIfNeeded()
  await shots(page, testInfo, 'brief-preview')
})
