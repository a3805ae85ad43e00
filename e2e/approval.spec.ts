import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import mammoth from 'mammoth'
import { expect, test } from './fixtures.ts'
import { DEMO_TRIP, openRoute } from './routes.ts'

// Sample load, Settings, the builder and an export: more than a minute on a busy machine.
test.describe.configure({ timeout: 180_000 })

test('an officer sets the signer, builds the demo approval request as a plan and exports it', async ({ app, page, host }, testInfo) => {
  await app.loadDemo()
  await app.goto('settings')
  const section = page.getByTestId('approval-settings')
  await section.getByTestId('approval-signer-name').fill('Nguyễn Văn Minh')
  await section.getByTestId('save-approval-office').click()
  await expect(section.getByTestId('rates-table')).toContainText('Lãnh đạo sở, ngành')
  await expect(section.getByTestId('exchange-USD')).toHaveValue('26.000')
  await page.screenshot({ animations: 'disabled', fullPage: true, path: testInfo.outputPath('approval-settings-1400x900.png') })

  await openRoute(page, `/trips/${DEMO_TRIP}`)
  await page.getByTestId('open-approval').click()
  const preview = page.getByTestId('approval-preview')
  await expect(page.getByTestId('approval-number')).toHaveText('Số: …/TTr-SNgV')
  await expect(preview).toContainText('Tổng dự toán: 314.860.000 đồng.')
  await expect(page.getByTestId('approval-signature')).toContainText('Nguyễn Văn Minh')
  await page.getByTestId('approval-number-input').fill('125')
  await expect(page.getByTestId('approval-number')).toHaveText('Số: 125/TTr-SNgV')
  await page.getByTestId('approval-kind').getByText('Kế hoạch').click()
  await expect(page.getByTestId('approval-number')).toHaveText('Số: 125/KH-SNgV')
  await expect(preview).toContainText('V. TỔ CHỨC THỰC HIỆN')
  // The interpreter's rank cleared: listed as missing, and the total drops by 47.320.000 đồng.
  await page.getByRole('combobox', { name: 'Hạng định mức: Phiên dịch tiếng Nhật' }).click()
  await page.getByRole('option', { name: 'Chưa chọn hạng' }).click()
  await expect(preview).toContainText('Tổng dự toán: 267.540.000 đồng (chưa gồm các khoản chưa có định mức nêu dưới đây).')
  await expect(page.getByTestId('approval-warnings')).toContainText('Chưa chọn hạng định mức cho thành viên (Phiên dịch tiếng Nhật).')
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('approval-1400x900.png') })

  await page.getByTestId('export-approval').click()
  await expect(page.getByTestId('approval-exported')).toContainText('Ke-hoach-')
  const folder = join(host.dataDir, 'exports')
  const [file] = readdirSync(folder).filter((f) => f.startsWith('Ke-hoach-'))
  const text = (await mammoth.extractRawText({ path: join(folder, file!) })).value.normalize('NFC')
  expect(text).toContain('KẾ HOẠCH')
  expect(text).toContain('Số: 125/KH-SNgV')
  expect(text).toContain('267.540.000')
  expect(text).toContain('Nguyễn Văn Minh')
  const exports = await app.call('briefs.exports', { tripId: DEMO_TRIP })
  expect(exports.map((e) => e.document)).toContain('approval')
})

test('a rate sheet with a bad row is refused row by row and the table stays as it was', async ({ app, page, host }) => {
  await app.loadDemo()
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Định mức')
  ws.addRow(['Quốc gia', 'Hạng', 'Tiền tệ', 'Vé máy bay', 'Phụ cấp lưu trú', 'Tiền thuê phòng'])
  ws.addRow(['JP', 'Chuyên viên', 'USD', 1100, 65, 140])
  ws.addRow(['JP', 'Lãnh đạo tỉnh', 'USD', 'một nghìn', 80, 180])
  const file = join(host.dataDir, 'dinh-muc-sai.xlsx')
  await wb.xlsx.writeFile(file)
  host.filesToOpen.spreadsheetToOpen = file
  await app.goto('settings')
  const section = page.getByTestId('approval-settings')
  await section.getByTestId('import-rates').click()
  await expect(section.getByTestId('form-error')).toContainText('bảng định mức chưa thay đổi')
  await expect(section.getByTestId('form-error-list')).toContainText('Dòng 3, vé máy bay: Phải là số')
  // The sample rate of the officer (1.000 USD) is still there.
  await expect(section.getByTestId('rates-table')).toContainText('1.000')
  await expect(section.getByTestId('rates-table')).not.toContainText('1.100')
})

test.describe('at 200 %', () => {
  test.use({ viewport: { width: 700, height: 450 }, deviceScaleFactor: 2 })
  test('the builder and its preview fit', async ({ app, page }, testInfo) => {
    await app.loadDemo()
    await openRoute(page, `/trips/${DEMO_TRIP}/approval`)
    await expect(page.getByTestId('approval-preview')).toContainText('TỜ TRÌNH')
    await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('approval-200pct.png') })
    await openRoute(page, '/settings')
    await page.getByTestId('approval-settings').scrollIntoViewIfNeeded()
    await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('approval-settings-200pct.png') })
  })
})
