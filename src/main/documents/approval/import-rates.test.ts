import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { wordErrorBoth } from '../../../shared/messages/index.ts'
import { folderPlatform } from '../../platform.ts'
import { openTestCore, tempDir, type TestCore } from '../../test-support.ts'
import { importRates } from './import-rates.ts'

let core: TestCore
let dir: string

async function sheet(name: string, rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Định mức')
  for (const r of rows) ws.addRow(r)
  const path = join(dir, name)
  await wb.xlsx.writeFile(path)
  return path
}

const HEADER = ['Quốc gia', 'Hạng', 'Tiền tệ', 'Vé máy bay', 'Phụ cấp lưu trú', 'Tiền thuê phòng', 'Ghi chú']

beforeAll(async () => {
  dir = tempDir()
  // The file the window's "Nhập từ Excel" is given (written by the first test).
  core = await openTestCore({ platform: folderPlatform(dir, { spreadsheetToOpen: join(dir, 'dinh-muc.xlsx') }) })
})
afterAll(() => core.dispose())

describe('importing the rate table from .xlsx', () => {
  it('replaces the table with the rows of a good file, country names and Vietnamese numbers read', async () => {
    await core.call('approval.createRate', { country: 'KR', rank: 'Cũ', currency: 'USD', airfare: 1, perDiem: 1, lodging: 1 })
    const path = await sheet('dinh-muc.xlsx', [
      HEADER,
      ['JP', 'Lãnh đạo tỉnh', 'USD', 1500, 80, 180, 'Thông tư 102'],
      ['Nhật Bản', 'Chuyên viên', 'VND', '25.000.000', '1.500.000', '', null],
      [],
      ['Japan', 'Lãnh đạo sở, ngành', 'usd', '1000', '70,5', 150],
    ])
    expect(path).toBe(join(dir, 'dinh-muc.xlsx'))
    expect(await core.call('approval.importRates')).toEqual({ imported: 3 })
    const { rates, ranks } = await core.call('approval.settings')
    expect(rates.map((x) => [x.country, x.rank, x.currency, x.airfare, x.perDiem, x.lodging])).toEqual([
      ['JP', 'Chuyên viên', 'VND', 25_000_000, 1_500_000, null],
      ['JP', 'Lãnh đạo sở, ngành', 'USD', 1000, 70.5, 150],
      ['JP', 'Lãnh đạo tỉnh', 'USD', 1500, 80, 180],
    ])
    expect(ranks).toEqual(['Chuyên viên', 'Lãnh đạo sở, ngành', 'Lãnh đạo tỉnh'])
  })

  it('refuses a file with bad rows, naming each by row and column, and changes nothing', async () => {
    const before = await core.call('approval.settings')
    const path = await sheet('sai.xlsx', [
      HEADER,
      ['JP', 'Lãnh đạo tỉnh', 'USD', 1600, 85, 190],
      ['Xứ Sở', 'Chuyên viên', 'USD', 1000, 60, 130],
      ['JP', '', 'đô', -5, 'sáu mươi', 130],
      ['JP', 'Lãnh đạo tỉnh', 'USD', 1, 1, 1],
    ])
    const e = await importRates(core.ctx, path).catch((x: unknown) => x as { reason: string; details: Array<{ field: string; code: string }> })
    expect(e).toMatchObject({ reason: 'rates_import_invalid' })
    expect((e as { details: Array<{ field: string; code: string }> }).details.map((d) => `${d.field} ${d.code}`)).toEqual([
      '3:country country_code',
      '4:rank required',
      '4:currency currency_code',
      '4:airfare negative',
      '4:perDiem must_be_number',
      '5:rank rate_repeated',
    ])
    expect(wordErrorBoth({ reason: 'rates_import_invalid', params: { name: 'sai.xlsx', count: 6 } })).toContain('bảng định mức chưa thay đổi')
    expect(await core.call('approval.settings')).toEqual(before)
  })

  it('refuses a sheet without the columns it needs, or not a spreadsheet at all, and changes nothing', async () => {
    const before = await core.call('approval.settings')
    const path = await sheet('thieu-cot.xlsx', [['Quốc gia', 'Hạng', 'Vé máy bay'], ['JP', 'Chuyên viên', 1000]])
    await expect(importRates(core.ctx, path)).rejects.toMatchObject({ reason: 'rates_import_columns', params: { columns: ['currency', 'perDiem', 'lodging'] } })
    const { writeFileSync } = await import('node:fs')
    writeFileSync(join(dir, 'khong-phai.xlsx'), 'not a workbook')
    await expect(importRates(core.ctx, join(dir, 'khong-phai.xlsx'))).rejects.toMatchObject({ reason: 'not_a_spreadsheet' })
    expect(await core.call('approval.settings')).toEqual(before)
  })

  it('keeps amounts whole on either database (double precision, not float4)', async () => {
    await core.call('approval.createRate', { country: 'LA', rank: 'Lãnh đạo tỉnh', currency: 'VND', airfare: 987_654_321, perDiem: 2_345_678.5, lodging: null })
    expect((await core.call('approval.settings')).rates.find((r) => r.country === 'LA')).toMatchObject({ airfare: 987_654_321, perDiem: 2_345_678.5, lodging: null })
  })
})
