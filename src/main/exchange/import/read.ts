/**
 * Reading a spreadsheet into rows of text: .xlsx through exceljs, .csv (UTF-8, with or
 * without BOM) by a small RFC 4180 reader. Dates come out as ISO strings, whatever the
 * cell held: an Excel date, an Excel serial number, or text.
 */
import ExcelJS from 'exceljs'
import { AppError } from '../../errors.ts'

export interface Table {
  sheets: string[]
  sheet: string
  /** The first row with two or more filled cells holds the headers. */
  headers: string[]
  /** Data rows with their row number in the file (1-based, as Excel shows it). */
  rows: Array<{ row: number; cells: string[] }>
}

const isoOf = (d: Date) => d.toISOString().slice(0, 10)

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return isoOf(value)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('error' in value) return ''
  }
  return String(value)
}

/** RFC 4180: quoted fields with "" escapes and line breaks, comma or semicolon separated. */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '')
  const firstLine = body.slice(0, body.indexOf('\n') >>> 0)
  const sep = (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ';' : ','
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"' && field === '') quoted = true
    else if (c === sep) {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

function toTable(sheets: string[], sheet: string, grid: string[][]): Table {
  const numbered = grid.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.normalize('NFC').trim()) }))
  // The headers are the first row with two or more cells: a report's title row above them
  // (one merged cell, as the register exported by this app has) is not a header.
  const filled = (r: { cells: string[] }) => r.cells.filter(Boolean).length
  let headerAt = numbered.findIndex((r) => filled(r) >= 2)
  if (headerAt < 0) headerAt = numbered.findIndex((r) => filled(r) > 0)
  if (headerAt < 0) return { sheets, sheet, headers: [], rows: [] }
  const headers = numbered[headerAt]!.cells
  const rows = numbered.slice(headerAt + 1).filter((r) => r.cells.some(Boolean))
  return { sheets, sheet, headers, rows }
}

/** The sheet to read: by name, or chosen from the workbook's sheet names (the first when none is chosen). */
export type SheetChoice = string | ((sheets: string[]) => string | undefined)

export async function readTable(bytes: Uint8Array, fileName: string, sheet?: SheetChoice): Promise<Table> {
  if (/\.csv$/i.test(fileName)) {
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      throw new AppError('invalid_input', 'Tệp .csv không ở dạng UTF-8. Hãy lưu lại tệp với “CSV UTF-8”. / The .csv is not UTF-8.')
    }
    return toTable(['CSV'], 'CSV', parseCsv(text))
  }
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new AppError('invalid_input', 'Tệp Excel bị hỏng hoặc không phải tệp .xlsx; không đọc được. / The .xlsx file is damaged or not an .xlsx.')
  }
  const sheets = wb.worksheets.map((w) => w.name)
  const sheetName = typeof sheet === 'function' ? sheet(sheets) : sheet
  const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0]
  if (!ws) throw new AppError('invalid_input', `Không có trang tính “${sheetName ?? ''}”. / No such sheet.`)
  const grid: string[][] = []
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    const cells: string[] = []
    r.eachCell({ includeEmpty: true }, (cell, col) => {
      // A date-formatted cell holding a number is an Excel serial date.
      const v = cell.value
      // A merged range holds one value, in its first cell; the others only echo it.
      if (cell.isMerged && cell.master !== cell) cells[col - 1] = ''
      else cells[col - 1] = typeof v === 'number' && cell.type === ExcelJS.ValueType.Date ? isoOf(new Date(Date.UTC(1899, 11, 30) + v * 86_400_000)) : cellText(v)
    })
    grid[n - 1] = Array.from(cells, (c) => c ?? '')
  })
  return toTable(sheets, ws.name, Array.from(grid, (r) => r ?? []))
}
