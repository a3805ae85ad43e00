/** The page, the fonts and the runs every part of the brief is written with (Decree 30, DESIGN.md). */
import { AlignmentType, BorderStyle, Header, PageNumber, PageOrientation, Paragraph, TextRun, convertMillimetersToTwip, type IParagraphOptions, type IRunOptions, type ISectionOptions } from 'docx'
import { hasCjk } from '../../../shared/text/fold.ts'

export const FONT = 'Times New Roman'
/** Word's Japanese serif; LibreOffice falls back to IPAMincho where it is missing. */
export const EAST_ASIA = 'MS Mincho'
export const fonts = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: EAST_ASIA }
/** Points to half-points, docx's unit of font size. */
export const pt = (n: number) => n * 2

export const PAGE = { width: 11906, height: 16838 }
export const MARGIN = { top: convertMillimetersToTwip(22), bottom: convertMillimetersToTwip(22), left: convertMillimetersToTwip(31), right: convertMillimetersToTwip(17) }
/** A4 less the left and right margins: 9186 twips, about 162 mm. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right
export const BODY_SIZE = pt(14)
export const TABLE_SIZE = pt(12)
export const FIRST_LINE = convertMillimetersToTwip(12.7)

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
export const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none }
export const line = { style: BorderStyle.SINGLE, size: 6, color: '000000' }

/**
 * Line spacing as a multiple of single. `lineRule: 'auto'` is written out: it is the default
 * in the format, but LibreOffice, without it, takes `w:line` for an exact height in twips and
 * sets 14 pt text on 13.8 pt lines, tighter than Word, so that the pages no longer match.
 */
export const lineSpacing = (multiple: number) => ({ line: Math.round(multiple * 240), lineRule: 'auto' as const })

export type RunOptions = Omit<IRunOptions, 'text' | 'children'>

export function run(text: string, options: RunOptions = {}): TextRun {
  // Japanese runs name the East Asian font explicitly, so Word and LibreOffice never guess.
  return new TextRun({ text, font: fonts, ...(hasCjk(text) && { language: { eastAsia: 'ja-JP' } }), ...options })
}

export function para(text: string, options: IParagraphOptions = {}, runOptions: RunOptions = {}): Paragraph {
  return new Paragraph({ children: [run(text, runOptions)], ...options })
}

/**
 * One paragraph of several lines, each line ended by a line break (w:br). A line keeps a
 * space before its break, so that the paragraph's text, copied or read by a program, is
 * still the words with spaces between them ("ỦY BAN NHÂN DÂN TỈNH THANH HÓA"); a space at
 * the end of a line takes no room in Word or LibreOffice.
 */
export function lines(texts: string[], options: IParagraphOptions = {}, runOptions: RunOptions = {}): Paragraph {
  // Each line after the first is a run that starts with the break, in the line's own size.
  const children = texts.map((t, i) => run(i < texts.length - 1 ? `${t} ` : t, { ...runOptions, ...(i > 0 && { break: 1 }) }))
  return new Paragraph({ children, ...options })
}

/**
 * The one section of a document the office sends (the brief, the approval request, the
 * report, the programme): A4 portrait with Decree 30's margins, the page number centred in
 * the header from page 2, none on the first page.
 */
export function decree30Section(children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: { titlePage: true, page: { size: { ...PAGE, orientation: PageOrientation.PORTRAIT }, margin: MARGIN, pageNumbers: { start: 1 } } },
    headers: {
      first: new Header({ children: [new Paragraph({ children: [] })] }),
      default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: fonts, size: pt(13) })] })] }),
    },
    children,
  }
}
