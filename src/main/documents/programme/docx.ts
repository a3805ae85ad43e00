/**
 * ProgrammeModel -> .docx, on the brief's page and with its building blocks (briefs/docx):
 * A4 portrait with the Decree 30 margins, Times New Roman with the East Asian font named for
 * Japanese runs, the agency block and the title broken where an office breaks them, the
 * brief's tables (widths from their content, header rows repeated, times never broken),
 * page numbers centred at the top from page 2. Pure: model in, bytes out.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TextRun } from 'docx'
import type { ProgrammeModel } from '../../../shared/domain/programme.ts'
import { BODY_SIZE, FIRST_LINE, TEXT_WIDTH, fonts, line, lineSpacing, lines, para, pt, decree30Section } from '../../briefs/docx/common.ts'
import { agencyLines, titleLines } from '../../briefs/docx/cover.ts'
import { columnWidths, tableWithWidths } from '../../briefs/docx/tables.ts'

const AGENCY_WIDTH = Math.round(TEXT_WIDTH * 0.55)

function heading(m: ProgrammeModel): Array<Paragraph | Table> {
  const centred = (texts: string[], size: number, bold: boolean, after = 0) =>
    lines(texts, { alignment: AlignmentType.CENTER, spacing: { after } }, { size, bold })
  const [parent = '', agency = ''] = m.agency
  return [
    // The agency block left, as a Vietnamese office heads what it sends: the governing body, then the office (bold) over a short rule.
    lines(agencyLines(parent, AGENCY_WIDTH, pt(13)), { alignment: AlignmentType.CENTER, indent: { right: TEXT_WIDTH - AGENCY_WIDTH }, spacing: { after: 0 } }, { size: pt(13) }),
    lines(agencyLines(agency, AGENCY_WIDTH, pt(13), true), { alignment: AlignmentType.CENTER, indent: { right: TEXT_WIDTH - AGENCY_WIDTH }, spacing: { after: 0 } }, { size: pt(13), bold: true }),
    new Paragraph({
      border: { bottom: line },
      indent: { left: Math.round(AGENCY_WIDTH * 0.35), right: TEXT_WIDTH - Math.round(AGENCY_WIDTH * 0.65) },
      spacing: { before: 0, after: 480, line: 80, lineRule: 'exact' },
      children: [new TextRun({ text: '', size: 2 })],
    }),
    centred(titleLines(m.title, TEXT_WIDTH, pt(15)), pt(15), true, 120),
    centred([m.dates], pt(14), false, 360),
  ]
}

export function programmeDocument(m: ProgrammeModel): Document {
  const children: Array<Paragraph | Table> = heading(m)
  for (const s of m.sections) {
    children.push(para(s.title, { heading: HeadingLevel.HEADING_1 }))
    // The section's tables (one a day) measured together, so that their columns line up.
    const tables = s.blocks.flatMap((b) => (b.type === 'table' ? [b] : []))
    const widths = tables.length ? columnWidths(tables[0]!.header, tables.flatMap((t) => t.rows), tables[0]!.widths) : []
    for (const b of s.blocks) {
      if (b.type === 'day') children.push(para(b.text, { heading: HeadingLevel.HEADING_2 }))
      else if (b.type === 'paragraph') children.push(para(b.text, { style: 'Body' }))
      else if (b.rows.length) children.push(tableWithWidths(b.header, b.rows, widths), para('', { spacing: { after: 120 } }))
    }
  }
  children.push(para(m.placeDate, { alignment: AlignmentType.RIGHT, spacing: { before: 360 } }, { italics: true }))
  return new Document({
    creator: 'Hành Trang',
    title: m.title,
    styles: {
      default: {
        document: { run: { font: fonts, size: BODY_SIZE }, paragraph: { spacing: { after: 120, ...lineSpacing(1.15) } } },
        heading1: {
          run: { font: fonts, size: pt(14), bold: true, allCaps: m.language === 'en', color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 }, alignment: AlignmentType.LEFT, keepNext: true },
        },
        heading2: {
          run: { font: fonts, size: pt(13), bold: true, color: '000000' },
          paragraph: { spacing: { before: 200, after: 100 }, alignment: AlignmentType.LEFT, keepNext: true },
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

export async function renderProgramme(m: ProgrammeModel): Promise<Uint8Array> {
  return Packer.toBuffer(programmeDocument(m))
}
