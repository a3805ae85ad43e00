/**
 * Reading a spreadsheet into rows of text: .xlsx through exceljs, Excel 97-2003 .xls through
 * SheetJS, .csv (UTF-8, with or without BOM) by a small RFC 4180 reader. The format is told
 * by the file's first bytes (an .xls renamed .xlsx still reads), the name only for a .csv.
 * Dates come out as ISO strings, whatever the cell held: an Excel date, an Excel serial
 * number, or text. A formula cell reads as the value saved with it.
 */
import { AppError } from '../../errors.ts'
import { unreadable, type Grid, type SheetChoice } from './grid.ts'
import { readSheetJs } from './read-xls.ts'
import { readXlsx } from './read-xlsx.ts'

export type { SheetChoice } from './grid.ts'

export interface Table {
  sheets: string[]
  sheet: string
  /** The first row with two or more filled cells holds the headers. */
  headers: string[]
  /**
   * Data rows with their row number in the file (1-based, as Excel shows it); `uncomputed`:
   * the columns whose cell is a formula saved without its value (read as empty).
   */
  rows: Array<{ row: number; cells: string[]; uncomputed?: number[] }>
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

function toTable({ sheets, sheet, cells: grid }: Grid): Table {
  const numbered = grid.map((cells, i) => {
    const uncomputed = cells.flatMap((c, col) => (c === null ? [col] : []))
    const text = cells.map((c) => (c ?? '').normalize('NFC').trim())
    return { row: i + 1, cells: text, ...(uncomputed.length && { uncomputed }) }
  })
  // The headers are the first row with two or more cells: a report's title row above them
  // (one merged cell, as the register exported by this app has) is not a header.
  const filled = (r: { cells: string[] }) => r.cells.filter(Boolean).length
  let headerAt = numbered.findIndex((r) => filled(r) >= 2)
  if (headerAt < 0) headerAt = numbered.findIndex((r) => filled(r) > 0)
  if (headerAt < 0) return { sheets, sheet, headers: [], rows: [] }
  const headers = numbered[headerAt]!.cells
  // A row whose only cells are formulas without values is kept: it says what it lacks.
  const rows = numbered.slice(headerAt + 1).filter((r) => r.cells.some(Boolean) || r.uncomputed)
  return { sheets, sheet, headers, rows }
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const ZIP = [0x50, 0x4b, 0x03, 0x04]
const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b)

function readCsv(bytes: Uint8Array): Grid {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new AppError('csv_not_utf8')
  }
  return { sheets: ['CSV'], sheet: 'CSV', cells: parseCsv(text) }
}

export async function readTable(bytes: Uint8Array, fileName: string, sheet?: SheetChoice): Promise<Table> {
  // Excel 97-2003 is an OLE compound file, .xlsx a zip; whatever the name says.
  if (startsWith(bytes, OLE)) return toTable(readSheetJs(bytes, sheet))
  if (startsWith(bytes, ZIP)) return toTable(await readXlsx(bytes, sheet))
  if (/\.csv$/i.test(fileName)) return toTable(readCsv(bytes))
  throw unreadable()
}
