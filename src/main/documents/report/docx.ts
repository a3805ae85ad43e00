/**
 * ReportModel -> .docx, with the brief's building blocks (Decree 30 page, margins, fonts,
 * body blocks and tables): the header of an administrative document (agency and its number
 * left; national name, motto and place and date right), the title "BÁO CÁO" and its
 * subject, the numbered sections, then "Nơi nhận" beside the signature block. Page numbers
 * are centred in the top margin from page 2. Pure: model in, bytes out.
 */
import { AlignmentType, Document, HeadingLevel, LevelFormat, LevelSuffix, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx'
import type { ReportModel } from '../../../shared/domain/report.ts'
import { BODY_SIZE, FIRST_LINE, TEXT_WIDTH, fonts, line, lineSpacing, lines, noBorders, para, pt, run, type RunOptions, decree30Section } from '../../briefs/docx/common.ts'
import { agencyLines, balancedLines } from '../../briefs/docx/cover.ts'
import { renderBlock } from '../../briefs/docx/render.ts'

const CELL_MARGINS = 2 * 108

const centred = (texts: string[], runOptions: RunOptions, spacing: { before?: number; after?: number } = {}) =>
  lines(texts, { alignment: AlignmentType.CENTER, spacing: { after: 0, ...spacing } }, runOptions)

/** A short rule beneath a line: the bottom border of a tiny paragraph spanning `share` of the column. */
const rule = (width: number, share: number) =>
  new Paragraph({
    border: { bottom: line },
    indent: { left: Math.round((width * (1 - share)) / 2), right: Math.round((width * (1 - share)) / 2) },
    spacing: { before: 0, after: 0, line: 80, lineRule: 'exact' },
    children: [new TextRun({ text: '', size: 2 })],
  })

function twoColumns(left: Paragraph[], right: Paragraph[], share: number): Table {
  const half = Math.round(TEXT_WIDTH * share)
  const rest = TEXT_WIDTH - half
  const cell = (width: number, children: Paragraph[]) => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: noBorders, children })
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, rest],
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [new TableRow({ children: [cell(half, left), cell(rest, right)] })],
  })
}

function header(m: ReportModel): Array<Paragraph | Table> {
  const half = Math.round(TEXT_WIDTH * 0.4)
  const size = pt(13)
  const parent = m.header.parentAgency.toLocaleUpperCase('vi')
  const agency = m.header.agency.toLocaleUpperCase('vi')
  const left = [
    ...(parent.trim() ? [centred(agencyLines(parent, half - CELL_MARGINS, size), { size })] : []),
    centred(agencyLines(agency, half - CELL_MARGINS, size, true), { size, bold: true }),
    rule(half, 0.3),
    centred([m.header.number], { size }, { before: 120 }),
  ]
  const right = [
    centred([m.header.nationalName], { size: pt(12), bold: true }),
    centred([m.header.motto], { size: pt(13), bold: true }),
    rule(TEXT_WIDTH - half, 0.6),
    centred([m.header.placeDate], { size: pt(14), italics: true }, { before: 160 }),
  ]
  return [
    twoColumns(left, right, 0.4),
    centred([m.title], { size: pt(14), bold: true }, { before: 480, after: 0 }),
    centred(balancedLines(m.subtitle, TEXT_WIDTH - 1200, pt(14), true), { size: pt(14), bold: true }, { after: 0 }),
    rule(TEXT_WIDTH, 0.25),
    para('', { spacing: { after: 120 } }),
  ]
}

function closing(m: ReportModel): Table {
  const left = [
    new Paragraph({ spacing: { after: 0 }, children: [run('Nơi nhận:', { bold: true, italics: true, size: pt(12) })] }),
    ...m.recipients.map((r) => new Paragraph({ spacing: { after: 0 }, children: [run(`- ${r}`, { size: pt(11) })] })),
  ]
  const right = [
    centred([m.signature.authority, ...(m.signature.title ? [m.signature.title] : [])], { size: pt(14), bold: true }),
    para('', { spacing: { before: 1600 } }),
    centred([m.signature.name], { size: pt(14), bold: true }),
  ]
  return twoColumns(left, right, 0.45)
}

export function reportDocument(m: ReportModel): Document {
  const children: Array<Paragraph | Table> = [...header(m)]
  for (const s of m.sections) {
    children.push(para(s.title, { heading: HeadingLevel.HEADING_1 }))
    for (const b of s.blocks) children.push(...renderBlock(b))
  }
  children.push(para('', { spacing: { after: 240 } }), closing(m))
  return new Document({
    creator: 'Hành Trang',
    title: m.title,
    description: m.subtitle,
    styles: {
      default: {
        document: { run: { font: fonts, size: BODY_SIZE }, paragraph: { spacing: { after: 120, ...lineSpacing(1.15) } } },
        heading1: { run: { font: fonts, size: pt(14), bold: true, allCaps: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, alignment: AlignmentType.LEFT, keepNext: true } },
        heading2: { run: { font: fonts, size: pt(14), bold: true, color: '000000' }, paragraph: { spacing: { before: 200, after: 120 }, alignment: AlignmentType.LEFT, keepNext: true } },
      },
      paragraphStyles: [
        {
          id: 'Body',
          name: 'Body Text Decree 30',
          basedOn: 'Normal',
          quickFormat: true,
          run: { font: fonts, size: BODY_SIZE },
          paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE }, spacing: { after: 120, ...lineSpacing(1.15) } },
        },
        { id: 'BlockLabel', name: 'Block Label', basedOn: 'Normal', run: { font: fonts, size: BODY_SIZE, bold: true }, paragraph: { indent: { firstLine: FIRST_LINE }, spacing: { before: 120, after: 60 }, keepNext: true } },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'dash',
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: '-', suffix: LevelSuffix.SPACE, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 0, firstLine: FIRST_LINE } } } },
            { level: 1, format: LevelFormat.BULLET, text: '+', suffix: LevelSuffix.SPACE, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 0, firstLine: FIRST_LINE + 567 } } } },
          ],
        },
      ],
    },
    sections: [decree30Section(children)],
  })
}

export function renderReport(m: ReportModel): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(m))
}
