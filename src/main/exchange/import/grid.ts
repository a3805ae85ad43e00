/**
 * What every spreadsheet reader hands over: the workbook's sheet names, the sheet read, and
 * its cells as text by row and column (0-based, as in the file: row 0 is Excel's row 1).
 */
import { AppError } from '../../errors.ts'

/** A cell's text, or null for a formula cell saved without its value (no reader can know it). */
export type CellText = string | null

export interface Grid {
  sheets: string[]
  sheet: string
  cells: CellText[][]
}

/** The sheet to read: by name, or chosen from the workbook's sheet names (the first when none is chosen). */
export type SheetChoice = string | ((sheets: string[]) => string | undefined)

/** A date as yyyy-mm-dd; '' for an invalid one. */
export const isoOf = (d: Date) => (Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10))

/** An Excel serial date (days since 30/12/1899, or since 1/1/1904 in a 1904 workbook) as ISO. */
export const isoOfSerial = (serial: number, date1904 = false) => isoOf(new Date(Date.UTC(1899, 11, 30) + (serial + (date1904 ? 1462 : 0)) * 86_400_000))

/** The name of the sheet to read, of the workbook's `sheets`; refused when there is no such sheet. */
export function chooseSheet(sheets: string[], choice: SheetChoice | undefined): string {
  const name = typeof choice === 'function' ? choice(sheets) : choice
  const found = name === undefined ? sheets[0] : sheets.find((s) => s === name)
  if (found === undefined) throw new AppError('no_such_sheet', { name: name ?? '' })
  return found
}

export const unreadable = () =>
  new AppError('not_a_spreadsheet')
