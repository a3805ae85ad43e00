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

  await page.getByTestId('nav-import').click()
  await page.getByRole('radio', { name: 'Văn kiện' }).check({ force: true })
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
