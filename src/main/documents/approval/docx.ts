/**
 * ApprovalModel -> .docx: a Decree 30 administrative document with the brief's building
 * blocks (briefs/docx: page, margins, fonts, tables, the agency block's line breaks). The
 * header: the agency block with "Số: …/TTr-SNgV" under it, left; the national name and
 * motto with the place and date, right. Then the kind and subject, "Kính gửi", the legal
 * bases, the parts I–V, the closing line, and "Nơi nhận" beside the signature block. Page
 * numbers centred in the top margin from page 2. Pure: model in, bytes out.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType, type IParagraphOptions } from 'docx'
import type { ApprovalBlock, ApprovalModel } from '../../../shared/domain/approval.ts'
import { BODY_SIZE, FIRST_LINE, TEXT_WIDTH, fonts, line, lineSpacing, lines, noBorders, para, pt, type RunOptions, decree30Section } from '../../briefs/docx/common.ts'
import { agencyLines, balancedLines } from '../../briefs/docx/cover.ts'
import { table } from '../../briefs/docx/tables.ts'

const CELL_MARGINS = 2 * 108
const centred = (texts: string[], runOptions: RunOptions, options: IParagraphOptions = {}) => lines(texts, { alignment: AlignmentType.CENTER, spacing: { after: 0 }, ...options }, runOptions)

/** A short rule: the bottom border of a tiny paragraph, `share` of the column wide, centred. */
const rule = (width: number, share: number) =>
  new Paragraph({
    border: { bottom: line },
    indent: { left: Math.round((width * (1 - share)) / 2), right: Math.round((width * (1 - share)) / 2) },
    spacing: { before: 0, after: 0, line: 80, lineRule: 'exact' },
    children: [new TextRun({ text: '', size: 2 })],
  })

const cell = (width: number, children: Paragraph[]) => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: noBorders, children })
const twoColumns = (left: number, a: Paragraph[], b: Paragraph[]) =>
  new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, TEXT_WIDTH - left],
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [new TableRow({ children: [cell(left, a), cell(TEXT_WIDTH - left, b)] })],
  })

function heading(m: ApprovalModel): Table {
  const half = Math.round(TEXT_WIDTH * 0.42)
  const size = pt(13)
  const parent = m.header.parentAgency.toLocaleUpperCase('vi')
  return twoColumns(
    half,
    [
      ...(parent.trim() ? [centred(agencyLines(parent, half - CELL_MARGINS, size), { size })] : []),
      centred(agencyLines(m.header.agency.toLocaleUpperCase('vi'), half - CELL_MARGINS, size, true), { size, bold: true }),
      rule(half, 0.3),
      centred([m.header.number], { size }, { spacing: { before: 120 } }),
    ],
    [
      centred([m.header.nationalName], { size: pt(12), bold: true }),
      centred([m.header.motto], { size, bold: true }),
      rule(TEXT_WIDTH - half, 0.6),
      centred([m.header.placeDate], { size: pt(14), italics: true }, { spacing: { before: 120 } }),
    ],
  )
}

function block(b: ApprovalBlock): Array<Paragraph | Table> {
  switch (b.type) {
    case 'para':
      return [para(b.text, { style: 'Body' })]
    case 'label':
      return [para(b.text, { style: 'Body', keepNext: true }, { bold: true })]
    case 'bullet':
      return [para(`- ${b.text}`, { style: 'Body' })]
    case 'table':
      return [table(b.header, b.rows, b.widths), para('', { spacing: { after: 120 } })]
  }
}

/** "Nơi nhận" left (12 pt bold italic, the lines 11 pt), the signature right. */
function signing(m: ApprovalModel): Table {
  const left = Math.round(TEXT_WIDTH * 0.45)
  const items = m.recipients.map((r, i) => `- ${r.replace(/[;.]$/, '')}${i === m.recipients.length - 1 ? '.' : ';'}`)
  const sign = (t: string) => centred(balancedLines(t, TEXT_WIDTH - left - CELL_MARGINS, pt(14), true), { size: pt(14), bold: true })
  return twoColumns(
    left,
    [
      para('Nơi nhận:', { spacing: { before: 120, after: 0 } }, { size: pt(12), bold: true, italics: true }),
      ...items.map((t) => para(t, { spacing: { after: 0, ...lineSpacing(1) } }, { size: pt(11) })),
    ],
    [
      ...(m.signature.authority ? [sign(m.signature.authority.toLocaleUpperCase('vi'))] : []),
      sign(m.signature.title.toLocaleUpperCase('vi')),
      para('', { spacing: { before: 1400, after: 0 } }),
      centred([m.signature.name], { size: pt(14), bold: true }),
    ],
  )
}

export function approvalDocument(m: ApprovalModel): Document {
  const children: Array<Paragraph | Table> = [
    heading(m),
    centred([m.title], { size: pt(14), bold: true }, { spacing: { before: 360, after: 0 } }),
    centred(balancedLines(m.subject, TEXT_WIDTH - 1200, pt(14), true), { size: pt(14), bold: true }),
    rule(TEXT_WIDTH, 0.25),
    centred([`Kính gửi: ${m.recipient}.`], { size: pt(14) }, { spacing: { before: 240, after: 240 } }),
    ...m.legalBases.map((t) => para(`${/^căn cứ/i.test(t) ? t.replace(/[;.]$/, '') : `Căn cứ ${t.replace(/[;.]$/, '')}`};`, { style: 'Body' }, { italics: true })),
    para(
      m.kind === 'to-trinh'
        ? `${m.header.agencyName} kính trình ${m.recipient} xem xét, cho phép ${m.subject.replace(/^Về việc /, '')} như sau:`
        : `${m.header.agencyName} xây dựng Kế hoạch ${m.subject.charAt(0).toLocaleLowerCase('vi')}${m.subject.slice(1)} như sau:`,
      { style: 'Body' },
    ),
  ]
  for (const s of m.sections) {
    children.push(para(s.title, { heading: HeadingLevel.HEADING_1 }))
    for (const b of s.blocks) children.push(...block(b))
  }
  children.push(para(m.closing, { style: 'Body' }), signing(m))

  return new Document({
    creator: 'Hành Trang',
    title: `${m.title} ${m.subject}`,
    styles: {
      default: {
        document: { run: { font: fonts, size: BODY_SIZE }, paragraph: { spacing: { after: 120, ...lineSpacing(1.15) } } },
        heading1: {
          run: { font: fonts, size: pt(14), bold: true, color: '000000' },
          paragraph: { spacing: { before: 160, after: 120 }, indent: { firstLine: FIRST_LINE }, alignment: AlignmentType.LEFT, keepNext: true },
        },
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
      ],
    },
    sections: [decree30Section(children)],
  })
}

export const renderApprovalDocx = (m: ApprovalModel): Promise<Buffer> => Packer.toBuffer(approvalDocument(m))
