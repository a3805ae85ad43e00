/**
 * Spreadsheets as offices have them: formulas (saved with their values, or by a script
 * without), Excel 97-2003 .xls files, files whose name does not say what they are, and text
 * that went through the wrong code page.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../cli.ts'
import { openTestCore, tempDir, type TestCore } from '../../test-support.ts'
import { commitImport, previewImport, sheetFor } from './import.ts'
import { readTable } from './read.ts'
import { ImportSessions } from './sessions.ts'
import { wordProblem, type Params } from '../../../shared/messages/index.ts'

const XLS = join(import.meta.dirname, 'fixtures', 'agreements-97.xls')
const FORMULA_PROBLEM = 'Ô công thức chưa có giá trị — mở tệp trong Excel rồi lưu lại'

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
const problemsByRow = (rows: Array<{ row: number; problems: Array<{ level: string; column: string | null; code: string; field?: string; params?: Params }> }>) =>
  Object.fromEntries(rows.map((r) => [r.row, r.problems.map((p) => `${p.level} ${p.column}: ${wordProblem(p, 'vi')}`)]))

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

describe('Excel 97-2003 .xls', () => {
  const EXPECTED = [
    { titleVi: 'Biên bản ghi nhớ hợp tác du lịch Thanh Hóa – Yamanashi', kind: 'Biên bản ghi nhớ', signedDate: '2024-03-12', validFrom: '2024-03-12', homeParty: 'Thanh Hóa', partnerParty: 'Yamanashi', summary: 'Hợp tác với Yamanashi' },
    { titleVi: 'Thỏa thuận hợp tác đào tạo nguồn nhân lực', kind: 'Thỏa thuận', signedDate: '2023-12-05', validFrom: '2023-12-05', homeParty: 'Thanh Hóa', partnerParty: 'Gunma', summary: 'Hợp tác với Gunma' },
  ]

  it('reads a file saved by LibreOffice Calc: the sheet by its name, diacritics, dates and formulas by their values', async () => {
    const read = await readTable(readFileSync(XLS), XLS, sheetFor('agreements'))
    expect(read.sheets).toEqual(['Hướng dẫn', 'Văn kiện'])
    expect(read.sheet).toBe('Văn kiện')
    // The merged title above is no header row: only its first cell holds the text.
    expect(read.headers).toEqual(['Tên văn kiện', 'Loại văn kiện', 'Ngày ký', 'Hiệu lực từ', 'Bên Việt Nam', 'Bên đối tác', 'Nội dung chính'])
    const preview = await previewImport(core.db, read, 'agreements')
    expect(preview.rows.map((r) => r.row)).toEqual([3, 4])
    expect(preview.rows.map((r) => r.values)).toEqual(EXPECTED.map((e) => expect.objectContaining(e)))
    expect(preview.rows.flatMap((r) => r.problems)).toEqual([])
    expect((await readTable(readFileSync(XLS), XLS, 'Hướng dẫn')).sheet).toBe('Hướng dẫn')
    await expect(readTable(readFileSync(XLS), XLS, 'Không có')).rejects.toThrow(/Không có trang tính “Không có”/)
  })

  it('imports it from the command line', async () => {
    const before = agreementCount()
    const { code, report } = await cli('import', XLS, '--kind', 'agreements', '--sheet', 'Văn kiện')
    expect(code).toBe(0)
    expect(report).toMatchObject({ sheet: 'Văn kiện', written: true, created: 2 })
    expect(agreementCount()).toBe(before + 2)
    const id = (await core.db.selectFrom('agreement').select('id').where('titleVi', '=', EXPECTED[0]!.titleVi).executeTakeFirstOrThrow()).id
    expect(await core.call('agreements.get', { id })).toMatchObject({ signedDate: '2024-03-12', validFrom: '2024-03-12', summary: 'Hợp tác với Yamanashi' })
  })

  it('tells the format by the content: an .xls named .xlsx and an .xlsx named .xls both read', async () => {
    const renamed = join(dir, 'really-xls.xlsx')
    copyFileSync(XLS, renamed)
    expect((await table(renamed)).headers).toContain('Tên văn kiện')
    const xlsxAsXls = join(dir, 'really-xlsx.xls')
    copyFileSync(await xlsx('plain.xlsx', ['Tên văn kiện', 'Bên Việt Nam'], [['Văn kiện', 'Thanh Hóa']]), xlsxAsXls)
    expect((await table(xlsxAsXls)).rows[0]?.cells).toEqual(['Văn kiện', 'Thanh Hóa'])
  })

  it('refuses a file that is no spreadsheet, or a broken one, with a clear message', async () => {
    const message = /Tệp Excel bị hỏng hoặc không phải bảng tính \(\.xlsx, \.xls, \.csv\); không đọc được\. \/ The file is damaged or not a spreadsheet/
    for (const [name, bytes] of [
      ['notes.xlsx', Buffer.from('Đây là một ghi chú, không phải bảng tính')],
      ['notes.xls', Buffer.from('Đây là một ghi chú, không phải bảng tính')],
      ['broken.xls', readFileSync(XLS).subarray(0, 1000)],
      ['empty.xlsx', Buffer.alloc(0)],
    ] as const) {
      const path = join(dir, name)
      writeFileSync(path, bytes)
      await expect(table(path), name).rejects.toThrow(message)
    }
  })
})

describe('text through the wrong code page', () => {
  /** UTF-8 bytes shown as Windows-1252, as Excel shows a UTF-8 .csv opened as "ANSI". */
  const garble = (s: string) => new TextDecoder('windows-1252').decode(new TextEncoder().encode(s))
  const HEADERS = ['Tên tổ chức', 'Quốc gia', 'Tỉnh', 'Ghi chú']
  const ROWS = [
    ['Công ty Nông sản Phú Sĩ Hà Nội', 'JP', 'Yamanashi', 'Đối tác chế biến nông sản'],
    ['Hiệp hội Du lịch Hồ Kawaguchi', 'JP', 'Yamanashi', 'Giới thiệu tuyến du lịch “Núi Phú Sĩ” – mùa thu'],
  ]

  it('is detected in a sheet, shown before and after, and repaired on request', async () => {
    const path = await xlsx('garbled.xlsx', HEADERS.map(garble), ROWS.map((r) => r.map(garble)), 'Đối tác')
    expect((await readTable(readFileSync(path), path)).headers[0]).toBe('TÃªn tá»• chá»©c')
    const raw = await previewImport(core.db, await readTable(readFileSync(path), path), 'partners')
    expect(raw.encodingSuspected).toBe('utf8-as-cp1252')
    expect(raw.mapping.nameVi).toBeNull() // the garbled headers match nothing
    const converted = await previewImport(core.db, await readTable(readFileSync(path), path), 'partners', { encoding: 'utf8-as-cp1252' })
    expect(converted.headers).toEqual(HEADERS)
    expect(converted.rows.map((r) => [r.values.nameVi, r.values.notes])).toEqual(ROWS.map((r) => [r[0], r[3]]))
    expect(converted.rows.flatMap((r) => r.problems)).toEqual([])

    // The wizard shows what the repair does, from the cells it changes.
    const sessions = new ImportSessions()
    const { view } = await sessions.preview(core.db, sessions.open(path), 'partners', {})
    expect(view.encodingSuspected).toBe('utf8-as-cp1252')
    expect(view.encodingSample.slice(0, 2)).toEqual([
      { before: 'TÃªn tá»• chá»©c', after: 'Tên tổ chức' },
      { before: 'Quá»‘c gia', after: 'Quốc gia' },
    ])
  })

  it('is refused by the command line unless --convert, which repairs and imports it', async () => {
    const path = await xlsx('garbled-cli.xlsx', HEADERS.map(garble), [['Công ty Thương mại Đà Nẵng – Kōfu', 'JP', 'Yamanashi', 'Đối tác mới']].map((r) => r.map(garble)), 'Đối tác')
    const refused = await cli('import', path, '--kind', 'partners')
    expect(refused.code).toBe(1)
    expect(refused.report.problems[0].message).toMatch(/^Văn bản trong tệp có vẻ bị lỗi bảng mã \(UTF-8 đọc nhầm thành Windows-1252\); chạy lại với --convert/)
    const converted = await cli('import', path, '--kind', 'partners', '--convert')
    expect(converted).toMatchObject({ code: 0, report: { encoding: 'utf8-as-cp1252', written: true, created: 1 } })
    const hit = (await core.call('search.query', { q: 'thuong mai da nang kofu' })).find((h) => h.kind === 'organization')
    expect(hit?.title).toBe('Công ty Thương mại Đà Nẵng – Kōfu')
  })

  it('is detected in a UTF-8 .csv too', async () => {
    const path = join(dir, 'garbled.csv')
    writeFileSync(path, [HEADERS, ...ROWS].map((r) => r.map(garble).join(';')).join('\r\n'))
    const converted = await previewImport(core.db, await readTable(readFileSync(path), path), 'partners', { encoding: 'utf8-as-cp1252' })
    expect(converted.encodingSuspected).toBe('utf8-as-cp1252')
    expect(converted.rows.map((r) => r.values.nameVi)).toEqual(ROWS.map((r) => r[0]))
  })

  it('is not seen in a Unicode sheet with Vietnamese, French and German names', async () => {
    const path = await xlsx('genuine.xlsx', HEADERS, [...ROWS, ['Café Übersee Ã', 'DE', '', 'Société Générale; Müller & Söhne']], 'Đối tác')
    expect((await previewImport(core.db, await readTable(readFileSync(path), path), 'partners')).encodingSuspected).toBeNull()
  })
})
