import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { toTCVN3 } from 'vietnamese-conversion'
import { expect, test } from './fixtures.ts'

test('an officer imports an old TCVN3 sheet of agreements through the wizard', async ({ app, page, host }) => {
  await app.loadDemo()
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Sổ văn kiện')
  const tcvn = (s: string) => toTCVN3(s, 'unicode')
  ws.addRow(['Tên văn kiện', 'Loại văn kiện', 'Ngày ký', 'Tỉnh', 'Đối tác'].map(tcvn))
  ws.addRow([tcvn('Biên bản ghi nhớ về du lịch với tỉnh Yamanashi'), tcvn('Biên bản'), '12/03/2024', tcvn('Thanh Hóa'), 'Yamanashi'])
  ws.addRow([tcvn('Văn kiện có ngày sai'), 'MOU', '31/02/2025', tcvn('Thanh Hóa'), 'Gunma'])
  ws.addRow([tcvn('Văn kiện với tỉnh không có'), 'MOU', '01/03/2024', tcvn('Tỉnh Không Có'), 'Gunma'])
  const file = join(host.dataDir, 'so-van-kien-cu.xlsx')
  await wb.xlsx.writeFile(file)
  host.filesToOpen.spreadsheetToOpen = file

  await app.openImport('Văn kiện')
  await page.getByTestId('choose-file').click()
  await expect(page.getByTestId('encoding-alert')).toContainText('TCVN3')
  await expect(page.getByTestId('encoding-alert')).toContainText('Biên bản ghi nhớ về du lịch với tỉnh Yamanashi')
  await page.getByTestId('convert-encoding').click()
  await expect(page.getByTestId('mapping').getByRole('combobox', { name: /^Tên văn kiện/ })).toHaveValue('Tên văn kiện')

  const problems = page.getByTestId('row-problems')
  await expect(problems.nth(1)).toContainText('“31/02/2025” không phải ngày hợp lệ')
  await expect(problems.nth(2)).toContainText('Không tìm thấy “Tỉnh Không Có”')
  const before = await app.agreementCount()
  await page.getByTestId('commit-import').click()
  await expect(page.getByTestId('import-done')).toContainText('1 mới')
  expect(await app.agreementCount()).toBe(before + 1)

  const hits = await app.search('bien ban ghi nho ve du lich')
  await expect(hits.first()).toContainText('Biên bản ghi nhớ về du lịch với tỉnh Yamanashi')
})

test('the register comes back from a department with a commitment done, and one click updates it', async ({ app, page, host }) => {
  await app.loadDemo()
  await app.goto('agreements')
  await page.getByTestId('export-register').click()
  await expect(page.getByTestId('register-written')).toBeVisible()
  const exports = join(host.dataDir, 'exports')
  const file = join(exports, readdirSync(exports).find((f) => f.endsWith('.xlsx'))!)

  // The department marks one commitment done in Excel and sends the file back.
  const invite = 'Mời lãnh đạo tỉnh Yamanashi thăm Thanh Hóa, dự Hội nghị Xúc tiến đầu tư Thanh Hóa năm 2026 và các sự kiện văn hóa – thương mại'
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  wb.getWorksheet('Cam kết')!.eachRow((row) => {
    if (row.getCell(4).value === invite) row.getCell(7).value = 'Hoàn thành'
  })
  const returned = join(host.dataDir, 'so-van-kien-da-cap-nhat.xlsx')
  await wb.xlsx.writeFile(returned)
  host.filesToOpen.spreadsheetToOpen = returned

  await app.openImport('Cam kết')
  await page.getByTestId('choose-file').click()
  // The commitments sheet is picked by its name, its columns by their headers.
  await expect(page.getByRole('combobox', { name: 'Trang tính' })).toHaveValue('Cam kết')
  await expect(page.getByTestId('mapping').getByRole('combobox', { name: /^Nội dung cam kết/ })).toHaveValue('Nội dung')
  await expect(page.getByTestId('import-rows')).toContainText('Giống hệt bản ghi đã có; không có gì để cập nhật')
  await expect(page.getByTestId('update-hint')).toContainText('Cập nhật chỉ ghi các cột đã ghép')
  await page.getByTestId('update-all').click()
  await expect(page.getByTestId('commit-import')).toHaveText('Nhập 1 dòng')
  await page.getByTestId('commit-import').click()
  await expect(page.getByTestId('import-done')).toContainText('1 cập nhật')
  // The four rows that already matched their records are "unchanged", not "skipped".
  await expect(page.getByTestId('import-done')).toContainText('4 không đổi, 0 bỏ qua')

  const statuses = await host.core.db.selectFrom('commitment').select(['action', 'status']).execute()
  expect(statuses.filter((c) => c.status === 'done').map((c) => c.action)).toEqual([invite])
})

test('a sheet whose UTF-8 text was read as Windows-1252 is shown before and after, and repaired', async ({ app, page, host }) => {
  await app.loadDemo()
  const garble = (s: string) => new TextDecoder('windows-1252').decode(new TextEncoder().encode(s))
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Văn kiện')
  ws.addRow(['Tên văn kiện', 'Loại văn kiện', 'Ngày ký', 'Tỉnh', 'Đối tác'].map(garble))
  ws.addRow([garble('Thỏa thuận hợp tác nông nghiệp với tỉnh Yamanashi'), garble('Thỏa thuận hợp tác'), '20/05/2024', garble('Thanh Hóa'), 'Yamanashi'])
  const file = join(host.dataDir, 'van-kien-loi-bang-ma.xlsx')
  await wb.xlsx.writeFile(file)
  host.filesToOpen.spreadsheetToOpen = file

  await app.openImport('Văn kiện')
  await page.getByTestId('choose-file').click()
  const alert = page.getByTestId('encoding-alert')
  await expect(alert).toContainText('UTF-8 đọc nhầm thành Windows-1252')
  await expect(alert).toContainText('TÃªn vÄƒn kiá»‡n')
  await expect(alert).toContainText('Tên văn kiện')
  await page.getByTestId('convert-encoding').click()
  await expect(page.getByTestId('mapping').getByRole('combobox', { name: /^Tên văn kiện/ })).toHaveValue('Tên văn kiện')
  await page.getByTestId('commit-import').click()
  await expect(page.getByTestId('import-done')).toContainText('1 mới')
  const hits = await app.search('thoa thuan hop tac nong nghiep voi tinh yamanashi')
  await expect(hits.first()).toContainText('Thỏa thuận hợp tác nông nghiệp với tỉnh Yamanashi')
})

test('an Excel 97-2003 .xls opens in the wizard like an .xlsx', async ({ app, page, host }) => {
  await app.loadDemo()
  host.filesToOpen.spreadsheetToOpen = join(import.meta.dirname, '..', 'src', 'main', 'exchange', 'import', 'fixtures', 'agreements-97.xls')
  await app.openImport('Văn kiện')
  await page.getByTestId('choose-file').click()
  await expect(page.getByRole('combobox', { name: 'Trang tính' })).toHaveValue('Văn kiện')
  await expect(page.getByTestId('import-rows')).toContainText('Biên bản ghi nhớ hợp tác du lịch Thanh Hóa – Yamanashi')
  await expect(page.getByTestId('commit-import')).toHaveText('Nhập 2 dòng')
})
