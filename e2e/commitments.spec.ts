import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { expect, test } from './fixtures.ts'

test('the commitments register: filtered, sorted, a status changed in its row, exported as shown', async ({ app, page, host }, testInfo) => {
  await app.loadDemo()
  await page.getByTestId('nav-commitments').click()
  const rows = app.rows('commitments-table')
  // The sample data's five commitments of agreements, and four arising from the Yamanashi trip's meetings.
  await expect(rows).toHaveCount(9)
  // By owner.
  await page.getByTestId('commitments-owner').click()
  await page.getByRole('option', { name: 'Hai tỉnh' }).click()
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Tiếp tục trao đổi')
  // The filters are the page's own: coming back shows everything again.
  await app.goto('home')
  await page.getByTestId('nav-commitments').click()
  await expect(rows).toHaveCount(9)
  // By words, without diacritics.
  await page.getByTestId('commitments-q').fill('ho tro ket noi cong nghe che bien nong san')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Đề nghị Yamanashi hỗ trợ kết nối công nghệ chế biến nông sản')
  await page.getByTestId('commitments-q').fill('')
  // Sorted by any column: the action, descending on a second press.
  await page.getByTestId('sort-action').click()
  await page.getByTestId('sort-action').click()
  await expect(rows.first()).toContainText('Tiếp tục trao đổi')
  // A status changed in its row is saved.
  const row = rows.filter({ hasText: 'Cử đại diện dự các hội nghị' })
  await row.getByTestId('commitment-status').click()
  await page.getByRole('option', { name: 'Hoàn thành' }).click()
  await expect(row).toContainText('Hoàn thành')
  await page.getByTestId('commitments-state').click()
  await page.getByRole('option', { name: 'Hoàn thành' }).click()
  await expect(rows).toHaveCount(1)
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('commitments-1400x900.png') })
  await page.getByTestId('export-commitments').click()
  await expect(page.getByText(/Đã xuất So-theo-doi-cam-ket-/)).toBeVisible()
  const folder = join(host.dataDir, 'exports')
  const file = readdirSync(folder).find((f) => f.startsWith('So-theo-doi-cam-ket-'))!
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(join(folder, file))
  expect(wb.getWorksheet('Cam kết')!.rowCount).toBe(3 + 1)
  await page.setViewportSize({ width: 700, height: 450 })
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('commitments-200pct.png') })
})
