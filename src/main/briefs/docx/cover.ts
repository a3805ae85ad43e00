/**
 * The cover: the agency block left, the national name and motto right, then the title,
 * the subtitle, the dates and the boxed circulation mark.
 *
 * Lines are broken where an office breaks them, not where the column happens to end: the
 * agency block after the organ's name ("ỦY BAN NHÂN DÂN" / "TỈNH THANH HÓA"), the title at
 * its phrases ("TÀI LIỆU PHỤC VỤ ĐOÀN CÔNG TÁC" / "CỦA TỈNH THANH HÓA" / "TẠI NHẬT BẢN"),
 * never leaving one word alone on a line. The model gives each as one string; the breaks
 * are made here, as line breaks inside one paragraph (common.ts `lines`).
 */
import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType, convertMillimetersToTwip, type IParagraphOptions } from 'docx'
import type { BriefModel } from '../../../shared/domain/briefs.ts'
import { TEXT_WIDTH, line, lines, noBorders, para, pt, type RunOptions } from './common.ts'
import { textWidth } from './widths.ts'

/** Word's default cell margins, left and right (0.08"), which the cover's cells keep. */
const CELL_MARGINS = 2 * 108

/** Where a locality's name starts in an agency's name: the organ comes before it. */
const LOCALITY_VI = /^(?:THÀNH PHỐ|THỊ XÃ|THỊ TRẤN|TỈNH|HUYỆN|QUẬN|PHƯỜNG|XÃ|ĐẶC KHU)\s/u
const LOCALITY_EN = /\b(?:PROVINCE|CITY|PREFECTURE|DISTRICT|COMMUNE|WARD|TOWN)\b/u

/** The words before which a title's phrase starts ("CỦA TỈNH THANH HÓA", "TO JAPAN"). */
const PHRASE_STARTS = new Set(['CỦA', 'TẠI', 'VỀ', 'VỚI', 'Ở', 'ĐẾN', 'SANG', 'TỚI', 'OF', 'TO', 'IN', 'FOR', 'AT', 'WITH', 'ON', 'FROM', 'DURING'])
const startsPhrase = (word: string) => PHRASE_STARTS.has(word.toLocaleUpperCase('vi')) || word.startsWith('(')
/** Whether a line may well end after `word` and before `next`: at a phrase's start, or after a comma or a colon. */
const goodBreak = (word: string, next: string) => startsPhrase(next) || /[,;:]$/.test(word)

/** The agency's name as offices write it: the organ on one line, the locality on the next. */
export function agencyLines(name: string, width: number, size: number, bold = false): string[] {
  const text = name.trim().replace(/\s+/g, ' ')
  if (!text) return []
  const words = text.split(' ')
  let cut = -1
  // "ỦY BAN NHÂN DÂN TỈNH THANH HÓA": before the first locality word after the organ's name.
  for (let k = 2; k < words.length && cut < 0; k++) if (LOCALITY_VI.test(`${words.slice(k).join(' ')} `)) cut = k
  // "PEOPLE'S COMMITTEE OF THANH HOA PROVINCE": before the last "OF" that names the locality.
  if (cut < 0) {
    for (let k = words.length - 2; k >= 1 && cut < 0; k--) if (words[k] === 'OF' && LOCALITY_EN.test(words.slice(k + 1).join(' '))) cut = k
  }
  const parts = cut > 0 ? [words.slice(0, cut).join(' '), words.slice(cut).join(' ')] : [text]
  return parts.flatMap((p) => balancedLines(p, width, size, bold))
}

/**
 * The title's lines: on one line if it fits; otherwise a line for each phrase (starting at
 * the words of PHRASE_STARTS, or after a colon), a phrase of
 * one word joined to its neighbour, at most three lines (the first phrases joined first,
 * where they fit together), and a phrase too wide for a line itself broken in balance.
 */
export function titleLines(title: string, width: number, size: number, bold = true): string[] {
  const text = title.trim().replace(/\s+/g, ' ')
  if (!text || textWidth(text, size, bold) <= width) return text ? [text] : []
  const words = text.split(' ')
  let phrases: string[][] = []
  for (const [i, w] of words.entries()) {
    if (i === 0 || startsPhrase(w) || words[i - 1]!.endsWith(':')) phrases.push([w])
    else phrases.at(-1)!.push(w)
  }
  // A phrase of one word joins the next one (the last joins the one before).
  for (let i = 0; i < phrases.length; i++) {
    if (phrases.length > 1 && phrases[i]!.length === 1) {
      const j = i < phrases.length - 1 ? i + 1 : i - 1
      phrases[Math.min(i, j)] = [...phrases[Math.min(i, j)]!, ...phrases[Math.max(i, j)]!]
      phrases.splice(Math.max(i, j), 1)
      i = -1
    }
  }
  const fits = (ws: string[]) => textWidth(ws.join(' '), size, bold) <= width
  while (phrases.length > 3) {
    const k = phrases.findIndex((p, i) => i < phrases.length - 1 && fits([...p, ...phrases[i + 1]!]))
    if (k < 0) break
    phrases = [...phrases.slice(0, k), [...phrases[k]!, ...phrases[k + 1]!], ...phrases.slice(k + 2)]
  }
  return phrases.flatMap((p) => balancedLines(p.join(' '), width, size, bold))
}

/**
 * `text` on as few lines of `width` as it takes, broken so that the lines are even, at a
 * phrase's start or after a comma where that costs little, and with no line of a single
 * word.
 */
export function balancedLines(text: string, width: number, size: number, bold = false): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean)
  if (words.length < 4 || textWidth(words.join(' '), size, bold) <= width) return [words.join(' ')]
  const measure = (from: number, to: number) => textWidth(words.slice(from, to).join(' '), size, bold)
  const best = (from: number, count: number): { cost: number; cuts: number[] } => {
    // The lines of words[from..] in `count` lines: their cost is the widest line, and more
    // for a break that is not at a phrase's start, a line of one word, or a line too wide.
    if (count === 1) {
      const w = measure(from, words.length)
      return { cost: w + (words.length - from === 1 ? width : 0) + (w > width ? 10 * width : 0), cuts: [] }
    }
    let choice = { cost: Infinity, cuts: [] as number[] }
    for (let cut = from + 1; cut < words.length; cut++) {
      const w = measure(from, cut)
      const rest = best(cut, count - 1)
      const cost = Math.max(w + (cut - from === 1 ? width : 0) + (w > width ? 10 * width : 0) + (goodBreak(words[cut - 1]!, words[cut]!) ? 0 : width / 8), rest.cost)
      if (cost < choice.cost) choice = { cost, cuts: [cut, ...rest.cuts] }
    }
    return choice
  }
  const count = Math.min(words.length, Math.ceil(measure(0, words.length) / width) + 1)
  let choice = best(0, Math.max(2, count - 1))
  if (choice.cost >= 10 * width) choice = best(0, count)
  const bounds = [0, ...choice.cuts, words.length]
  return bounds.slice(1).map((end, i) => words.slice(bounds[i], end).join(' '))
}

export function cover(m: BriefModel): Array<Paragraph | Table> {
  const half = Math.round(TEXT_WIDTH * 0.4)
  const rest = TEXT_WIDTH - half
  const centred = (texts: string[], runOptions: RunOptions, options: IParagraphOptions = {}) =>
    lines(texts, { alignment: AlignmentType.CENTER, spacing: { after: 0 }, ...options }, runOptions)
  // A short rule beneath: the bottom border of a tiny empty paragraph, indented so that it
  // spans the middle of the column.
  const rule = (width: number, share: number) =>
    new Paragraph({
      border: { bottom: line },
      indent: { left: Math.round((width * (1 - share)) / 2), right: Math.round((width * (1 - share)) / 2) },
      spacing: { before: 0, after: 0, line: 80, lineRule: 'exact' },
      children: [new TextRun({ text: '', size: 2 })],
    })
  const agencySize = pt(13)
  const parent = m.cover.parentAgency.toLocaleUpperCase('vi')
  const agency = m.cover.agency.toLocaleUpperCase('vi')
  const header = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, rest],
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: half, type: WidthType.DXA },
            borders: noBorders,
            children: [
              ...(parent.trim() ? [centred(agencyLines(parent, half - CELL_MARGINS, agencySize), { size: agencySize })] : []),
              centred(agencyLines(agency, half - CELL_MARGINS, agencySize, true), { size: agencySize, bold: true }),
              rule(half, 0.3),
            ],
          }),
          new TableCell({
            width: { size: rest, type: WidthType.DXA },
            borders: noBorders,
            children: [
              centred([m.cover.nationalName], { size: pt(12), bold: true }),
              centred([m.cover.motto], { size: pt(13), bold: true }),
              rule(rest, 0.6),
              centred([m.cover.placeDate], { size: pt(14), italics: true }, { spacing: { before: 160 } }),
            ],
          }),
        ],
      }),
    ],
  })
  // 62 mm as offices box "LƯU HÀNH NỘI BỘ"; wider when the mark would not fit on one line
  // ("FOR INTERNAL CIRCULATION", or a mark the officer typed), never wider than the text.
  const markWidth = Math.min(TEXT_WIDTH, Math.max(convertMillimetersToTwip(62), textWidth(m.cover.circulation, pt(14), true) + convertMillimetersToTwip(8)))
  const mark = new Table({
    width: { size: markWidth, type: WidthType.DXA },
    columnWidths: [markWidth],
    alignment: AlignmentType.CENTER,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            borders: { top: line, bottom: line, left: line, right: line },
            margins: { top: 80, bottom: 80 },
            children: [centred([m.cover.circulation], { size: pt(14), bold: true })],
          }),
        ],
      }),
    ],
  })
  return [
    header,
    para('', { spacing: { before: 2400 } }),
    centred(titleLines(m.cover.title, TEXT_WIDTH, pt(16)), { size: pt(16), bold: true }, { spacing: { after: 240 } }),
    centred(balancedLines(m.cover.subtitle, TEXT_WIDTH, pt(14), true), { size: pt(14), bold: true }, { spacing: { after: 120 } }),
    centred([m.cover.dates], { size: pt(14), italics: true }, { spacing: { after: 1600 } }),
    mark,
  ]
}
