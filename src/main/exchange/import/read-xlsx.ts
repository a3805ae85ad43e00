/**
 * .xlsx through exceljs. A formula cell reads as the value Excel saved with it; exceljs
 * shows a formula saved with an empty text ("" from an IF) just as one saved with no value
 * at all (a file written by a script, never opened in Excel), so SheetJS, which tells the
 * two apart, is asked about those cells only.
 */
import ExcelJS from 'exceljs'
import { chooseSheet, isoOf, isoOfSerial, unreadable, type CellText, type Grid, type SheetChoice } from './grid.ts'
import { readSheetJs } from './read-xls.ts'

function cellText(value: ExcelJS.CellValue): CellText {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return isoOf(value)
  if (typeof value !== 'object') return String(value)
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  // A hyperlink's text may itself be rich text, or the result of a HYPERLINK formula.
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue) ?? ''
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? null : cellText(value.result as ExcelJS.CellValue)
  // An error (#N/A, #REF!...) holds no value to import.
  return ''
}

function cellOf(cell: ExcelJS.Cell): CellText {
  // A merged range holds one value, in its first cell; the others only echo it.
  if (cell.isMerged && cell.master !== cell) return ''
  const v = cell.value
  // A date-formatted cell holding a number is an Excel serial date.
  if (typeof v === 'number' && cell.type === ExcelJS.ValueType.Date) return isoOfSerial(v)
  return cellText(v)
}

export async function readXlsx(bytes: Uint8Array, choice: SheetChoice | undefined): Promise<Grid> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw unreadable()
  }
  const sheets = wb.worksheets.map((w) => w.name)
  const ws = wb.getWorksheet(chooseSheet(sheets, choice))!
  const cells: CellText[][] = []
  const unsure: Array<[number, number]> = []
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    const row: CellText[] = []
    r.eachCell({ includeEmpty: true }, (cell, col) => {
      row[col - 1] = cellOf(cell)
      if (row[col - 1] === null) unsure.push([n - 1, col - 1])
    })
    cells[n - 1] = Array.from(row, (c) => (c === undefined ? '' : c))
  })
  if (unsure.length) {
    const saved = readSheetJs(bytes, ws.name).cells
    for (const [r, c] of unsure) cells[r]![c] = saved[r]?.[c] ?? null
  }
  return { sheets, sheet: ws.name, cells: Array.from(cells, (r) => r ?? []) }
}
