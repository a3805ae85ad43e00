/** Spreadsheets as offices have them: formulas saved with their values, or by a script without. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../cli.ts'
import { openTestCore, tempDir, type TestCore } from '../../test-support.ts'
import { commitImport, previewImport, sheetFor } from './import.ts'
import { readTable } from './read.ts'

const FORMULA_PROBLEM = 'Ô công thức chưa có giá trị — mở tệp trong Excel rồi lưu lại / formula cell without a saved value: open the file in Excel and save it again'

const dir = tempDir()
let core: TestCore
beforeAll(async () => {
  core = await openTestCore()
  await core.call('demo.load')
})
afterAll(() => core.dispose())

async function xlsx(name: string, header: string[], rows: ExcelJS.CellValue[][], sheet = 'Văn kiện'): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(sheet)
  ws.addRow(header)
  for (const r of rows) ws.addRow(r)
  const path = join(dir, name)
  await wb.xlsx.writeFile(path)
  return path
}

const table = async (path: string) => readTable(readFileSync(path), path, sheetFor('agreements'))
const agreementCount = () => Number((core.sqlite.prepare('SELECT count(*) AS n FROM agreement').get() as { n: number }).n)
const problemsByRow = (rows: Array<{ row: number; problems: Array<{ level: string; column: string | null; message: string }> }>) =>
  Object.fromEntries(rows.map((r) => [r.row, r.problems.map((p) => `${p.level} ${p.column}: ${p.message}`)]))

async function cli(...args: string[]) {
  const lines: string[] = []
  const code = await main(['--db', core.dbPath, ...args, '--json'], (s) => lines.push(s))
  return { code, report: JSON.parse(lines.join('\n')) }
}

describe('formula cells', () => {
  const HEADERS = ['Tên văn kiện', 'Ngày ký', 'Bên Việt Nam', 'Bên đối tác', 'Nội dung chính']

  it('read as the value saved with them, whatever its kind; never as "[object Object]"', async () => {
    const path = await xlsx('formulas.xlsx', HEADERS, [
      [{ formula: '"Biên bản ghi nhớ "&"về nông nghiệp"', result: 'Biên bản ghi nhớ về nông nghiệp' }, { formula: 'DATE(2024,3,1)', result: new Date(Date.UTC(2024, 2, 1)) }, 'Thanh Hóa', 'Yamanashi', { formula: 'IF(1,"","x")', result: '' }],
      [{ richText: [{ text: 'Thỏa thuận ' }, { text: 'về du lịch' }] }, { formula: 'B2+1', result: 45353 }, { text: { richText: [{ text: 'Thanh ' }, { text: 'Hóa' }] }, hyperlink: 'https://thanhhoa.gov.vn' } as never, 'Gunma', { formula: 'NA()', result: { error: '#N/A' } }],
      [{ sharedFormula: 'A2', result: 'Biên bản ghi nhớ về nông nghiệp (bản sao)' }, '02/03/2024', { text: 'Thanh Hóa', hyperlink: 'https://thanhhoa.gov.vn' }, 'Gunma', { formula: 'TRUE()', result: true }],
    ])
    const preview = await previewImport(core.db, await table(path), 'agreements')
    expect(preview.rows.map((r) => r.values)).toEqual([
      expect.objectContaining({ titleVi: 'Biên bản ghi nhớ về nông nghiệp', signedDate: '2024-03-01', homeParty: 'Thanh Hóa', summary: '' }),
      expect.objectContaining({ titleVi: 'Thỏa thuận về du lịch', signedDate: '45353', homeParty: 'Thanh Hóa', summary: '' }),
      expect.objectContaining({ titleVi: 'Biên bản ghi nhớ về nông nghiệp (bản sao)', homeParty: 'Thanh Hóa', summary: 'true' }),
    ])
    expect(preview.rows.flatMap((r) => r.problems.filter((p) => p.level === 'error'))).toEqual([])
  })

  it('saved without a value (a file written by a script) give their row a problem, and nothing is written', async () => {
    const path = await xlsx('uncomputed.xlsx', HEADERS, [
      [{ formula: '"Văn kiện "&D2' }, '01/03/2024', 'Thanh Hóa', 'Yamanashi', ''],
      ['Văn kiện có ngày tính bằng công thức', { formula: 'DATE(2024,3,1)' }, 'Thanh Hóa', 'Gunma', { formula: 'A2' }],
      ['Văn kiện đầy đủ', '01/03/2024', 'Thanh Hóa', 'Gunma', ''],
    ])
    const preview = await previewImport(core.db, await table(path), 'agreements')
    const problems = problemsByRow(preview.rows)
    // The empty title is no "missing title": the cell holds a formula whose value is unknown.
    expect(problems[2]).toEqual([`error Tên văn kiện: ${FORMULA_PROBLEM}`])
    expect(problems[3]).toEqual([`error Ngày ký: ${FORMULA_PROBLEM}`, `error Nội dung chính: ${FORMULA_PROBLEM}`])
    expect(problems[4]).toEqual([])
    expect(JSON.stringify(preview.rows)).not.toContain('[object Object]')
    await expect(commitImport(core.ctx, preview, { 2: 'create' })).rejects.toThrow(/Còn 1 dòng có lỗi/)

    const before = agreementCount()
    const { code, report } = await cli('import', path, '--kind', 'agreements')
    expect(code).toBe(1)
    expect(report.written).toBe(false)
    expect(report.problems.filter((p: { level: string }) => p.level === 'error').map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([
      [2, 'Tên văn kiện'],
      [3, 'Ngày ký'],
      [3, 'Nội dung chính'],
    ])
    expect(agreementCount()).toBe(before)
  })

  it('saved without a value in a column not imported change nothing', async () => {
    const path = await xlsx('unused-formula.xlsx', ['Tên văn kiện', 'Bên Việt Nam', 'Cột tính'], [['Văn kiện có cột phụ', 'Thanh Hóa', { formula: 'LEN(A2)' }]])
    const preview = await previewImport(core.db, await table(path), 'agreements')
    expect(preview.rows[0]?.problems).toEqual([])
  })
})
