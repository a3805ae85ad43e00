/**
 * Excel 97-2003 .xls (BIFF in an OLE compound file), as office folders still hold them, read
 * through SheetJS. A formula cell reads as the value saved with it; dates come out as ISO.
 */
import * as XLSX from '@e965/xlsx'
import { AppError } from '../../errors.ts'
import { chooseSheet, isoOf, unreadable, type CellText, type Grid, type SheetChoice } from './grid.ts'

function cellText(cell: XLSX.CellObject | undefined): CellText {
  if (!cell) return ''
  // A formula saved without its value is a stub (with stubs kept) or a cell with no value.
  if (cell.f !== undefined && (cell.t === 'z' || cell.v === undefined)) return null
  if (cell.v === undefined || cell.t === 'z' || cell.t === 'e') return ''
  if (cell.v instanceof Date) return isoOf(cell.v)
  return String(cell.v)
}

function parse(bytes: Uint8Array, options: XLSX.ParsingOptions): XLSX.WorkBook {
  try {
    return XLSX.read(bytes, { type: 'buffer', dense: true, ...options })
  } catch (e) {
    if (e instanceof Error && /password/i.test(e.message)) {
      throw new AppError('password_protected')
    }
    throw unreadable()
  }
}

/** A sheet read by SheetJS: the .xls reader, and the judge of an .xlsx's formula cells. */
export function readSheetJs(bytes: Uint8Array, choice: SheetChoice | undefined): Grid {
  const sheets = parse(bytes, { bookSheets: true }).SheetNames
  if (sheets.length === 0) throw unreadable()
  const sheet = chooseSheet(sheets, choice)
  const wb = parse(bytes, { sheets: sheet, cellDates: true, cellFormula: true, sheetStubs: true, cellHTML: false, cellText: false })
  const ws = wb.Sheets[sheet]
  const data = ws?.['!data'] ?? []
  const cells: CellText[][] = Array.from(data, (row) => Array.from(row ?? [], cellText))
  // A merged range holds one value, in its first cell; the others are read as empty.
  for (const { s, e } of ws?.['!merges'] ?? []) {
    for (let r = s.r; r <= Math.min(e.r, cells.length - 1); r++) {
      const row = cells[r]!
      for (let c = r === s.r ? s.c + 1 : s.c; c <= Math.min(e.c, row.length - 1); c++) row[c] = ''
    }
  }
  return { sheets, sheet, cells }
}
