/**
 * The brief's tables, with column widths chosen from what they hold (widths.ts): no header
 * word is split ("Implementati / on"), and no date or time is broken inside its cell
 * ("22/10/20 / 26").
 *
 * The tables have a fixed layout (w:tblLayout fixed, the grid and every cell's w:tcW in
 * twips), which Word and LibreOffice both lay out exactly as written, so the widths worked
 * out here are the widths on the page. A date cell also carries w:noWrap: the format only
 * honours it in an autofit table (ECMA-376 §17.4.30), which is what the table becomes if the
 * officer lets Word "AutoFit to contents", and then it keeps the date on one line there too.
 */
import { AlignmentType, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType, type IContext, type IXmlableObject } from 'docx'
import { TABLE_SIZE, TEXT_WIDTH, lineSpacing, lines, para } from './common.ts'
import { lineCount, measure, shareWidths, textWidth, widestWord, type Column } from './widths.ts'

/** Cell margins left and right, and what the borders take. */
const CELL_MARGIN = 80
const PADDING = 2 * CELL_MARGIN + 30
/** A word wider than this may be broken (a long web address); a date or a header word never is. */
const LONGEST_WORD = Math.round(TEXT_WIDTH / 4)

const DAY = String.raw`\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}`
const TIME = String.raw`\d{1,2}:\d{2}(?:\s?[–-]\s?\d{1,2}:\d{2})?`
const WEEKDAY = String.raw`(?:Thứ (?:Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*),?\s`
/**
 * A cell that is a date, a time or both: "07/12/2026", "Thứ Hai, 07/12/2026", "Mon 7 Dec 2026",
 * "22/10/2026 09:30", "10:00–11:30", "07/12/2026 – 11/12/2026". It is kept on one line.
 */
const DATE_CELL = new RegExp(String.raw`^(?:(?:${WEEKDAY})?(?:${DAY})(?:\s?[–-]\s?(?:${DAY}))?(?:,?\s(?:${TIME}))?|${TIME})$`, 'u')
/** A date inside other text ("quá hạn từ 05/03/2026)"): that word is never broken. */
const DATE_WORD = /\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}:\d{2}/

export function isDateCell(text: string): boolean {
  return DATE_CELL.test(text.trim())
}

/**
 * The parts of a date cell that stay whole: the weekday, and the date with its time
 * ("Thứ Hai," / "07/12/2026"; "Mon" / "7 Dec 2026"). A column too narrow for the whole
 * cell shows them on two lines, broken there and nowhere else.
 */
export function dateParts(text: string): string[] {
  const t = text.trim()
  const weekday = new RegExp(`^${WEEKDAY}`, 'u').exec(t)?.[0]
  return weekday ? [weekday.trim(), t.slice(weekday.length).trim()] : [t]
}

/** Lines a date cell takes: one if the column holds it whole, else its parts (see dateParts). */
function dateLines(text: string, inner: number): number {
  return textWidth(text.trim(), TABLE_SIZE) <= inner ? 1 : dateParts(text).length
}

/**
 * The table's columns as shareWidths sees them, from the header (bold) and the cells, at
 * the table's size: row 0 is the header row, row r the model's row r - 1.
 */
export function tableColumns(header: string[], rows: string[][], weights: number[], size = TABLE_SIZE): Column[] {
  return header.map((h, i) => {
    const cells = rows.map((r) => r[i] ?? '')
    let hard = widestWord(h, size, true)
    let soft = 0
    for (const cell of cells) {
      if (isDateCell(cell)) hard = Math.max(hard, ...dateParts(cell).map((p) => textWidth(p, size)))
      for (const word of cell.split(/\s+/)) {
        const w = textWidth(word, size)
        if (DATE_WORD.test(word)) hard = Math.max(hard, w)
        else soft = Math.max(soft, Math.min(w, LONGEST_WORD))
      }
    }
    const measured = [measure(h, size, true), ...cells.map((t) => measure(t, size))]
    const dates = cells.map(isDateCell)
    const lines = (width: number, row: number) => {
      const inner = width - PADDING
      return row > 0 && dates[row - 1] ? dateLines(cells[row - 1]!, inner) : lineCount(measured[row]!, inner)
    }
    return { hard: hard + PADDING, soft: soft + PADDING, weight: weights[i] ?? 1, lines }
  })
}

/** A table cell that writes w:noWrap in its properties, where the schema puts it (after w:shd). */
class NoWrapCell extends TableCell {
  override prepForXml(context: IContext): IXmlableObject | undefined {
    const xml = super.prepForXml(context) as { 'w:tc'?: Array<Record<string, unknown>> } | undefined
    const props = xml?.['w:tc']?.find((c) => 'w:tcPr' in c)?.['w:tcPr'] as Array<Record<string, unknown>> | undefined
    if (props) {
      const after = ['w:tcMar', 'w:textDirection', 'w:tcFitText', 'w:vAlign', 'w:hideMark']
      const at = props.findIndex((p) => after.some((k) => k in p))
      props.splice(at < 0 ? props.length : at, 0, { 'w:noWrap': {} })
    }
    return xml as IXmlableObject | undefined
  }
}

type Align = (typeof AlignmentType)[keyof typeof AlignmentType]
/**
 * Single lines in the cells: at 1.15 LibreOffice makes a line in a table cell a third of a
 * point taller than Word does (outside tables they agree), which over a long register moves
 * its page breaks away from Word's and from the page numbers in the TOC (toc.ts).
 */
const CELL_SPACING = { spacing: { before: 40, after: 40, ...lineSpacing(1) } }

function cellParagraphs(text: string, bold: boolean, align: Align) {
  return text.split('\n').map((t) => para(t, { alignment: align, ...CELL_SPACING }, { size: TABLE_SIZE, bold }))
}

/** A date cell: on one line where the column holds it, else its weekday above its date. */
function dateParagraph(text: string, width: number) {
  const whole = dateLines(text, width - PADDING) === 1
  return lines(whole ? [text.trim()] : dateParts(text), { alignment: AlignmentType.LEFT, ...CELL_SPACING }, { size: TABLE_SIZE })
}

/** A table of the brief: shaded header row repeated on each page, rows never split. */
export function table(header: string[], rows: string[][], weights: number[]): Table {
  return tableWithWidths(header, rows, columnWidths(header, rows, weights))
}

/** The widths `table` gives these columns; several tables measured together line up (a programme's days). */
export function columnWidths(header: string[], rows: string[][], weights: number[]): number[] {
  return shareWidths(tableColumns(header, rows, weights), rows.length + 1, TEXT_WIDTH)
}

/** `table` with its column widths given (twips, summing to the text width). */
export function tableWithWidths(header: string[], rows: string[][], widths: number[]): Table {
  const cell = (text: string, i: number, head: boolean) => {
    const date = !head && isDateCell(text)
    const options = {
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: CELL_MARGIN, right: CELL_MARGIN },
      ...(head && { shading: { fill: 'E7E6E6' } }),
      children: date ? [dateParagraph(text, widths[i]!)] : cellParagraphs(text, head, head ? AlignmentType.CENTER : AlignmentType.LEFT),
    }
    return date ? new NoWrapCell(options) : new TableCell(options)
  }
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: header.map((_, i) => cell(r[i] ?? '', i, false)) })),
    ],
  })
}
